#include "MediaReference.h"

#include "compose/HtmlLinkScanner.h"

#include <QUrl>

#include <algorithm>

namespace herald {

namespace {
// Kept as they are in a media: source and in the served path: what a name usually holds besides letters.
const QByteArray Unreserved = QByteArrayLiteral("-._~!$()*+,;=@");
} // namespace

QString MediaReference::sourceFor(const QString& name)
{
    return scheme() + QLatin1Char(':') + QString::fromLatin1(QUrl::toPercentEncoding(name, Unreserved));
}

QString MediaReference::nameOf(const QString& src)
{
    const QString trimmed = src.trimmed();
    const QString prefix = scheme() + QLatin1Char(':');
    if (!trimmed.startsWith(prefix, Qt::CaseInsensitive))
        return {};
    return QUrl::fromPercentEncoding(trimmed.mid(prefix.size()).toUtf8()).trimmed();
}

QStringList MediaReference::namesIn(const QString& html)
{
    QStringList names;
    for (const HtmlLink& image : HtmlLinkScanner::scan(html).images) {
        const QString name = nameOf(image.url);
        if (!name.isEmpty() && !names.contains(name))
            names << name;
    }
    return names;
}

QString MediaReference::replaceSources(const QString& html, const QHash<QString, QString>& replacements)
{
    QList<HtmlLink> images = HtmlLinkScanner::scan(html).images;
    // From the end, so that the positions before each replacement stay true.
    std::sort(images.begin(), images.end(), [](const HtmlLink& a, const HtmlLink& b) { return a.valueStart > b.valueStart; });
    QString out = html;
    for (const HtmlLink& image : std::as_const(images)) {
        const QString name = nameOf(image.url);
        if (!name.isEmpty() && replacements.contains(name))
            out.replace(image.valueStart, image.valueEnd - image.valueStart, replacements.value(name).toHtmlEscaped());
    }
    return out;
}

QString MediaReference::publicUrl(const QString& publicBaseUrl, const MediaItem& item)
{
    QString base = publicBaseUrl;
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    return base + publicPathPrefix() + item.image.sha256 + QLatin1Char('/')
        + QString::fromLatin1(QUrl::toPercentEncoding(item.name, Unreserved));
}

} // namespace herald
