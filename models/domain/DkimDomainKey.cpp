#include "DkimDomainKey.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace herald {

namespace {
bool isDnsName(const QString& text)
{
    static const QRegularExpression labels(
        QStringLiteral("^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$"));
    return text.size() <= 253 && labels.match(text).hasMatch();
}
} // namespace

QString DkimDomainKey::defaultSelector(const QDate& today)
{
    return QStringLiteral("herald") + today.toString(QStringLiteral("yyyyMM"));
}

QString DkimDomainKey::defaultEd25519Selector(const QDate& today)
{
    return defaultSelector(today) + QLatin1Char('e');
}

QString DkimDomainKey::selectorProblem(const QString& selector)
{
    if (selector.isEmpty())
        return tr("The selector is empty; it names the DNS record (<selector>._domainkey.<domain>).");
    if (!isDnsName(selector))
        return tr("The selector “%1” may hold only letters, digits, hyphens and dots.").arg(selector);
    return {};
}

QString DkimDomainKey::domainProblem(const QString& domain)
{
    if (domain.isEmpty() || !domain.contains(QLatin1Char('.')) || !isDnsName(domain))
        return tr("“%1” is not a domain name such as example.org.").arg(domain);
    return {};
}

} // namespace herald
