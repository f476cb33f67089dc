#include "engagement/EngagementRollupWriter.h"

#include "storage/BoundQuery.h"

#include <QJsonObject>

namespace herald {

namespace {
QString verdictKey(bool human) { return human ? QStringLiteral("human") : QStringLiteral("machine"); }
QJsonValue timeOrNull(const std::optional<qint64>& atMs) { return atMs ? QJsonValue(*atMs) : QJsonValue(); }
} // namespace

Result<int> EngagementRollupWriter::markRolledUp(const QList<StoredEngagementEvent>& batch)
{
    if (batch.isEmpty())
        return 0;
    QJsonArray rows;
    QJsonArray ids;
    for (const StoredEngagementEvent& event : batch) {
        QJsonObject row{{QStringLiteral("id"), event.id}};
        if (event.reclassified)
            row.insert(QStringLiteral("reason"), event.reason);
        rows.append(row);
        ids.append(event.id);
    }
    const QString sql = QStringLiteral(
        "UPDATE engagement_events SET rolled_up = %1, "
        "verdict = CASE WHEN r.reason IS NULL THEN engagement_events.verdict ELSE 'machine' END, "
        "reason = COALESCE(r.reason, engagement_events.reason) "
        "FROM %2 WHERE %3 AND engagement_events.id = r.id AND %4");
    BoundQuery query(m_db, sql.arg(m_dialect.isPostgres() ? QStringLiteral("true") : QStringLiteral("1"),
                                   JsonRows::source(m_dialect, {{"id", "bigint"}, {"reason", "text"}}),
                                   JsonRows::keyIn(m_dialect, QStringLiteral("engagement_events.id"), QStringLiteral(":ids")),
                                   m_dialect.isPostgres() ? QStringLiteral("NOT rolled_up") : QStringLiteral("rolled_up = 0")),
                     BoundQuery::Lifetime::KeptPrepared);
    query.bind(QStringLiteral(":rows"), JsonRows::text(rows)).bind(QStringLiteral(":ids"), JsonRows::text(ids));
    if (auto done = query.exec(tr("Could not mark %n open(s) and click(s) as rolled up", nullptr, int(batch.size()))); !done)
        return done.error();
    return query.numRowsAffected();
}

Status EngagementRollupWriter::add(const EngagementTally& tally)
{
    using M = Column::Merge;
    QJsonArray campaigns;
    for (const auto& [key, figures] : tally.campaigns())
        campaigns.append(QJsonObject{{QStringLiteral("campaign_id"), key.first}, {QStringLiteral("verdict"), verdictKey(key.second)},
                                     {QStringLiteral("opens"), figures.opens}, {QStringLiteral("clicks"), figures.clicks},
                                     {QStringLiteral("unique_opens"), figures.uniqueOpens},
                                     {QStringLiteral("unique_clicks"), figures.uniqueClicks},
                                     {QStringLiteral("implied_opens"), figures.impliedOpens}});
    if (auto done = upsert(QStringLiteral("campaign_engagement"),
                           {{{"campaign_id", "bigint"}, M::Key}, {{"verdict", "text"}, M::Key}, {{"opens", "bigint"}, M::Add},
                            {{"clicks", "bigint"}, M::Add}, {{"unique_opens", "bigint"}, M::Add},
                            {{"unique_clicks", "bigint"}, M::Add}, {{"implied_opens", "bigint"}, M::Add}},
                           campaigns, tr("Could not add to the opens and clicks of the campaigns"));
        !done)
        return done;

    QJsonArray links;
    for (const auto& [key, figures] : tally.links())
        links.append(QJsonObject{{QStringLiteral("campaign_id"), std::get<0>(key)}, {QStringLiteral("link_no"), std::get<1>(key)},
                                 {QStringLiteral("verdict"), verdictKey(std::get<2>(key))}, {QStringLiteral("clicks"), figures.clicks},
                                 {QStringLiteral("unique_clickers"), figures.uniqueClickers}});
    if (auto done = upsert(QStringLiteral("link_engagement"),
                           {{{"campaign_id", "bigint"}, M::Key}, {{"link_no", "integer"}, M::Key}, {{"verdict", "text"}, M::Key},
                            {{"clicks", "bigint"}, M::Add}, {{"unique_clickers", "bigint"}, M::Add}},
                           links, tr("Could not add to the clicks of the links"));
        !done)
        return done;

    QJsonArray hours;
    for (const auto& [key, figures] : tally.hours())
        hours.append(QJsonObject{{QStringLiteral("campaign_id"), std::get<0>(key)}, {QStringLiteral("hour_start"), std::get<1>(key)},
                                 {QStringLiteral("verdict"), verdictKey(std::get<2>(key))}, {QStringLiteral("opens"), figures.opens},
                                 {QStringLiteral("clicks"), figures.clicks}});
    if (auto done = upsert(QStringLiteral("engagement_hourly"),
                           {{{"campaign_id", "bigint"}, M::Key}, {{"hour_start", "bigint"}, M::Key}, {{"verdict", "text"}, M::Key},
                            {{"opens", "bigint"}, M::Add}, {{"clicks", "bigint"}, M::Add}},
                           hours, tr("Could not add to the opens and clicks per hour"));
        !done)
        return done;

    QJsonArray sends;
    for (const auto& [sendId, figures] : tally.sends())
        sends.append(QJsonObject{{QStringLiteral("send_id"), sendId}, {QStringLiteral("campaign_id"), figures.campaignId},
                                 {QStringLiteral("first_human_open"), timeOrNull(figures.firstHumanOpen)},
                                 {QStringLiteral("first_machine_open"), timeOrNull(figures.firstMachineOpen)},
                                 {QStringLiteral("first_human_click"), timeOrNull(figures.firstHumanClick)},
                                 {QStringLiteral("first_machine_click"), timeOrNull(figures.firstMachineClick)},
                                 {QStringLiteral("human_opens"), figures.humanOpens}, {QStringLiteral("human_clicks"), figures.humanClicks},
                                 {QStringLiteral("machine_events"), figures.machineEvents}});
    if (auto done = upsert(QStringLiteral("send_engagement"),
                           {{{"send_id", "bigint"}, M::Key}, {{"campaign_id", "bigint"}, M::InsertOnly},
                            {{"first_human_open", "bigint"}, M::Earliest}, {{"first_machine_open", "bigint"}, M::Earliest},
                            {{"first_human_click", "bigint"}, M::Earliest}, {{"first_machine_click", "bigint"}, M::Earliest},
                            {{"human_opens", "integer"}, M::Add}, {{"human_clicks", "integer"}, M::Add},
                            {{"machine_events", "integer"}, M::Add}},
                           sends, tr("Could not add to the opens and clicks of the recipients"));
        !done)
        return done;

    QJsonArray sendLinks;
    for (const auto& [key, figures] : tally.sendLinks())
        sendLinks.append(QJsonObject{{QStringLiteral("send_id"), key.first}, {QStringLiteral("link_no"), key.second},
                                     {QStringLiteral("campaign_id"), figures.campaignId},
                                     {QStringLiteral("human_clicks"), figures.humanClicks},
                                     {QStringLiteral("machine_clicks"), figures.machineClicks}});
    return upsert(QStringLiteral("send_link_engagement"),
                  {{{"send_id", "bigint"}, M::Key}, {{"link_no", "integer"}, M::Key}, {{"campaign_id", "bigint"}, M::InsertOnly},
                   {{"human_clicks", "integer"}, M::Add}, {{"machine_clicks", "integer"}, M::Add}},
                  sendLinks, tr("Could not add to the clicks of the recipients per link"));
}

Status EngagementRollupWriter::upsert(const QString& table, const QList<Column>& columns, const QJsonArray& rows, const QString& what)
{
    if (rows.isEmpty())
        return {};
    QList<JsonRows::Column> source;
    QStringList names;
    QStringList selected;
    QStringList keys;
    QStringList merged;
    for (const Column& column : columns) {
        const QString name = QLatin1String(column.source.name);
        source.append(column.source);
        names << name;
        selected << QStringLiteral("r.") + name;
        switch (column.merge) {
        case Column::Merge::Key:
            keys << name;
            break;
        case Column::Merge::Add:
            merged << QStringLiteral("%1 = %2.%1 + excluded.%1").arg(name, table);
            break;
        case Column::Merge::Earliest:
            merged << QStringLiteral("%1 = CASE WHEN %2.%1 IS NULL OR excluded.%1 < %2.%1 THEN excluded.%1 ELSE %2.%1 END")
                          .arg(name, table);
            break;
        case Column::Merge::InsertOnly:
            break;
        }
    }
    // "WHERE true" lets SQLite tell the upsert's ON CONFLICT from a join condition.
    BoundQuery query(m_db, QStringLiteral("INSERT INTO %1 (%2) SELECT %3 FROM %4 WHERE true ON CONFLICT (%5) DO UPDATE SET %6")
                               .arg(table, names.join(QStringLiteral(", ")), selected.join(QStringLiteral(", ")),
                                    JsonRows::source(m_dialect, source), keys.join(QStringLiteral(", ")),
                                    merged.join(QStringLiteral(", "))),
                     BoundQuery::Lifetime::KeptPrepared);
    query.bind(QStringLiteral(":rows"), JsonRows::text(rows));
    return query.exec(what);
}

} // namespace herald
