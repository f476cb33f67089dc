#include "SignedToken.h"

#include <QMessageAuthenticationCode>
#include <QRandomGenerator>

namespace herald {

namespace {
constexpr auto Encoding = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
constexpr int MacBytes = 16;         // 128 bits of HMAC-SHA256: short links, still unguessable
constexpr qsizetype MaxTokenSize = 1024;

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

QByteArray SignedToken::generateSecret()
{
    QByteArray secret(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(secret.data()), secret.size() / 4);
    return secret;
}

QByteArray SignedToken::mac(const QByteArray& payload) const
{
    return QMessageAuthenticationCode::hash(payload, m_secret, QCryptographicHash::Sha256).left(MacBytes);
}

QString SignedToken::sign(const QByteArray& payload) const
{
    return QString::fromLatin1(payload.toBase64(Encoding) + '.' + mac(payload).toBase64(Encoding));
}

std::optional<QByteArray> SignedToken::verify(QStringView token) const
{
    if (token.size() > MaxTokenSize)
        return std::nullopt;
    const QByteArray latin = token.toLatin1();
    const qsizetype dot = latin.indexOf('.');
    if (dot <= 0 || latin.indexOf('.', dot + 1) >= 0)
        return std::nullopt;
    const auto options = QByteArray::AbortOnBase64DecodingErrors | QByteArray::Base64UrlEncoding;
    const auto payload = QByteArray::fromBase64Encoding(latin.left(dot), options);
    const auto given = QByteArray::fromBase64Encoding(latin.mid(dot + 1), options);
    if (!payload || !given || !constantTimeEquals(mac(*payload), *given))
        return std::nullopt;
    return *payload;
}

} // namespace herald
