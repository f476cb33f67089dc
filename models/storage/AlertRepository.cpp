#include "AlertRepository.h"

#include "BoundQuery.h"
#include "Transaction.h"

namespace herald {

namespace {
AlertRepository::Entry readEntry(const QSqlQuery& row)
{
    AlertRepository::Entry entry;
    Alert::kindFromName(row.value(1).toString(), &entry.alert.kind);
    entry.alert.subject = row.value(2).toString();
    entry.alert.detail = row.value(3).toString();
    entry.alert.since = row.value(4).toLongLong();
    entry.clearedAt = row.value(5).toLongLong();
    return entry;
}
} // namespace

Result<QList<Alert>> AlertRepository::record(const QList<Alert>& active, qint64 nowEpochSeconds)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    Transaction transaction(db.value());
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    BoundQuery open(db.value(), QStringLiteral("SELECT id, kind, subject, detail, raised_at, cleared_at FROM alerts WHERE cleared_at IS NULL"));
    auto openRows = open.readAll(tr("Could not read the open alerts"), [](const QSqlQuery& row) {
        return std::make_pair(row.value(0).toLongLong(), readEntry(row));
    });
    if (!openRows)
        return openRows.error();
    for (const auto& [id, entry] : openRows.value()) {
        if (std::any_of(active.begin(), active.end(), [&](const Alert& alert) { return alert.sameAs(entry.alert); }))
            continue;
        BoundQuery clear(db.value(), QStringLiteral("UPDATE alerts SET cleared_at = :now WHERE id = :id AND cleared_at IS NULL"));
        clear.bind(QStringLiteral(":now"), nowEpochSeconds).bind(QStringLiteral(":id"), id);
        if (auto done = clear.exec(tr("Could not clear the alert")); !done)
            return done.error();
    }
    QList<Alert> recorded;
    for (const Alert& alert : active) {
        // Another instance may have raised it meanwhile: the open-alert index keeps one.
        BoundQuery raise(db.value(), QStringLiteral("INSERT INTO alerts (kind, subject, detail, raised_at) VALUES (:kind, :subject, :detail, :since)"
                                                    " ON CONFLICT DO NOTHING"));
        raise.bind(QStringLiteral(":kind"), Alert::kindName(alert.kind))
            .bind(QStringLiteral(":subject"), alert.subject)
            .bind(QStringLiteral(":detail"), alert.detail)
            .bind(QStringLiteral(":since"), std::min(alert.since, nowEpochSeconds));
        if (auto done = raise.exec(tr("Could not record the alert")); !done)
            return done.error();
        BoundQuery since(db.value(), QStringLiteral("SELECT raised_at FROM alerts WHERE kind = :kind AND subject = :subject AND cleared_at IS NULL"));
        since.bind(QStringLiteral(":kind"), Alert::kindName(alert.kind)).bind(QStringLiteral(":subject"), alert.subject);
        if (auto done = since.execSingle(tr("Could not read the alert"), tr("The alert was cleared meanwhile.")); !done)
            return done.error();
        recorded << alert;
        recorded.last().since = since.value(0).toLongLong();
    }
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return recorded;
}

Result<QList<AlertRepository::Entry>> AlertRepository::history(qint64 fromEpochSeconds, int limit)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery query(db.value(), QStringLiteral("SELECT id, kind, subject, detail, raised_at, cleared_at FROM alerts"
                                                " WHERE raised_at >= :from ORDER BY raised_at DESC, id DESC LIMIT :limit"));
    query.bind(QStringLiteral(":from"), fromEpochSeconds).bind(QStringLiteral(":limit"), limit);
    return query.readAll(tr("Could not read the alerts"), readEntry);
}

} // namespace herald
