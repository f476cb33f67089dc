#pragma once

#include "Database.h"
#include "domain/Error.h"
#include "metrics/Alert.h"

#include <QCoreApplication>

namespace herald {

// The alerts table: which alerts are open and since when, and every alert raised and cleared, shared by the
// instances sharing the database (one open alert per kind and subject however many raise it).
class AlertRepository
{
    Q_DECLARE_TR_FUNCTIONS(herald::AlertRepository)
public:
    explicit AlertRepository(Database& database) : m_database(database) {}

    // Makes the open alerts `active`: raises those not open yet (since their `since`), clears the others at
    // `nowEpochSeconds`. Returns `active` with `since` as recorded (by whichever instance raised it first).
    Result<QList<Alert>> record(const QList<Alert>& active, qint64 nowEpochSeconds);
    // The alerts raised at or after `fromEpochSeconds`, newest first, cleared ones with their end in *clearedAt.
    struct Entry
    {
        Alert alert;
        qint64 clearedAt = 0; // 0 while open
    };
    Result<QList<Entry>> history(qint64 fromEpochSeconds, int limit = 100);

private:
    Database& m_database;
};

} // namespace herald
