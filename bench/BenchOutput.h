#pragma once

#include <QString>

#include <cstdio>

// What benchmark programs print: human-readable lines, and "figure <name> <value>" lines their scripts read.
namespace herald::bench {

inline void print(const QString& line)
{
    std::fputs(qPrintable(line + QLatin1Char('\n')), stdout);
    std::fflush(stdout);
}

inline void figure(const QString& name, double value)
{
    print(QStringLiteral("figure %1 %2").arg(name).arg(value, 0, 'f', 3));
}

} // namespace herald::bench
