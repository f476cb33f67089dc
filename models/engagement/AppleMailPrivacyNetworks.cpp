#include "engagement/AppleMailPrivacyNetworks.h"

namespace herald {

namespace {

// Where MPP's requests come from, and how we know:
// - Apple's own networks (AS714): 17.0.0.0/8 (ARIN) and its IPv6 blocks 2620:149::/32 (ARIN), 2403:300::/32
//   (APNIC), 2a01:b740::/32 (RIPE).
// - MPP loads images through the relays of iCloud Private Relay (Word to the Wise, "Apple MPP reporting and
//   geolocation", September 2021, on Mailchimp's data: same mask.icloud.com front end, same egress addresses).
//   Apple publishes those egress addresses at https://mask-api.icloud.com/egress-ip-ranges.csv (tens of thousands
//   of small blocks run by Akamai, Cloudflare and Fastly, changing daily). The blocks below cover every egress
//   block of that list as mirrored in 2026 (github.com/rezmoss/cloud-provider-ip-addresses,
//   apple_private_relay_ips_merged.txt), each widened to the smallest prefix that holds them.
// Widening takes in other customers of the same CDNs, which is why this table is only ever used together with MPP's
// bare "Mozilla/5.0" User-Agent, which no browser sends. When Apple moves its egress elsewhere, MPP fetches show up
// as "generic_user_agent" (still a machine) rather than "apple_mpp" until this table is updated.
const char* const Networks[] = {
    // Apple
    "17.0.0.0/8",
    "2620:149::/32",
    "2403:300::/32",
    "2a01:b740::/32",
    // iCloud Private Relay egress, Cloudflare
    "104.28.0.0/16",
    "2606:54c0::/30",
    "2a09:bac2::/31",
    // iCloud Private Relay egress, Fastly
    "140.248.0.0/18",
    "146.75.128.0/17",
    "2a04:4e41::/32",
    // iCloud Private Relay egress, Akamai
    "172.224.0.0/14",
    "2a02:26f7::/32",
};

IpNetworkList parseNetworks()
{
    QStringList entries;
    for (const char* network : Networks)
        entries.append(QLatin1String(network));
    Result<IpNetworkList> list = IpNetworkList::parse(entries);
    Q_ASSERT_X(list.ok(), "appleMailPrivacyNetworks", qPrintable(list.error().message));
    return list.ok() ? std::move(list).value() : IpNetworkList();
}

} // namespace

const IpNetworkList& appleMailPrivacyNetworks()
{
    static const IpNetworkList networks = parseNetworks();
    return networks;
}

} // namespace herald
