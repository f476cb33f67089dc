#include "PreviewBrowser.h"

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
    ++m_refused; // http, https, cid, relative names: nothing leaves this machine
    return {};
}

} // namespace herald
