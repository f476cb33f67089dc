#pragma once

#include "domain/Error.h"
#include "sending/ProviderPool.h"
#include "storage/Database.h"
#include "storage/SqlDialect.h"

#include <QCoreApplication>
#include <QHash>

namespace herald {

// Writes one sending process's view of its providers (circuit, rate kept to, limit, last error) into
// provider_status every few seconds, so the dashboards of every instance show the health of every engine
// and `herald worker`. Keeps when each last error was first seen; rows of processes gone for a day are removed.
class ProviderStatusWriter
{
    Q_DECLARE_TR_FUNCTIONS(herald::ProviderStatusWriter)
public:
    static constexpr qint64 KeptSeconds = 24 * 3600;

    ProviderStatusWriter(Database& database, QString owner);

    Status write(const QList<ProviderPool::ProviderState>& states, qint64 epochSeconds);

private:
    Database& m_database;
    SqlDialect m_dialect;
    QString m_owner;
    QHash<QString, std::pair<QString, qint64>> m_lastErrors; // provider → (error, first seen)
};

} // namespace herald
