#include "MessageUrls.h"

#include <QRegularExpression>
#include <QUrl>

namespace herald {

namespace {
const QRegularExpression& placeholder()
{
    static const QRegularExpression pattern(QStringLiteral("\\{\\{\\s*[A-Za-z_][A-Za-z0-9_]*\\s*\\}\\}"));
    return pattern;
}

bool hasStrayCharacters(const QString& url)
{
    static const QRegularExpression stray(QStringLiteral("[\\s\"'<>]"));
    QString outsidePlaceholders = url;
    outsidePlaceholders.remove(placeholder());
    return stray.match(outsidePlaceholders).hasMatch();
}

bool hasScheme(const QString& url, QLatin1String scheme)
{
    return url.size() > scheme.size() && url.startsWith(scheme, Qt::CaseInsensitive) && url.at(scheme.size()) == QLatin1Char(':');
}

bool isWebAddress(const QString& url)
{
    const QUrl parsed(url, QUrl::TolerantMode);
    const QString scheme = parsed.scheme().toLower();
    return (scheme == QLatin1String("http") || scheme == QLatin1String("https")) && !parsed.host().isEmpty();
}

// scheme:REST with something after the colon.
bool hasSchemeAndRest(const QString& url, QLatin1String scheme)
{
    return hasScheme(url, scheme) && url.size() > scheme.size() + 1;
}
} // namespace

bool MessageUrls::startsWithPlaceholder(const QString& url)
{
    return placeholder().match(url, 0, QRegularExpression::NormalMatch, QRegularExpression::AnchorAtOffsetMatchOption).hasMatch();
}

bool MessageUrls::isAllowed(const QString& url, Use use)
{
    if (url.isEmpty() || hasStrayCharacters(url))
        return false;
    if (isWebAddress(url))
        return true;
    switch (use) {
    case Use::Link:
        return startsWithPlaceholder(url) || (hasScheme(url, QLatin1String("mailto")) && url.contains(QLatin1Char('@')));
    case Use::Image:
        return startsWithPlaceholder(url) || hasSchemeAndRest(url, QLatin1String("media")) || hasSchemeAndRest(url, QLatin1String("cid"))
            || url.startsWith(QLatin1String("data:image/"), Qt::CaseInsensitive);
    case Use::Logo:
        return hasSchemeAndRest(url, QLatin1String("media"));
    }
    return false;
}

} // namespace herald
