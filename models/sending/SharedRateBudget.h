#pragma once

#include "domain/Error.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QString>


namespace herald {

// The per-provider send schedule shared by every process that sends through one PostgreSQL database (table
// rate_schedule, function rate_schedule_draw): a generic cell rate algorithm (GCRA), under which no window of
// time, wherever it starts, holds more than rate x length + burst sends, so five workers together keep to the
// provider's limit instead of sending five times it. Slow-down requests from a provider are shared the same way
// (table rate_slowdown). PostgreSQL only: an SQLite database has one sending process, whose local bucket is
// enough. Thread-safe: each call uses the calling thread's connection.
class SharedRateBudget
{
    Q_DECLARE_TR_FUNCTIONS(herald::SharedRateBudget)
public:
    struct Grant
    {
        int tokens = 0; // sends granted now, to be used at once
        int waitMs = 0; // when none: until the schedule allows one
        double decidedAt = 0; // the database's clock (epoch seconds) when the schedule granted them
    };

    explicit SharedRateBudget(Database& database);

    // Takes up to `wanted` sends of `provider`'s schedule at `limitPerSecond` (or a lower rate a slow-down set),
    // up to `burst` at once after a quiet spell. One round trip.
    Result<Grant> draw(const QString& provider, int wanted, double limitPerSecond, int burst);
    // Lowers the rate of `provider` for every process until `seconds` from now (a lower rate already in
    // force is kept).
    Status slowDown(const QString& provider, double ratePerSecond, int seconds);

private:
    Database& m_database;
};

} // namespace herald
