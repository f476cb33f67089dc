#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace herald {

class SpellingSession;

// A template's plain-text body, generated from the HTML body unless the writer has edited it: while the text is
// empty or what HtmlToText made of the HTML before, it follows the HTML (followHtml); once edited by hand it stays,
// and a note and "Generate text from HTML" say so. Nothing is stored for this: the text is compared with the
// generated one.
class TextBodyEditor : public QWidget
{
    Q_OBJECT
public:
    explicit TextBodyEditor(QWidget* parent = nullptr);

    QPlainTextEdit* edit() const { return m_edit; }
    // The text as stored, for `html` as stored: not an edit.
    void load(const QString& text, const QString& html);
    QString text() const;
    // The text once it has followed `html`: generated when it follows, else as it is.
    QString textFor(const QString& html) const;
    // The HTML body is now `html`: the text follows when it was generated.
    void followHtml(const QString& html);
    bool followsHtml() const;

    void setSpelling(SpellingSession& session);

public slots:
    // Writes the text from the HTML body, asking first when that replaces text edited by hand.
    void generate();

signals:
    void changed();

private:
    void setText(const QString& text);
    void updateNote();

    QPlainTextEdit* m_edit;
    QPushButton* m_generateButton;
    QLabel* m_note;
    QString m_html;
    QString m_generated; // HtmlToText of m_html
};

} // namespace herald
