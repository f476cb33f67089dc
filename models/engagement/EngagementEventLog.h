#pragma once

#include "storage/Database.h"
#include "storage/KeysetPage.h"
#include "storage/SqlDialect.h"
#include "domain/Error.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>

#include <optional>

namespace herald {

// One raw open or click as `herald serve` recorded it (engagement_events), with its link's URL and, for a
// per-recipient token, the address its message went to.
struct RecordedEngagementEvent
{
    qint64 id = 0;
    qint64 campaignId = 0;
    qint64 sendId = 0;          // 0: an anonymous token, no recipient known
    std::optional<int> linkNo;  // clicks only; 0 is the hidden trap link
    QString kind;               // open, click
    qint64 occurredAtMs = 0;    // epoch ms
    QString method;
    QString agentClass;
    QString clientNet;
    QString verdict;            // human, machine
    QString reason;
    QString url;                // the clicked link as the template has it; empty for opens and the trap link
    QString email;              // per-recipient events only

    QDateTime occurredAt() const { return QDateTime::fromMSecsSinceEpoch(occurredAtMs, Qt::UTC); }
};

// Where the next page of a campaign's events starts: after this time and id.
struct EngagementEventCursor
{
    qint64 occurredAtMs = 0;
    qint64 id = 0;
    bool isStart() const { return id == 0; }
};

using EngagementEventPage = KeysetPage<RecordedEngagementEvent, EngagementEventCursor>;

// Reads raw engagement events, which only exports need (reports read the roll-ups): a campaign's in time order,
// a keyset page at a time, and those of some sends (a GDPR export).
class EngagementEventLog
{
    Q_DECLARE_TR_FUNCTIONS(herald::EngagementEventLog)
public:
    explicit EngagementEventLog(Database& database);

    Result<qint64> count(qint64 campaignId);
    Result<EngagementEventPage> page(qint64 campaignId, const EngagementEventCursor& after, int limit);
    Result<QList<RecordedEngagementEvent>> ofSends(const QList<qint64>& sendIds);

private:
    static QString selectColumns();

    Database& m_database;
    SqlDialect m_dialect;
};

} // namespace herald
