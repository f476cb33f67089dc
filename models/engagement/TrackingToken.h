#pragma once

#include "compose/SignedToken.h"

#include <QString>

#include <optional>

namespace herald {

// The signed token in an open pixel's, a tracked link's and a web view link's path. It names the campaign, the link
// (clicks; 0 is the hidden trap link) and, for per-recipient tracking and web views, the send; an anonymous token
// names no recipient at all. Test sends carry the test mark: `herald serve` answers them and records nothing.
class TrackingToken
{
public:
    enum class Kind : char { Open = 'o', Click = 'c', View = 'v' };

    struct Claims
    {
        Kind kind = Kind::Open;
        qint64 campaignId = 0;
        int linkNo = 0;     // clicks only
        qint64 sendId = 0;  // 0: anonymous
        bool test = false;  // from a test send: answered, never recorded
    };

    explicit TrackingToken(QByteArray secret) : m_token(std::move(secret)) {}

    QString issue(const Claims& claims) const;
    // The claims, or nothing for a malformed, truncated, tampered or foreign token (or another kind of token).
    std::optional<Claims> verify(QStringView token) const;
    // `baseUrl` (herald serve's public address) + "/o/", "/c/" or "/v/" + the token.
    QString url(const QString& baseUrl, const Claims& claims) const;

    // The path prefix of a kind's URLs, "/c/" for clicks.
    static QString pathPrefix(Kind kind);

private:
    SignedToken m_token;
};

} // namespace herald
