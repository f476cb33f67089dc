#pragma once

#include "spelling/WordTokenizer.h"

#include <QLineEdit>

#include <memory>

class QMenu;

namespace herald {

class SpellingSession;

// A one-line field with spell checking (the subject): QLineEdit draws its text with no QTextDocument, so no
// QSyntaxHighlighter can mark it; this field paints the red wave under each misspelt word itself, after the
// line edit has painted, at the x its text layout gives (measured from the cursor, which QLineEdit places
// correctly even when the text is scrolled). Right-click adds SpellingMenu's actions to the standard menu.
class SpellLineEdit : public QLineEdit
{
    Q_OBJECT
public:
    explicit SpellLineEdit(QWidget* parent = nullptr);

    // nullptr: no checking.
    void setSpelling(SpellingSession* session);
    const QList<WordSpan>& misspelt() const { return m_misspelt; }
    // The menu a right-click at `position` opens (the caller owns it).
    std::unique_ptr<QMenu> createContextMenu(const QPoint& position);

protected:
    void paintEvent(QPaintEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;

private:
    void recheck();
    int xForPosition(int position) const;

    SpellingSession* m_session = nullptr;
    QList<WordSpan> m_misspelt;
};

} // namespace herald
