#include "TrackingToken.h"

#include <QList>

namespace herald {

namespace {
const QByteArray Version = QByteArrayLiteral("e1");
const QByteArray TestMark = QByteArrayLiteral("t");

bool toNumber(const QByteArray& field, qint64* out)
{
    bool ok = false;
    *out = field.toLongLong(&ok);
    return ok && *out >= 0 && field == QByteArray::number(*out); // one spelling per number: no "+1" or "01"
}
} // namespace

QString TrackingToken::issue(const Claims& claims) const
{
    QByteArray payload = Version + '.' + char(claims.kind) + '.' + QByteArray::number(claims.campaignId) + '.'
        + QByteArray::number(claims.linkNo) + '.' + QByteArray::number(claims.sendId);
    if (claims.test)
        payload += '.' + TestMark;
    return m_token.sign(payload);
}

std::optional<TrackingToken::Claims> TrackingToken::verify(QStringView token) const
{
    const std::optional<QByteArray> payload = m_token.verify(token);
    if (!payload)
        return std::nullopt;
    const QList<QByteArray> fields = payload->split('.');
    if ((fields.size() != 5 && fields.size() != 6) || fields.at(0) != Version || fields.at(1).size() != 1)
        return std::nullopt;
    if (fields.size() == 6 && fields.at(5) != TestMark)
        return std::nullopt;
    Claims claims;
    const char kind = fields.at(1).at(0);
    if (kind != char(Kind::Open) && kind != char(Kind::Click) && kind != char(Kind::View))
        return std::nullopt;
    claims.kind = Kind(kind);
    qint64 link = 0;
    if (!toNumber(fields.at(2), &claims.campaignId) || !toNumber(fields.at(3), &link)
        || !toNumber(fields.at(4), &claims.sendId) || claims.campaignId == 0 || link > 1000000)
        return std::nullopt;
    claims.linkNo = int(link);
    claims.test = fields.size() == 6;
    return claims;
}

QString TrackingToken::pathPrefix(Kind kind)
{
    return QStringLiteral("/%1/").arg(QLatin1Char(char(kind)));
}

QString TrackingToken::url(const QString& baseUrl, const Claims& claims) const
{
    QString base = baseUrl;
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    return base + pathPrefix(claims.kind) + issue(claims);
}

} // namespace herald
