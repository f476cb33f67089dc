#pragma once

#include "domain/Error.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace herald {

// One IP address written as text, read strictly: a dotted quad of four decimal numbers (no "127.1", no hex, no
// leading zeros, which other readers take for octal) or an IPv6 address without a zone. Requests and settings
// written by people and proxies are read this way, so two programs never disagree about what an address means.
std::optional<QHostAddress> parseIpAddress(QStringView text);

// The address as we compare and store it: an IPv4-mapped IPv6 address (::ffff:203.0.113.7, what a dual-stack
// socket reports for an IPv4 peer) becomes the IPv4 address; a zone (fe80::1%eth0) is dropped.
QHostAddress unmappedAddress(const QHostAddress& address);

// The first address of the block of prefixLength bits the address is in (203.0.113.7, 24 gives 203.0.113.0).
QHostAddress maskedAddress(const QHostAddress& address, int prefixLength);

// A block of addresses in CIDR notation ("10.0.0.0/8", "2001:db8::/32"); a bare address is a block of one.
class IpNetwork
{
    Q_DECLARE_TR_FUNCTIONS(herald::IpNetwork)
public:
    // The error names the text at fault; host bits set beyond the prefix ("10.1.2.3/8") are refused, as they
    // usually mean a typing mistake in the prefix length.
    static Result<IpNetwork> parse(const QString& text);

    bool contains(const QHostAddress& address) const;
    QString toString() const;

    const QHostAddress& firstAddress() const { return m_first; }
    int prefixLength() const { return m_prefixLength; }

private:
    IpNetwork(QHostAddress first, int prefixLength) : m_first(std::move(first)), m_prefixLength(prefixLength) {}

    QHostAddress m_first;
    int m_prefixLength = 0;
};

// Several blocks, e.g. the trusted proxies of `herald serve` or the address ranges of a mail privacy proxy.
class IpNetworkList
{
public:
    IpNetworkList() = default;
    // Fails on the first entry that is not a network, naming it; blank entries are skipped.
    static Result<IpNetworkList> parse(const QStringList& entries);

    bool contains(const QHostAddress& address) const;
    bool isEmpty() const { return m_networks.isEmpty(); }
    const QList<IpNetwork>& networks() const { return m_networks; }

private:
    QList<IpNetwork> m_networks;
};

} // namespace herald
