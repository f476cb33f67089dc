#pragma once

#include <QList>
#include <QStringList>

#include <array>

namespace herald {

// Send latencies counted in buckets with fixed upper bounds (ms), as send_metrics stores them, and the
// percentiles read back from those counts.
class LatencyHistogram
{
public:
    static constexpr int BucketCount = 11; // ten bounds and everything above the last
    static const std::array<int, BucketCount - 1>& bounds();
    // The send_metrics columns of the buckets, in order ("le_10" … "le_inf").
    static const QStringList& columns();
    static int bucketFor(int latencyMs);

    void add(int latencyMs);
    // Adds counts read from storage (one per bucket) and their latency sum.
    void addCounts(const std::array<qint64, BucketCount>& counts, qint64 sumMs);
    void merge(const LatencyHistogram& other);

    qint64 count() const;
    qint64 sumMs() const { return m_sumMs; }
    qint64 countIn(int bucket) const { return m_counts[size_t(bucket)]; }
    double meanMs() const;
    // The latency below which a fraction `p` (0..1) of sends fall, interpolated linearly inside the bucket
    // it lands in; the last bucket has no upper bound, so its answer is the last bound. 0 when empty.
    double percentileMs(double p) const;

private:
    std::array<qint64, BucketCount> m_counts{};
    qint64 m_sumMs = 0;
};

} // namespace herald
