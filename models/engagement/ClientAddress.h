#pragma once

#include "engagement/IpNetwork.h"

#include <QHostAddress>
#include <QString>
#include <QStringView>

namespace herald {

// The address of whoever made a request to `herald serve`, as far as it can be trusted, and the only form of it
// that is ever stored: the /24 (IPv4) or /48 (IPv6) block it is in. The full address stays in memory long enough
// to classify the request (EngagementClassifier) and is never written anywhere.
class ClientAddress
{
public:
    static constexpr int StoredIpv4PrefixLength = 24;
    static constexpr int StoredIpv6PrefixLength = 48;

    ClientAddress() = default;
    explicit ClientAddress(const QHostAddress& address);

    // The client is the socket's peer unless the peer is a trusted proxy; then X-Forwarded-For is read from the
    // right (each proxy appends the address it received the request from), skipping trusted proxies, and the
    // first address that is not one is the client. An entry that is not an address stops the walk at the last
    // proxy reached: what it claims further left cannot be trusted. Several X-Forwarded-For headers are passed
    // joined by commas, in the order received. Entries may carry a port ("203.0.113.7:4711", "[2001:db8::7]:443").
    static ClientAddress fromRequest(const QHostAddress& peer, QStringView forwardedFor,
                                     const IpNetworkList& trustedProxies);

    bool isNull() const { return m_address.isNull(); }
    // The full address (IPv4-mapped IPv6 as IPv4), for classification only; never store it.
    const QHostAddress& address() const { return m_address; }
    // What is stored: "203.0.113.0/24" or "2001:db8:1::/48"; empty when there is no address.
    QString truncated() const;

private:
    QHostAddress m_address;
};

} // namespace herald
