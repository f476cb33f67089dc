#pragma once

#include "domain/Error.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QString>

#include <atomic>

namespace herald {

// The per-provider send budget of the current second, shared by every process that sends through one
// PostgreSQL database (table rate_budget): each process draws slices of it into its local token bucket,
// so five workers together keep to the provider's limit instead of sending five times it. Slow-down
// requests from a provider are shared the same way (table rate_slowdown). PostgreSQL only: an SQLite
// database has one sending process, whose local bucket is enough. Thread-safe: each call uses the
// calling thread's connection.
class SharedRateBudget
{
    Q_DECLARE_TR_FUNCTIONS(herald::SharedRateBudget)
public:
    struct Grant
    {
        int tokens = 0;           // granted now, at most what was left in this second
        int msToNextSecond = 1000; // when this second's budget is renewed (database clock)
        bool secondSpent = false;  // this second's whole budget is taken; else more is released soon
    };

    explicit SharedRateBudget(Database& database);

    // Takes up to `wanted` tokens from this second's budget of `provider`, whose limit is
    // `limitPerSecond` (or a lower rate a slow-down set). One atomic statement; every ten seconds it also
    // deletes the seconds older than a minute.
    Result<Grant> draw(const QString& provider, int wanted, double limitPerSecond);
    // Lowers the rate of `provider` for every process until `seconds` from now (a lower rate already in
    // force is kept).
    Status slowDown(const QString& provider, double ratePerSecond, int seconds);

private:
    Status removeOldSeconds(const QSqlDatabase& db, const QString& provider);

    Database& m_database;
    std::atomic<qint64> m_lastCleanup{0}; // epoch seconds of this process's last clean-up
};

} // namespace herald
