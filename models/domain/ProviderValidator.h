#pragma once

#include "Error.h"
#include "Provider.h"

namespace herald {

// Checks a provider before it is stored: a name, a host for SMTP, a port and limits the sender can work with.
class ProviderValidator
{
public:
    static constexpr int MaxNameLength = 100;

    // The first problem found, naming the field; ok when the row can be stored.
    static Status validate(const Provider& provider);
};

} // namespace herald
