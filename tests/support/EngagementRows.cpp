#include "EngagementRows.h"

#include "domain/Nonprofit.h"
#include "domain/Send.h"
#include "storage/NonprofitRepository.h"
#include "storage/SendRepository.h"

#include <QSqlError>
#include <QSqlQuery>

namespace herald::test {

namespace {
QVariant epochMsOrNull(const QDateTime& time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant(QMetaType(QMetaType::LongLong));
}
} // namespace

QVariant EngagementRows::exec(const QString& sql, const QVariantList& values)
{
    if (!m_error.isEmpty())
        return {};
    QSqlQuery query(m_database.connection());
    if (!query.prepare(sql)) {
        m_error = query.lastError().text() + QStringLiteral(": ") + sql;
        return {};
    }
    for (qsizetype i = 0; i < values.size(); ++i)
        query.bindValue(QStringLiteral(":%1").arg(QChar(char16_t(u'a' + i))), values.at(i));
    if (!query.exec()) {
        m_error = query.lastError().text() + QStringLiteral(": ") + sql;
        return {};
    }
    return query.next() ? query.value(0) : QVariant();
}

EngagementRecord EngagementRows::servedClick(qint64 campaignId, qint64 sendId)
{
    EngagementRecord record;
    record.campaignId = campaignId;
    record.sendId = sendId;
    record.linkNo = 2;
    record.kind = EngagementKind::Click;
    record.occurredAtMs = 1'800'000'000'000 + sendId;
    record.method = QStringLiteral("GET");
    record.agentClass = QStringLiteral("browser");
    record.clientNet = QStringLiteral("203.0.113.0/24");
    record.reason = QStringLiteral("person");
    return record;
}

qint64 EngagementRows::campaign(const QString& name, const QString& tracking, const QString& status)
{
    return exec(QStringLiteral("INSERT INTO campaigns (uuid, name, tracking, status) VALUES (:a, :b, :c, :d) RETURNING id"),
                {QStringLiteral("uuid-") + name, name, tracking, status})
        .toLongLong();
}

qint64 EngagementRows::nonprofit(const QString& name, const QString& email)
{
    if (!m_error.isEmpty())
        return 0;
    Nonprofit row;
    row.name = name;
    row.email = email;
    if (auto added = NonprofitRepository(m_database).insert(row); !added)
        m_error = added.error().message;
    return row.id;
}

qint64 EngagementRows::send(qint64 campaignId, qint64 nonprofitId, const QString& email, const QString& status,
                            const QDateTime& sentAt)
{
    if (!m_error.isEmpty())
        return 0;
    Send row;
    row.campaignId = campaignId;
    row.nonprofitId = nonprofitId;
    row.email = email;
    fromString(status, &row.status);
    row.sentAt = sentAt;
    if (auto added = SendRepository(m_database).insert(row); !added)
        m_error = added.error().message;
    return row.id;
}

void EngagementRows::totals(qint64 campaignId, const QString& verdict, qint64 opens, qint64 clicks, qint64 uniqueOpens,
                            qint64 uniqueClicks, qint64 impliedOpens)
{
    exec(QStringLiteral("INSERT INTO campaign_engagement (campaign_id, verdict, opens, clicks, unique_opens, "
                        "unique_clicks, implied_opens) VALUES (:a, :b, :c, :d, :e, :f, :g)"),
         {campaignId, verdict, opens, clicks, uniqueOpens, uniqueClicks, impliedOpens});
}

void EngagementRows::hour(qint64 campaignId, const QDateTime& hourStart, const QString& verdict, qint64 opens,
                          qint64 clicks)
{
    exec(QStringLiteral("INSERT INTO engagement_hourly (campaign_id, hour_start, verdict, opens, clicks) "
                        "VALUES (:a, :b, :c, :d, :e)"),
         {campaignId, hourStart.toSecsSinceEpoch(), verdict, opens, clicks});
}

void EngagementRows::link(qint64 campaignId, int linkNo, const QString& url)
{
    exec(QStringLiteral("INSERT INTO campaign_links (campaign_id, link_no, url) VALUES (:a, :b, :c)"),
         {campaignId, linkNo, url});
}

void EngagementRows::linkClicks(qint64 campaignId, int linkNo, const QString& verdict, qint64 clicks,
                                qint64 uniqueClickers)
{
    exec(QStringLiteral("INSERT INTO link_engagement (campaign_id, link_no, verdict, clicks, unique_clickers) "
                        "VALUES (:a, :b, :c, :d, :e)"),
         {campaignId, linkNo, verdict, clicks, uniqueClickers});
}

void EngagementRows::recipient(qint64 sendId, qint64 campaignId, const QDateTime& firstHumanOpen,
                               const QDateTime& firstHumanClick, int humanOpens, int humanClicks, int machineEvents,
                               const QDateTime& firstMachineOpen)
{
    exec(QStringLiteral("INSERT INTO send_engagement (send_id, campaign_id, first_human_open, first_human_click, "
                        "first_machine_open, human_opens, human_clicks, machine_events) "
                        "VALUES (:a, :b, :c, :d, :e, :f, :g, :h)"),
         {sendId, campaignId, epochMsOrNull(firstHumanOpen), epochMsOrNull(firstHumanClick),
          epochMsOrNull(firstMachineOpen), humanOpens, humanClicks, machineEvents});
}

void EngagementRows::recipientLink(qint64 sendId, qint64 campaignId, int linkNo, int humanClicks, int machineClicks)
{
    exec(QStringLiteral("INSERT INTO send_link_engagement (send_id, link_no, campaign_id, human_clicks, machine_clicks) "
                        "VALUES (:a, :b, :c, :d, :e)"),
         {sendId, linkNo, campaignId, humanClicks, machineClicks});
}

EngagementRows::Event EngagementRows::Event::open(qint64 campaignId, qint64 sendId, const QDateTime& at)
{
    Event event;
    event.campaignId = campaignId;
    event.sendId = sendId;
    event.at = at;
    return event;
}

EngagementRows::Event EngagementRows::Event::click(qint64 campaignId, qint64 sendId, int linkNo, const QDateTime& at)
{
    Event event = open(campaignId, sendId, at);
    event.kind = QStringLiteral("click");
    event.linkNo = linkNo;
    return event;
}

EngagementRows::Event EngagementRows::Event::byMachine(const QString& reason, const QString& agentClass,
                                                       const QString& clientNet) const
{
    Event event = *this;
    event.verdict = QStringLiteral("machine");
    event.reason = reason;
    event.agentClass = agentClass;
    event.clientNet = clientNet;
    return event;
}

qint64 EngagementRows::event(const Event& event)
{
    const bool postgres = m_database.backend() == Backend::Postgres;
    return exec(QStringLiteral("INSERT INTO engagement_events (campaign_id, send_id, link_no, kind, occurred_at, "
                               "verdict, reason, agent_class, client_net, rolled_up) "
                               "VALUES (:a, :b, :c, :d, :e, :f, :g, :h, :i, :j) RETURNING id"),
                {event.campaignId,
                 event.sendId ? QVariant(event.sendId) : QVariant(QMetaType(QMetaType::LongLong)),
                 event.linkNo ? QVariant(*event.linkNo) : QVariant(QMetaType(QMetaType::Int)), event.kind,
                 event.at.toMSecsSinceEpoch(), event.verdict, event.reason, event.agentClass, event.clientNet,
                 postgres ? QVariant(event.rolledUp) : QVariant(event.rolledUp ? 1 : 0)})
        .toLongLong();
}

} // namespace herald::test
