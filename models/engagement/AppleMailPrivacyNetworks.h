#pragma once

#include "engagement/IpNetwork.h"

namespace herald {

// The addresses Apple Mail Privacy Protection fetches images from (AppleMailPrivacyNetworks.cpp says where the
// table comes from). Only meaningful together with MPP's bare "Mozilla/5.0" User-Agent: the blocks are wide,
// and other traffic of the same networks comes from them too.
const IpNetworkList& appleMailPrivacyNetworks();

} // namespace herald
