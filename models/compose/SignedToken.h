#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace herald {

// A payload and a truncated HMAC-SHA256 of it, both base64url, joined by a dot: what the links Herald puts in
// messages carry (unsubscribe, open, click, web view) so that `herald serve` trusts them without a lookup and nobody
// can forge one for a campaign, link or address they merely guess. Each kind of token starts its payload with its own
// version tag, so one kind is never accepted as another.
class SignedToken
{
public:
    explicit SignedToken(QByteArray secret) : m_secret(std::move(secret)) {}

    QString sign(const QByteArray& payload) const;
    // The payload, or nothing when the token is malformed, truncated, tampered with or signed with another secret.
    std::optional<QByteArray> verify(QStringView token) const;

    static QByteArray generateSecret();

private:
    QByteArray mac(const QByteArray& payload) const;
    QByteArray m_secret;
};

} // namespace herald
