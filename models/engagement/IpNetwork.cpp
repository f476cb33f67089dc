#include "engagement/IpNetwork.h"

#include <algorithm>
#include <cctype>

namespace herald {

namespace {

constexpr int Ipv4Bits = 32;
constexpr int Ipv6Bits = 128;

bool isDecimalDigits(QStringView text)
{
    return !text.isEmpty()
        && std::all_of(text.begin(), text.end(), [](QChar c) { return c.unicode() >= '0' && c.unicode() <= '9'; });
}

// Four decimal numbers 0-255 without leading zeros.
std::optional<QHostAddress> parseIpv4(QStringView text)
{
    const auto parts = text.split(QLatin1Char('.'));
    if (parts.size() != 4)
        return std::nullopt;
    quint32 value = 0;
    for (const QStringView part : parts) {
        if (!isDecimalDigits(part) || part.size() > 3 || (part.size() > 1 && part.front() == QLatin1Char('0')))
            return std::nullopt;
        const int number = part.toInt();
        if (number > 255)
            return std::nullopt;
        value = (value << 8) | quint32(number);
    }
    return QHostAddress(value);
}

// Hexadecimal groups, colons and an embedded dotted quad; no zone ("%eth0"), no brackets.
std::optional<QHostAddress> parseIpv6(QStringView text)
{
    constexpr int LongestIpv6Text = 45; // ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255
    const bool plainCharacters = std::all_of(text.begin(), text.end(), [](QChar c) {
        return c.unicode() < 128 && (std::isxdigit(c.unicode()) || c == QLatin1Char(':') || c == QLatin1Char('.'));
    });
    QHostAddress address;
    if (text.size() > LongestIpv6Text || !plainCharacters || !address.setAddress(text.toString())
        || address.protocol() != QAbstractSocket::IPv6Protocol)
        return std::nullopt;
    return address;
}

bool isIpv4MappedIpv6(const Q_IPV6ADDR& bytes)
{
    for (int i = 0; i < 10; ++i) {
        if (bytes[i] != 0)
            return false;
    }
    return bytes[10] == 0xff && bytes[11] == 0xff;
}

} // namespace

std::optional<QHostAddress> parseIpAddress(QStringView text)
{
    if (text.contains(QLatin1Char(':')))
        return parseIpv6(text);
    return parseIpv4(text);
}

QHostAddress unmappedAddress(const QHostAddress& address)
{
    if (address.protocol() != QAbstractSocket::IPv6Protocol)
        return address;
    const Q_IPV6ADDR bytes = address.toIPv6Address();
    if (isIpv4MappedIpv6(bytes))
        return QHostAddress(quint32(bytes[12]) << 24 | quint32(bytes[13]) << 16 | quint32(bytes[14]) << 8 | bytes[15]);
    if (address.scopeId().isEmpty())
        return address;
    return QHostAddress(bytes);
}

QHostAddress maskedAddress(const QHostAddress& address, int prefixLength)
{
    if (address.protocol() == QAbstractSocket::IPv4Protocol) {
        const quint32 mask = prefixLength <= 0 ? 0 : ~quint32(0) << (Ipv4Bits - std::min(prefixLength, Ipv4Bits));
        return QHostAddress(address.toIPv4Address() & mask);
    }
    Q_IPV6ADDR bytes = address.toIPv6Address();
    for (int i = 0; i < 16; ++i) {
        const int bitsKept = std::clamp(prefixLength - i * 8, 0, 8);
        bytes[i] &= quint8(0xff << (8 - bitsKept));
    }
    return QHostAddress(bytes);
}

Result<IpNetwork> IpNetwork::parse(const QString& text)
{
    const QString trimmed = text.trimmed();
    const qsizetype slash = trimmed.indexOf(QLatin1Char('/'));
    std::optional<QHostAddress> address = parseIpAddress(QStringView(trimmed).left(slash < 0 ? trimmed.size() : slash));
    if (!address) {
        const QString message =
            tr("'%1' is not a network: write an address and a prefix length, such as 10.0.0.0/8 or ::1/128.");
        return Error::make(Error::Kind::Validation, message.arg(text));
    }
    const int longestPrefix = address->protocol() == QAbstractSocket::IPv4Protocol ? Ipv4Bits : Ipv6Bits;
    int prefixLength = longestPrefix;
    if (slash >= 0) {
        const QStringView digits = QStringView(trimmed).mid(slash + 1);
        prefixLength = digits.size() <= 3 && isDecimalDigits(digits) ? digits.toInt() : -1;
        if (prefixLength < 0 || prefixLength > longestPrefix) {
            return Error::make(Error::Kind::Validation,
                               tr("'%1': the prefix length after the slash must be a number from 0 to %2.")
                                   .arg(text)
                                   .arg(longestPrefix));
        }
    }
    // ::ffff:10.0.0.0/104 is written for a dual-stack socket; addresses are compared unmapped.
    const QHostAddress unmapped = unmappedAddress(*address);
    if (unmapped.protocol() != address->protocol() && prefixLength >= Ipv6Bits - Ipv4Bits) {
        address = unmapped;
        prefixLength -= Ipv6Bits - Ipv4Bits;
    }
    const QHostAddress first = maskedAddress(*address, prefixLength);
    if (first != *address) {
        return Error::make(Error::Kind::Validation,
                           tr("'%1' has address bits set after its prefix; did you mean %2/%3?")
                               .arg(text, first.toString())
                               .arg(prefixLength));
    }
    return IpNetwork(first, prefixLength);
}

bool IpNetwork::contains(const QHostAddress& address) const
{
    return unmappedAddress(address).isInSubnet(m_first, m_prefixLength);
}

QString IpNetwork::toString() const
{
    return m_first.toString() + QLatin1Char('/') + QString::number(m_prefixLength);
}

Result<IpNetworkList> IpNetworkList::parse(const QStringList& entries)
{
    IpNetworkList list;
    for (const QString& entry : entries) {
        if (entry.trimmed().isEmpty())
            continue;
        Result<IpNetwork> network = IpNetwork::parse(entry);
        if (!network)
            return network.error();
        list.m_networks.append(std::move(network).value());
    }
    return list;
}

bool IpNetworkList::contains(const QHostAddress& address) const
{
    const QHostAddress unmapped = unmappedAddress(address);
    return std::any_of(m_networks.begin(), m_networks.end(),
                       [&unmapped](const IpNetwork& network) { return network.contains(unmapped); });
}

} // namespace herald
