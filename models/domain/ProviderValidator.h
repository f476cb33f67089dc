#pragma once

#include "Error.h"
#include "Provider.h"

#include <QCoreApplication>

namespace herald {

// Checks a provider before it is stored: a name, a host for SMTP, a port and limits the sender can work with.
class ProviderValidator
{
    Q_DECLARE_TR_FUNCTIONS(herald::ProviderValidator)
public:
    static constexpr int MaxNameLength = 100;

    // The first problem found, naming the field; ok when the row can be stored.
    static Status validate(const Provider& provider);
};

} // namespace herald
