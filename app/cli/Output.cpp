#include "Output.h"

#include <cstdio>

namespace herald::cli {

QTextStream& Output::out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream& Output::err()
{
    static QTextStream stream(stderr);
    return stream;
}

} // namespace herald::cli
