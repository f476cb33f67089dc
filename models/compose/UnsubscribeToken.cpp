#include "UnsubscribeToken.h"

#include "domain/EmailAddress.h"

#include <QCoreApplication>
#include <QUrl>
#include <QUrlQuery>

namespace herald {

namespace {
const QByteArray Version = QByteArrayLiteral("u1");
} // namespace

UnsubscribeToken::UnsubscribeToken(QByteArray secret) : m_token(std::move(secret)) {}

QByteArray UnsubscribeToken::generateSecret()
{
    return SignedToken::generateSecret();
}

QString UnsubscribeToken::issue(qint64 campaignId, const QString& email) const
{
    const QByteArray payload = Version + '.' + QByteArray::number(campaignId) + '.' + EmailAddress::normalized(email).toUtf8();
    return m_token.sign(payload);
}

Result<UnsubscribeToken::Claims> UnsubscribeToken::verify(const QString& token) const
{
    const Error malformed = Error::make(Error::Kind::Validation, tr("The unsubscribe link is not valid."));
    const std::optional<QByteArray> verified = m_token.verify(token);
    if (!verified)
        return malformed;
    const QByteArray& payload = *verified;
    const QList<QByteArray> fields = payload.split('.');
    if (fields.size() < 3 || fields.at(0) != Version)
        return malformed;
    bool numeric = false;
    Claims claims;
    claims.campaignId = fields.at(1).toLongLong(&numeric);
    claims.email = QString::fromUtf8(payload.mid(fields.at(0).size() + fields.at(1).size() + 2));
    if (!numeric || !EmailAddress::isValid(claims.email))
        return malformed;
    return claims;
}

QString UnsubscribeToken::url(const QString& baseUrl, qint64 campaignId, const QString& email) const
{
    QUrl url(baseUrl);
    QUrlQuery query(url);
    query.addQueryItem(QStringLiteral("t"), issue(campaignId, email));
    url.setQuery(query);
    return url.toString(QUrl::FullyEncoded);
}

} // namespace herald
