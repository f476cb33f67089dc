#pragma once

#include "Error.h"
#include "Nonprofit.h"

#include <QCoreApplication>

namespace herald {

// Checks a nonprofit before it is stored: required fields, email syntax, lengths.
class NonprofitValidator
{
    Q_DECLARE_TR_FUNCTIONS(herald::NonprofitValidator)
public:
    static constexpr int MaxNameLength = 300;
    static constexpr int MaxFieldLength = 200;

    // The first problem found, naming the field; ok when the row can be stored.
    static Status validate(const Nonprofit& nonprofit);
    static Status validateTags(const QStringList& tags);
};

} // namespace herald
