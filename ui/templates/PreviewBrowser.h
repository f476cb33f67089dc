#pragma once

#include <QHash>
#include <QImage>
#include <QTextBrowser>

namespace herald {

// Shows a rendered HTML body without reaching the network: only data: URLs, local (file:, qrc:) resources and,
// with a database, the media library's images (media:NAME) load; remote images and style sheets are refused and
// counted, so opening a preview never tells a tracking server that someone looked. Links do not navigate.
class Database;

class PreviewBrowser : public QTextBrowser
{
    Q_OBJECT
public:
    explicit PreviewBrowser(QWidget* parent = nullptr);

    // Replaces the document, counting refused resources afresh.
    void showHtml(const QString& html);
    int refusedCount() const { return m_refused; }
    // Where media: images come from (none: they are refused like remote ones). Each is read once.
    void setMediaLibrary(Database* database) { m_media = database; }
    QVariant loadResource(int type, const QUrl& name) override;

private:
    QImage mediaImage(const QString& name);

    int m_refused = 0;
    Database* m_media = nullptr;
    QHash<QString, QImage> m_mediaImages; // by name, as read
};

} // namespace herald
