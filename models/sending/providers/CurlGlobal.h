#pragma once

namespace herald {

// libcurl's process-wide initialisation, done once before the first handle (curl_global_init is not
// thread-safe, so every transport calls ensure() instead).
class CurlGlobal
{
public:
    static void ensure();
};

} // namespace herald
