#pragma once

#include <QTextBrowser>

namespace herald {

// Shows a rendered HTML body without reaching the network: only data: URLs and local (file:, qrc:)
// resources load; remote images and style sheets are refused and counted, so opening a preview
// never tells a tracking server that someone looked. Links do not navigate.
class PreviewBrowser : public QTextBrowser
{
    Q_OBJECT
public:
    explicit PreviewBrowser(QWidget* parent = nullptr);

    // Replaces the document, counting refused resources afresh.
    void showHtml(const QString& html);
    int refusedCount() const { return m_refused; }
    QVariant loadResource(int type, const QUrl& name) override;

private:
    int m_refused = 0;
};

} // namespace herald
