#include "AnonymisedEmail.h"

#include "EmailAddress.h"

#include <QCryptographicHash>
#include <QRegularExpression>

namespace herald {

namespace {
const QString Prefix = QStringLiteral("sha256:");
}

QString AnonymisedEmail::of(const QString& email)
{
    const QByteArray digest
        = QCryptographicHash::hash(EmailAddress::normalized(email).toUtf8(), QCryptographicHash::Sha256);
    return Prefix + QString::fromLatin1(digest.toHex());
}

bool AnonymisedEmail::isAnonymised(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("^sha256:[0-9a-f]{64}$"));
    return pattern.match(text).hasMatch();
}

} // namespace herald
