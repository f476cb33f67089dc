#include "engagement/EngagementRollupReader.h"

#include "storage/BoundQuery.h"
#include "storage/JsonRows.h"

#include <QJsonObject>

namespace herald {

namespace {
// Runs `sql`, whose %1 is the condition that `keyColumn` is one of `ids`, and hands each row to onRow; nothing to run
// for no ids.
template<typename OnRow>
Status forEachRowOf(const QSqlDatabase& db, const SqlDialect& dialect, const QString& sql, const QString& keyColumn,
                    const QSet<qint64>& ids, const QString& what, OnRow onRow)
{
    if (ids.isEmpty())
        return {};
    QJsonArray array;
    for (qint64 id : ids)
        array.append(id);
    BoundQuery query(db, sql.arg(JsonRows::keyIn(dialect, keyColumn, QStringLiteral(":ids"))), BoundQuery::Lifetime::KeptPrepared);
    query.bind(QStringLiteral(":ids"), JsonRows::text(array));
    if (auto done = query.exec(what); !done)
        return done;
    while (query.next())
        onRow(query.query());
    return {};
}
} // namespace

QString EngagementRollupReader::notRolledUp() const
{
    // As the partial index engagement_events_waiting_idx says it, so that both planners use it.
    return m_dialect.isPostgres() ? QStringLiteral("NOT rolled_up") : QStringLiteral("rolled_up = 0");
}

Result<QList<StoredEngagementEvent>> EngagementRollupReader::waitingEvents(qint64 upToMs, int limit)
{
    BoundQuery query(m_db, QStringLiteral("SELECT id, campaign_id, send_id, link_no, kind, occurred_at, method, agent_class, "
                                          "client_net, verdict, reason FROM engagement_events "
                                          "WHERE %1 AND occurred_at <= :up_to ORDER BY occurred_at LIMIT :limit")
                               .arg(notRolledUp()),
                     BoundQuery::Lifetime::KeptPrepared);
    query.bind(QStringLiteral(":up_to"), upToMs).bind(QStringLiteral(":limit"), limit);
    return query.readAll(tr("Could not read the opens and clicks waiting to be rolled up"), [](const QSqlQuery& row) {
        StoredEngagementEvent event;
        event.id = row.value(0).toLongLong();
        event.campaignId = row.value(1).toLongLong();
        event.sendId = row.value(2).isNull() ? 0 : row.value(2).toLongLong();
        event.linkNo = row.value(3).toInt();
        event.kind = row.value(4).toString() == QLatin1String("click") ? EngagementKind::Click : EngagementKind::Open;
        event.occurredAtMs = row.value(5).toLongLong();
        event.method = row.value(6).toString();
        event.agentClass = row.value(7).toString();
        event.clientNet = row.value(8).toString();
        event.human = row.value(9).toString() == QLatin1String("human");
        event.reason = row.value(10).toString();
        return event;
    });
}

Result<QHash<qint64, int>> EngagementRollupReader::trackedLinks(const QSet<qint64>& campaignIds)
{
    QHash<qint64, int> links;
    const Status read = forEachRowOf(
        m_db, m_dialect, QStringLiteral("SELECT c.id, (SELECT count(*) FROM campaign_links l WHERE l.campaign_id = c.id) FROM campaigns c WHERE %1"),
        QStringLiteral("c.id"), campaignIds, tr("Could not read the tracked links of %n campaign(s)", nullptr, int(campaignIds.size())),
        [&links](const QSqlQuery& row) { links.insert(row.value(0).toLongLong(), row.value(1).toInt() + 1); }); // + the trap link
    if (!read)
        return read.error();
    return links;
}

Result<QHash<qint64, EngagementRollupReader::SendFacts>> EngagementRollupReader::sends(const QSet<qint64>& sendIds)
{
    QHash<qint64, SendFacts> sends;
    const Status read = forEachRowOf(
        m_db, m_dialect,
        QStringLiteral("SELECT s.id, ") + m_dialect.epochMilliseconds(QStringLiteral("s.sent_at"))
            + QStringLiteral(", e.first_human_open, e.first_machine_open, e.first_human_click, e.first_machine_click "
                             "FROM sends s LEFT JOIN send_engagement e ON e.send_id = s.id WHERE %1"),
        QStringLiteral("s.id"), sendIds, tr("Could not read the delivery times of %n message(s)", nullptr, int(sendIds.size())),
        [&sends](const QSqlQuery& row) {
            SendFacts facts;
            if (!row.value(1).isNull())
                facts.sentAtMs = row.value(1).toLongLong();
            facts.soFar = {!row.value(2).isNull(), !row.value(3).isNull(), !row.value(4).isNull(), !row.value(5).isNull()};
            sends.insert(row.value(0).toLongLong(), facts);
        });
    if (!read)
        return read.error();
    return sends;
}

Result<std::map<EngagementTally::SendLinkKey, EngagementTally::SendLinkSoFar>>
EngagementRollupReader::sendLinks(const QSet<qint64>& sendIds)
{
    std::map<EngagementTally::SendLinkKey, EngagementTally::SendLinkSoFar> links;
    const Status read = forEachRowOf(
        m_db, m_dialect, QStringLiteral("SELECT send_id, link_no, human_clicks, machine_clicks FROM send_link_engagement WHERE %1"),
        QStringLiteral("send_id"), sendIds, tr("Could not read the clicks of %n message(s) so far", nullptr, int(sendIds.size())),
        [&links](const QSqlQuery& row) {
            links[{row.value(0).toLongLong(), row.value(1).toInt()}] = {row.value(2).toLongLong() > 0, row.value(3).toLongLong() > 0};
        });
    if (!read)
        return read.error();
    return links;
}

Result<QHash<EngagementReclassifier::BurstKey, QList<EngagementReclassifier::Click>>>
EngagementRollupReader::clicksNear(const QHash<EngagementReclassifier::BurstKey, std::pair<qint64, qint64>>& spans)
{
    using Key = EngagementReclassifier::BurstKey;
    QHash<Key, QList<EngagementReclassifier::Click>> clicks;
    QJsonArray perRecipient;
    QJsonArray anonymous;
    for (auto span = spans.cbegin(); span != spans.cend(); ++span) {
        const Key& key = span.key();
        QJsonObject row{{QStringLiteral("campaign_id"), key.campaignId}, {QStringLiteral("lo"), span->first},
                        {QStringLiteral("hi"), span->second}};
        if (key.sendId > 0) {
            row.insert(QStringLiteral("send_id"), key.sendId);
            perRecipient.append(row);
        } else {
            row.insert(QStringLiteral("client_net"), key.clientNet);
            row.insert(QStringLiteral("agent_class"), key.agentClass);
            anonymous.append(row);
        }
    }
    // Per-recipient clicks by send (its index), anonymous ones by campaign and time (the campaign index).
    const QString perRecipientSql = QStringLiteral(
        "SELECT e.campaign_id, e.send_id, '', '', e.id, e.occurred_at, e.link_no FROM %1 "
        "JOIN engagement_events e ON e.send_id = r.send_id AND e.occurred_at BETWEEN r.lo AND r.hi "
        "WHERE e.send_id IS NOT NULL AND e.kind = 'click'")
        .arg(JsonRows::source(m_dialect, {{"send_id", "bigint"}, {"campaign_id", "bigint"}, {"lo", "bigint"}, {"hi", "bigint"}}));
    const QString anonymousSql = QStringLiteral(
        "SELECT e.campaign_id, 0, e.client_net, e.agent_class, e.id, e.occurred_at, e.link_no FROM %1 "
        "JOIN engagement_events e ON e.campaign_id = r.campaign_id AND e.occurred_at BETWEEN r.lo AND r.hi "
        "WHERE e.send_id IS NULL AND e.kind = 'click' AND e.client_net = r.client_net AND e.agent_class = r.agent_class")
        .arg(JsonRows::source(m_dialect, {{"campaign_id", "bigint"}, {"client_net", "text"}, {"agent_class", "text"},
                                          {"lo", "bigint"}, {"hi", "bigint"}}));
    const std::pair<const QString&, const QJsonArray&> reads[] = {{perRecipientSql, perRecipient}, {anonymousSql, anonymous}};
    for (const auto& [sql, rows] : reads) {
        if (rows.isEmpty())
            continue;
        BoundQuery query(m_db, sql, BoundQuery::Lifetime::KeptPrepared);
        query.bind(QStringLiteral(":rows"), JsonRows::text(rows));
        if (auto done = query.exec(tr("Could not read the clicks around %n message(s)", nullptr, int(rows.size()))); !done)
            return done.error();
        while (query.next()) {
            const Key key{query.value(0).toLongLong(), query.value(1).toLongLong(), query.value(2).toString(),
                          query.value(3).toString()};
            clicks[key].append({query.value(4).toLongLong(), query.value(5).toLongLong(), query.value(6).toInt()});
        }
    }
    return clicks;
}

} // namespace herald
