#include "EmailAddress.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace herald {

QString EmailAddress::problem(const QString& address)
{
    if (address.isEmpty())
        return tr("is empty");
    if (address.trimmed() != address)
        return tr("has spaces around it");
    if (address.size() > 254)
        return tr("is longer than 254 characters");
    const qsizetype at = address.lastIndexOf(QLatin1Char('@'));
    if (at < 0)
        return tr("has no '@'");
    const QString local = address.left(at);
    const QString domain = address.mid(at + 1);
    if (local.isEmpty())
        return tr("has nothing before the '@'");
    if (local.size() > 64)
        return tr("has more than 64 characters before the '@'");
    static const QRegularExpression localPattern(QStringLiteral(R"(^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.\x{80}-\x{10FFFF}-]+$)"));
    if (!localPattern.match(local).hasMatch() || local.startsWith(QLatin1Char('.')) || local.endsWith(QLatin1Char('.'))
        || local.contains(QStringLiteral("..")))
        return tr("has characters that are not allowed before the '@'");
    if (domain.isEmpty())
        return tr("has no domain after the '@'");
    static const QRegularExpression domainPattern(
        QStringLiteral(R"(^([A-Za-z0-9\x{80}-\x{10FFFF}]([A-Za-z0-9\x{80}-\x{10FFFF}-]{0,61}[A-Za-z0-9\x{80}-\x{10FFFF}])?\.)+[A-Za-z\x{80}-\x{10FFFF}][A-Za-z0-9\x{80}-\x{10FFFF}-]*[A-Za-z0-9\x{80}-\x{10FFFF}]$)"));
    if (!domainPattern.match(domain).hasMatch())
        return tr("has an invalid domain '%1'").arg(domain);
    return {};
}

bool EmailAddress::isValid(const QString& address) { return problem(address).isEmpty(); }

QString EmailAddress::normalized(const QString& address) { return address.trimmed().toLower(); }

} // namespace herald
