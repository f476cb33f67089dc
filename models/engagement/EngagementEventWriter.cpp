#include "EngagementEventWriter.h"

#include "storage/PostgresCopy.h"
#include "storage/SqlErrors.h"
#include "storage/Transaction.h"

#include <QSqlQuery>

namespace herald {

namespace {
const QStringList Columns = {QStringLiteral("campaign_id"), QStringLiteral("send_id"),   QStringLiteral("link_no"),
                             QStringLiteral("kind"),        QStringLiteral("occurred_at"), QStringLiteral("method"),
                             QStringLiteral("agent_class"), QStringLiteral("client_net"), QStringLiteral("verdict"),
                             QStringLiteral("reason")};
constexpr int SqliteRowsPerInsert = 90; // 10 columns a row, under SQLite's 999 bound parameters

QStringList valuesOf(const EngagementRecord& event)
{
    const bool click = event.kind == EngagementKind::Click;
    return {QString::number(event.campaignId),
            event.sendId > 0 ? QString::number(event.sendId) : QString(),
            click ? QString::number(event.linkNo) : QString(),
            toString(event.kind),
            QString::number(event.occurredAtMs),
            event.method,
            event.agentClass,
            event.clientNet,
            event.machine ? QStringLiteral("machine") : QStringLiteral("human"),
            event.reason};
}
} // namespace

Status EngagementEventWriter::write(const QList<EngagementRecord>& events)
{
    if (events.isEmpty())
        return {};
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    Transaction transaction(db.value());
    if (auto begun = transaction.begin(); !begun)
        return begun;
    const Status written = m_database.backend() == Backend::Postgres ? copyToPostgres(db.value(), events)
                                                                     : insertIntoSqlite(db.value(), events);
    if (!written)
        return written;
    return transaction.commit();
}

Status EngagementEventWriter::copyToPostgres(const QSqlDatabase& db, const QList<EngagementRecord>& events)
{
    PostgresCopy copy(QStringLiteral("engagement_events"), Columns);
    for (const EngagementRecord& event : events)
        copy.addRow(valuesOf(event));
    return copy.send(db);
}

Status EngagementEventWriter::insertIntoSqlite(const QSqlDatabase& db, const QList<EngagementRecord>& events)
{
    const QString row = QLatin1Char('(') + QStringList(Columns.size(), QStringLiteral("?")).join(QLatin1Char(',')) + QLatin1Char(')');
    for (qsizetype first = 0; first < events.size(); first += SqliteRowsPerInsert) {
        const qsizetype count = qMin<qsizetype>(SqliteRowsPerInsert, events.size() - first);
        QSqlQuery query(db);
        query.prepare(QStringLiteral("INSERT INTO engagement_events (%1) VALUES %2")
                          .arg(Columns.join(QLatin1Char(',')), QStringList(count, row).join(QLatin1Char(','))));
        for (qsizetype i = first; i < first + count; ++i)
            for (const QString& value : valuesOf(events.at(i)))
                query.addBindValue(value.isNull() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(value));
        if (!query.exec())
            return SqlErrors::toError(query.lastError(), tr("Could not record %n open(s) and click(s)", nullptr, int(events.size())));
    }
    return {};
}

} // namespace herald
