#pragma once

#include <QDialog>

class QLabel;
class QPlainTextEdit;

namespace herald {

class PhonePreview;
class PreviewBrowser;
struct MessageSpec;

// The rendered message at desktop width, at phone width and as plain text, side by side in a window of its own
// (as Mailchimp's and listmonk's previews open over the editor): the Templates page's preview column has room
// for one of them at a time. It does not render: TemplatePreview hands it each message it renders, so it follows
// the editor while open.
class SideBySidePreview : public QDialog
{
    Q_OBJECT
public:
    explicit SideBySidePreview(QWidget* parent = nullptr);

    void showMessage(const MessageSpec& message, const QString& recipientName);
    PreviewBrowser* desktop() const { return m_desktop; }
    PhonePreview* phone() const { return m_phone; }
    QPlainTextEdit* text() const { return m_text; }

private:
    QLabel* m_subjectLabel;
    PreviewBrowser* m_desktop;
    PhonePreview* m_phone;
    QPlainTextEdit* m_text;
};

} // namespace herald
