#include "engagement/ClientAddress.h"

#include <algorithm>

namespace herald {

namespace {

bool isPort(QStringView text)
{
    return !text.isEmpty() && text.size() <= 5
        && std::all_of(text.begin(), text.end(), [](QChar c) { return c.unicode() >= '0' && c.unicode() <= '9'; });
}

// One X-Forwarded-For entry: an address, "[IPv6]" or an address with a port ("203.0.113.7:4711", "[::1]:443").
std::optional<QHostAddress> parseForwardedEntry(QStringView entry)
{
    if (entry.startsWith(QLatin1Char('['))) {
        const qsizetype close = entry.indexOf(QLatin1Char(']'));
        if (close < 0)
            return std::nullopt;
        const QStringView rest = entry.mid(close + 1);
        if (!rest.isEmpty() && !(rest.startsWith(QLatin1Char(':')) && isPort(rest.mid(1))))
            return std::nullopt;
        const QStringView inner = entry.mid(1, close - 1);
        return inner.contains(QLatin1Char(':')) ? parseIpAddress(inner) : std::nullopt;
    }
    const qsizetype colon = entry.indexOf(QLatin1Char(':'));
    if (colon >= 0 && entry.lastIndexOf(QLatin1Char(':')) == colon) { // one colon: IPv4 and a port
        if (!isPort(entry.mid(colon + 1)))
            return std::nullopt;
        entry = entry.left(colon);
        return entry.contains(QLatin1Char('.')) ? parseIpAddress(entry) : std::nullopt;
    }
    return parseIpAddress(entry);
}

} // namespace

ClientAddress::ClientAddress(const QHostAddress& address) : m_address(unmappedAddress(address)) {}

ClientAddress ClientAddress::fromRequest(const QHostAddress& peer, QStringView forwardedFor,
                                         const IpNetworkList& trustedProxies)
{
    QHostAddress client = unmappedAddress(peer);
    if (client.isNull() || !trustedProxies.contains(client))
        return ClientAddress(client);
    const auto entries = forwardedFor.split(QLatin1Char(','));
    for (auto entry = entries.rbegin(); entry != entries.rend(); ++entry) {
        const QStringView text = entry->trimmed();
        if (text.isEmpty())
            continue;
        const std::optional<QHostAddress> hop = parseForwardedEntry(text);
        if (!hop)
            break;
        client = unmappedAddress(*hop);
        if (!trustedProxies.contains(client))
            break;
    }
    return ClientAddress(client);
}

QString ClientAddress::truncated() const
{
    if (isNull())
        return {};
    const int prefixLength = m_address.protocol() == QAbstractSocket::IPv4Protocol ? StoredIpv4PrefixLength
                                                                                   : StoredIpv6PrefixLength;
    return maskedAddress(m_address, prefixLength).toString() + QLatin1Char('/') + QString::number(prefixLength);
}

} // namespace herald
