#include "LatencyHistogram.h"

#include <algorithm>
#include <cmath>

namespace herald {

const std::array<int, LatencyHistogram::BucketCount - 1>& LatencyHistogram::bounds()
{
    static const std::array<int, BucketCount - 1> values{10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000};
    return values;
}

const QStringList& LatencyHistogram::columns()
{
    static const QStringList names = [] {
        QStringList list;
        for (const int bound : bounds())
            list << QStringLiteral("le_%1").arg(bound);
        list << QStringLiteral("le_inf");
        return list;
    }();
    return names;
}

int LatencyHistogram::bucketFor(int latencyMs)
{
    const auto& upper = bounds();
    return int(std::lower_bound(upper.begin(), upper.end(), latencyMs) - upper.begin());
}

void LatencyHistogram::add(int latencyMs)
{
    ++m_counts[size_t(bucketFor(latencyMs))];
    m_sumMs += std::max(0, latencyMs);
}

void LatencyHistogram::addCounts(const std::array<qint64, BucketCount>& counts, qint64 sumMs)
{
    for (size_t i = 0; i < counts.size(); ++i)
        m_counts[i] += counts[i];
    m_sumMs += sumMs;
}

void LatencyHistogram::merge(const LatencyHistogram& other) { addCounts(other.m_counts, other.m_sumMs); }

qint64 LatencyHistogram::count() const
{
    qint64 total = 0;
    for (const qint64 n : m_counts)
        total += n;
    return total;
}

double LatencyHistogram::meanMs() const
{
    const qint64 n = count();
    return n ? double(m_sumMs) / double(n) : 0.0;
}

double LatencyHistogram::percentileMs(double p) const
{
    const qint64 total = count();
    if (total == 0)
        return 0.0;
    const double rank = std::clamp(p, 0.0, 1.0) * double(total); // how many sends lie at or below the answer
    const auto& upper = bounds();
    qint64 below = 0;
    for (int i = 0; i < BucketCount; ++i) {
        const qint64 inBucket = m_counts[size_t(i)];
        if (inBucket > 0 && double(below + inBucket) >= rank) {
            if (i == BucketCount - 1)
                return upper.back();
            const double lower = i == 0 ? 0.0 : upper[size_t(i - 1)];
            const double fraction = (rank - double(below)) / double(inBucket);
            return lower + fraction * (upper[size_t(i)] - lower);
        }
        below += inBucket;
    }
    return upper.back();
}

} // namespace herald
