#pragma once

#include "domain/Error.h"
#include "storage/Database.h"

#include <QCoreApplication>

namespace herald {

// Counts the queue now and then into queue_samples, so the dashboards read its depth over time from a small
// table instead of counting millions of sends. Every process that sends or watches calls it; the first one in
// a slot takes the sample, the others find it there and count nothing. Only campaigns that are sending count:
// a paused campaign's messages wait on purpose.
class QueueSampler
{
    Q_DECLARE_TR_FUNCTIONS(herald::QueueSampler)
public:
    static constexpr int SlotSeconds = 10;
    static constexpr qint64 KeptSeconds = 8 * 24 * 3600; // the longest range shown, and a day

    explicit QueueSampler(Database& database) : m_database(database) {}

    // Takes the sample of the slot holding `epochSeconds` unless it is there already; true when taken.
    Result<bool> sampleIfDue(qint64 epochSeconds);

private:
    Database& m_database;
};

} // namespace herald
