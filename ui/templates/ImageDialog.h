#pragma once

#include <QDialog>

#include <functional>

class QLabel;
class QLineEdit;
class QSpinBox;

namespace herald {

// Insert an image: its address (https://…, or media:NAME from the media library, whose picker shows a
// "Media library…" button when the page has one), its alt text (what a reader hears, and sees while images are
// off) and its width in pixels, at most the 600 px layout. Opened with open().
class ImageDialog : public QDialog
{
    Q_OBJECT
public:
    using Picker = std::function<QString(QWidget*)>;

    explicit ImageDialog(const Picker& picker, QWidget* parent = nullptr);

    QString src() const;
    QString alt() const;
    int width() const; // 0: the image's own width

    // Why `src` cannot be an image's address in a message, or empty when it can.
    static QString srcProblem(const QString& src);

    void accept() override;

private:
    QLineEdit* m_srcEdit;
    QLineEdit* m_altEdit;
    QSpinBox* m_widthSpin;
    QLabel* m_errorLabel;
};

} // namespace herald
