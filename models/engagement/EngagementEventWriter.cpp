#include "EngagementEventWriter.h"

#include "storage/BoundQuery.h"
#include "storage/PostgresCopy.h"
#include "storage/SqlErrors.h"
#include "storage/Transaction.h"

#include <QDateTime>
#include <QSqlQuery>

namespace herald {

namespace {
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
    Status written;
    if (m_database.backend() == Backend::Postgres) {
        QByteArray rows;
        for (const EngagementRecord& event : events)
            EngagementSpoolFormat::append(rows, event);
        written = writeRows(db.value(), rows, events.size());
    } else {
        written = insertIntoSqlite(db.value(), events);
    }
    if (!written)
        return written;
    return transaction.commit();
}

Result<bool> EngagementEventWriter::writeSegment(const EngagementSpoolFormat::Lines& lines, const QString& instance, qint64 segment)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    Transaction transaction(db.value());
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    BoundQuery mark(db.value(),
                    QStringLiteral("INSERT INTO engagement_spool_segments (instance, segment, written_at) "
                                   "VALUES (:instance, :segment, :at) ON CONFLICT DO NOTHING"),
                    BoundQuery::Lifetime::KeptPrepared);
    mark.bind(QStringLiteral(":instance"), instance)
        .bind(QStringLiteral(":segment"), segment)
        .bind(QStringLiteral(":at"), QDateTime::currentMSecsSinceEpoch());
    if (auto marked = mark.exec(tr("Could not record spool segment %1 of %2").arg(segment).arg(instance)); !marked)
        return marked.error();
    if (mark.numRowsAffected() == 0)
        return false; // written before; the transaction rolls back
    if (const Status written = writeRows(db.value(), lines.rows, lines.count); !written)
        return written.error();
    BoundQuery forget(db.value(),
                      QStringLiteral("DELETE FROM engagement_spool_segments WHERE instance = :instance AND segment < :segment"),
                      BoundQuery::Lifetime::KeptPrepared);
    forget.bind(QStringLiteral(":instance"), instance).bind(QStringLiteral(":segment"), segment);
    if (auto forgotten = forget.exec(tr("Could not forget the earlier spool segments of %1").arg(instance)); !forgotten)
        return forgotten.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return true;
}

Status EngagementEventWriter::forgetSegments(const QString& instance)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery forget(db.value(), QStringLiteral("DELETE FROM engagement_spool_segments WHERE instance = :instance"));
    forget.bind(QStringLiteral(":instance"), instance);
    return forget.exec(tr("Could not forget the spool segments of %1").arg(instance));
}

Status EngagementEventWriter::pruneSegments(qint64 nowMs, qint64 ageMs)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery prune(db.value(), QStringLiteral("DELETE FROM engagement_spool_segments WHERE written_at < :before"));
    prune.bind(QStringLiteral(":before"), nowMs - ageMs);
    return prune.exec(tr("Could not prune old rows of engagement_spool_segments"));
}

Status EngagementEventWriter::writeRows(const QSqlDatabase& db, const QByteArray& rows, qsizetype count)
{
    if (count == 0)
        return {};
    if (m_database.backend() == Backend::Postgres) {
        PostgresCopy copy(QStringLiteral("engagement_events"), EngagementSpoolFormat::columns());
        copy.addFormattedRows(rows, count);
        return copy.send(db);
    }
    QList<EngagementRecord> events;
    events.reserve(count);
    for (qsizetype start = 0; start < rows.size();) {
        qsizetype end = rows.indexOf('\n', start);
        if (end < 0)
            end = rows.size();
        if (auto event = EngagementSpoolFormat::parse(QByteArrayView(rows.constData() + start, end - start)))
            events.append(std::move(*event));
        start = end + 1;
    }
    return insertIntoSqlite(db, events);
}

Status EngagementEventWriter::insertIntoSqlite(const QSqlDatabase& db, const QList<EngagementRecord>& events)
{
    const QStringList& columns = EngagementSpoolFormat::columns();
    const QString row = QLatin1Char('(') + QStringList(columns.size(), QStringLiteral("?")).join(QLatin1Char(',')) + QLatin1Char(')');
    for (qsizetype first = 0; first < events.size(); first += SqliteRowsPerInsert) {
        const qsizetype count = qMin<qsizetype>(SqliteRowsPerInsert, events.size() - first);
        QSqlQuery query(db);
        query.prepare(QStringLiteral("INSERT INTO engagement_events (%1) VALUES %2")
                          .arg(columns.join(QLatin1Char(',')), QStringList(count, row).join(QLatin1Char(','))));
        for (qsizetype i = first; i < first + count; ++i)
            for (const QString& value : valuesOf(events.at(i)))
                query.addBindValue(value.isNull() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(value));
        if (!query.exec())
            return SqlErrors::toError(query.lastError(), tr("Could not record %n open(s) and click(s)", nullptr, int(events.size())));
    }
    return {};
}

} // namespace herald
