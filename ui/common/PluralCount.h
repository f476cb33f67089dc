#pragma once

#include <QtGlobal>

#include <limits>

namespace herald {

// tr()'s %n takes an int while row counts are 64-bit: a count past INT_MAX is shown as INT_MAX.
inline int pluralCount(qint64 count)
{
    return int(qMin<qint64>(count, std::numeric_limits<int>::max()));
}

} // namespace herald
