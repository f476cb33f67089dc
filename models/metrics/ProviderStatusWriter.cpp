#include "ProviderStatusWriter.h"

#include "storage/BoundQuery.h"
#include "storage/JsonRows.h"
#include "storage/Transaction.h"

#include <QJsonArray>
#include <QJsonObject>

namespace herald {

ProviderStatusWriter::ProviderStatusWriter(Database& database, QString owner)
    : m_database(database), m_dialect(database.backend()), m_owner(std::move(owner))
{
}

Status ProviderStatusWriter::write(const QList<ProviderPool::ProviderState>& states, qint64 epochSeconds)
{
    QJsonArray rows;
    for (const ProviderPool::ProviderState& state : states) {
        auto& [error, since] = m_lastErrors[state.name];
        if (state.lastError != error) {
            error = state.lastError;
            since = epochSeconds;
        }
        rows << QJsonObject{{QStringLiteral("provider"), state.name},
                            {QStringLiteral("breaker"), state.breaker},
                            {QStringLiteral("allowed"), state.ratePerSecond},
                            {QStringLiteral("rate_limit"), state.limitPerSecond},
                            {QStringLiteral("error"), error},
                            {QStringLiteral("error_at"), error.isEmpty() ? QJsonValue() : QJsonValue(since)}};
    }
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    Transaction transaction(db.value());
    if (auto begun = transaction.begin(); !begun)
        return begun;
    if (!rows.isEmpty()) {
        const QString source = JsonRows::source(m_dialect, {{"provider", "text"}, {"breaker", "text"}, {"allowed", "double precision"},
                                                            {"rate_limit", "double precision"}, {"error", "text"}, {"error_at", "bigint"}});
        BoundQuery upsert(db.value(), QStringLiteral(
            "INSERT INTO provider_status (owner, provider, breaker, allowed_per_s, limit_per_s, last_error, last_error_at, updated_at)"
            " SELECT :owner, r.provider, r.breaker, r.allowed, r.rate_limit, r.error, r.error_at, CAST(:now AS bigint) FROM %1 WHERE true"
            " ON CONFLICT (owner, provider) DO UPDATE SET breaker = excluded.breaker, allowed_per_s = excluded.allowed_per_s,"
            " limit_per_s = excluded.limit_per_s, last_error = excluded.last_error, last_error_at = excluded.last_error_at,"
            " updated_at = excluded.updated_at").arg(source));
        upsert.bind(QStringLiteral(":owner"), m_owner).bind(QStringLiteral(":now"), epochSeconds);
        upsert.bind(QStringLiteral(":rows"), JsonRows::text(rows));
        if (auto done = upsert.exec(tr("Could not record the state of the providers")); !done)
            return done;
    }
    BoundQuery prune(db.value(), QStringLiteral("DELETE FROM provider_status WHERE updated_at < :oldest"));
    prune.bind(QStringLiteral(":oldest"), epochSeconds - KeptSeconds);
    if (auto done = prune.exec(tr("Could not remove the provider states of stopped senders")); !done)
        return done;
    return transaction.commit();
}

} // namespace herald
