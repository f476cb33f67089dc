#include "EngagementEventLog.h"

#include "storage/BoundQuery.h"
#include "storage/JsonRows.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace herald {

namespace {
RecordedEngagementEvent readRow(const QSqlQuery& row)
{
    RecordedEngagementEvent event;
    event.id = row.value(0).toLongLong();
    event.campaignId = row.value(1).toLongLong();
    event.sendId = row.value(2).toLongLong();
    if (!row.value(3).isNull())
        event.linkNo = row.value(3).toInt();
    event.kind = row.value(4).toString();
    event.occurredAtMs = row.value(5).toLongLong();
    event.method = row.value(6).toString();
    event.agentClass = row.value(7).toString();
    event.clientNet = row.value(8).toString();
    event.verdict = row.value(9).toString();
    event.reason = row.value(10).toString();
    event.url = row.value(11).toString();
    event.email = row.value(12).toString();
    return event;
}
} // namespace

EngagementEventLog::EngagementEventLog(Database& database)
    : m_database(database)
    , m_dialect(database.backend())
{
}

QString EngagementEventLog::selectColumns()
{
    return QStringLiteral(
        "SELECT e.id, e.campaign_id, e.send_id, e.link_no, e.kind, e.occurred_at, e.method, e.agent_class, "
        "e.client_net, e.verdict, e.reason, l.url, s.email FROM engagement_events e "
        "LEFT JOIN campaign_links l ON l.campaign_id = e.campaign_id AND l.link_no = e.link_no "
        "LEFT JOIN sends s ON s.id = e.send_id ");
}

Result<qint64> EngagementEventLog::count(qint64 campaignId)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery query(db.value(), QStringLiteral("SELECT count(*) FROM engagement_events WHERE campaign_id = :campaign"));
    query.bind(QStringLiteral(":campaign"), campaignId);
    const QString what = tr("Could not count the opens and clicks recorded for campaign #%1").arg(campaignId);
    if (auto done = query.execSingle(what, what); !done)
        return done.error();
    return query.value(0).toLongLong();
}

Result<EngagementEventPage> EngagementEventLog::page(qint64 campaignId, const EngagementEventCursor& after, int limit)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    // The time bound alone walks the index on (campaign_id, occurred_at); the id settles ties.
    const QString keyset = after.isStart() ? QString()
                                           : QStringLiteral(" AND e.occurred_at >= :from "
                                                            "AND (e.occurred_at > :same_from OR e.id > :after_id)");
    BoundQuery query(db.value(), selectColumns()
                                     + QStringLiteral("WHERE e.campaign_id = :campaign%1 "
                                                      "ORDER BY e.occurred_at, e.id LIMIT :limit")
                                           .arg(keyset));
    query.bind(QStringLiteral(":campaign"), campaignId).bind(QStringLiteral(":limit"), limit);
    if (!after.isStart()) {
        query.bind(QStringLiteral(":from"), after.occurredAtMs)
            .bind(QStringLiteral(":same_from"), after.occurredAtMs)
            .bind(QStringLiteral(":after_id"), after.id);
    }
    auto rows = query.readAll(tr("Could not read the opens and clicks recorded for campaign #%1").arg(campaignId),
                              &readRow);
    if (!rows)
        return rows.error();
    return EngagementEventPage::read(std::move(rows.value()), after, limit, [](const RecordedEngagementEvent& event) {
        return EngagementEventCursor{event.occurredAtMs, event.id};
    });
}

Result<QList<RecordedEngagementEvent>> EngagementEventLog::ofSends(const QList<qint64>& sendIds)
{
    if (sendIds.isEmpty())
        return QList<RecordedEngagementEvent>();
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    QJsonArray ids;
    for (const qint64 id : sendIds)
        ids.append(id);
    BoundQuery query(db.value(), selectColumns()
                                     + QStringLiteral("WHERE %1 ORDER BY e.occurred_at, e.id")
                                           .arg(JsonRows::keyIn(m_dialect, QStringLiteral("e.send_id"),
                                                                QStringLiteral(":sends"))));
    query.bind(QStringLiteral(":sends"), JsonRows::text(ids));
    return query.readAll(tr("Could not read the opens and clicks of %n message(s)", nullptr, int(sendIds.size())),
                         &readRow);
}

} // namespace herald
