#include "PreviewBrowser.h"

#include "media/MediaReference.h"
#include "storage/MediaRepository.h"

#include <QImage>
#include <QTextDocument>
#include <QUrl>

namespace herald {

namespace {
// The bytes of a data: URL ("data:image/png;base64,…" or percent-encoded text).
QByteArray dataUrlBytes(const QUrl& url)
{
    const QByteArray whole = url.toEncoded();
    const qsizetype comma = whole.indexOf(',');
    if (comma < 0)
        return {};
    const QByteArray header = whole.mid(5, comma - 5);
    const QByteArray payload = QByteArray::fromPercentEncoding(whole.mid(comma + 1));
    return header.endsWith(";base64") ? QByteArray::fromBase64(payload) : payload;
}
} // namespace

PreviewBrowser::PreviewBrowser(QWidget* parent) : QTextBrowser(parent)
{
    setOpenLinks(false);
    setOpenExternalLinks(false);
}

void PreviewBrowser::showHtml(const QString& html)
{
    m_refused = 0;
    setHtml(html);
}

QVariant PreviewBrowser::loadResource(int type, const QUrl& name)
{
    const QString scheme = name.scheme().toLower();
    if (scheme == QLatin1String("data")) {
        const QByteArray bytes = dataUrlBytes(name);
        if (type == QTextDocument::ImageResource)
            return QImage::fromData(bytes);
        return bytes;
    }
    if (scheme == QLatin1String("file") || scheme == QLatin1String("qrc"))
        return QTextBrowser::loadResource(type, name);
    if (scheme == MediaReference::scheme() && m_media && type == QTextDocument::ImageResource) {
        if (const QImage image = mediaImage(MediaReference::nameOf(name.toString())); !image.isNull())
            return image;
    }
    ++m_refused; // http, https, cid, relative names: nothing leaves this machine
    return {};
}

QImage PreviewBrowser::mediaImage(const QString& name)
{
    if (const auto cached = m_mediaImages.constFind(name); cached != m_mediaImages.constEnd())
        return cached.value();
    const auto item = MediaRepository(*m_media).findByName(name);
    // An image the library lacks is kept as a null image: the template validator names it.
    const QImage image = item ? QImage::fromData(item->image.bytes) : QImage();
    m_mediaImages.insert(name, image);
    return image;
}

} // namespace herald
