#include "UnsubscribeToken.h"

#include "domain/EmailAddress.h"

#include <QCoreApplication>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QUrl>
#include <QUrlQuery>

namespace herald {

namespace {
constexpr auto Encoding = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
const QByteArray Version = QByteArrayLiteral("u1");
constexpr int SignatureBytes = 16; // 128 bits of HMAC-SHA256: short links, still unguessable


bool constantTimeEquals(const QByteArray& a, const QByteArray& b)
{
    if (a.size() != b.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= uchar(a.at(i)) ^ uchar(b.at(i));
    return difference == 0;
}
} // namespace

UnsubscribeToken::UnsubscribeToken(QByteArray secret) : m_secret(std::move(secret)) {}

QByteArray UnsubscribeToken::generateSecret()
{
    QByteArray secret(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(secret.data()), secret.size() / 4);
    return secret;
}

QByteArray UnsubscribeToken::signature(const QByteArray& payload) const
{
    return QMessageAuthenticationCode::hash(payload, m_secret, QCryptographicHash::Sha256).left(SignatureBytes);
}

QString UnsubscribeToken::issue(qint64 campaignId, const QString& email) const
{
    const QByteArray payload = Version + '.' + QByteArray::number(campaignId) + '.' + EmailAddress::normalized(email).toUtf8();
    return QString::fromLatin1(payload.toBase64(Encoding) + '.' + signature(payload).toBase64(Encoding));
}

Result<UnsubscribeToken::Claims> UnsubscribeToken::verify(const QString& token) const
{
    const Error malformed = Error::make(Error::Kind::Validation, tr("The unsubscribe link is not valid."));
    if (token.size() > 1024)
        return malformed;
    const QList<QByteArray> pieces = token.toLatin1().split('.');
    if (pieces.size() != 2)
        return malformed;
    const auto options = QByteArray::AbortOnBase64DecodingErrors | QByteArray::Base64UrlEncoding;
    const auto decodedPayload = QByteArray::fromBase64Encoding(pieces.at(0), options);
    const auto decodedMac = QByteArray::fromBase64Encoding(pieces.at(1), options);
    if (!decodedPayload || !decodedMac || !constantTimeEquals(signature(*decodedPayload), *decodedMac))
        return malformed;
    const QByteArray payload = *decodedPayload;
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
