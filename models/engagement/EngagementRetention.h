#pragma once

#include "importexport/JobControl.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QDateTime>

namespace herald {

// How long raw opens and clicks are kept (app_settings, shared by every Herald on the database; 13 months unless
// set) and the pruning of older ones. Reports read the roll-ups, which stay: only the raw events, with their
// network and agent, go. An event not rolled up yet is kept until it is.
class EngagementRetention
{
    Q_DECLARE_TR_FUNCTIONS(herald::EngagementRetention)
public:
    static constexpr int DefaultMonths = 13;
    static constexpr int MaximumMonths = 120;
    static constexpr int DefaultBatchSize = 10000;

    explicit EngagementRetention(Database& database) : m_database(database) {}

    // The stored period in months, or DefaultMonths when none was set.
    Result<int> months();
    Status setMonths(int months);
    // What is wrong with `months`; empty when it can be stored.
    static QString problem(int months);
    // Events older than this are pruned: `months` before `now`.
    static QDateTime cutoff(const QDateTime& now, int months);

    // Deletes the rolled-up events older than the period, batchSize at a time, with progress (events deleted of
    // those to delete) and cancel between batches (what was deleted stays deleted). Returns how many went.
    Result<qint64> prune(const JobControl& control = {}, const QDateTime& now = QDateTime::currentDateTimeUtc(),
                         int batchSize = DefaultBatchSize);

private:
    Database& m_database;
};

} // namespace herald
