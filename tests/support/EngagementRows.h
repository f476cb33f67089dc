#pragma once

#include "engagement/EngagementRecord.h"
#include "storage/Database.h"

#include <QDateTime>
#include <QString>
#include <QVariant>

#include <optional>

namespace herald::test {

// Rows for engagement tests, written straight into the tables (campaigns, nonprofits, sends, raw events and the
// roll-ups `herald serve` keeps), so that what reads them is tested on exactly known figures. Each method returns
// the new id where there is one; the first failure is kept in error() (checked by the test), later calls do nothing.
class EngagementRows
{
public:
    explicit EngagementRows(Database& database) : m_database(database) {}

    QString error() const { return m_error; }

    qint64 campaign(const QString& name, const QString& tracking, const QString& status = QStringLiteral("completed"));
    qint64 nonprofit(const QString& name, const QString& email);
    // A send of the campaign; sentAt only for status "sent".
    qint64 send(qint64 campaignId, qint64 nonprofitId, const QString& email, const QString& status,
                const QDateTime& sentAt = {});

    void totals(qint64 campaignId, const QString& verdict, qint64 opens, qint64 clicks, qint64 uniqueOpens,
                qint64 uniqueClicks, qint64 impliedOpens = 0);
    void hour(qint64 campaignId, const QDateTime& hourStart, const QString& verdict, qint64 opens, qint64 clicks);
    void link(qint64 campaignId, int linkNo, const QString& url);
    void linkClicks(qint64 campaignId, int linkNo, const QString& verdict, qint64 clicks, qint64 uniqueClickers);
    // One recipient's roll-up; invalid times are NULL.
    void recipient(qint64 sendId, qint64 campaignId, const QDateTime& firstHumanOpen, const QDateTime& firstHumanClick,
                   int humanOpens, int humanClicks, int machineEvents, const QDateTime& firstMachineOpen = {});
    void recipientLink(qint64 sendId, qint64 campaignId, int linkNo, int humanClicks, int machineClicks);

    struct Event
    {
        qint64 campaignId = 0;
        qint64 sendId = 0; // 0: anonymous
        std::optional<int> linkNo;
        QString kind = QStringLiteral("open");
        QDateTime at;
        QString verdict = QStringLiteral("human");
        QString reason = QStringLiteral("person");
        QString agentClass = QStringLiteral("browser");
        QString clientNet = QStringLiteral("192.0.2.0/24");
        bool rolledUp = true;

        static Event open(qint64 campaignId, qint64 sendId, const QDateTime& at);
        static Event click(qint64 campaignId, qint64 sendId, int linkNo, const QDateTime& at);
        // The same event ascribed to a machine.
        Event byMachine(const QString& reason, const QString& agentClass, const QString& clientNet) const;
    };
    qint64 event(const Event& event);

    // A person's click on link 2 as `herald serve` hands it to its spool (send 0: anonymous).
    static EngagementRecord servedClick(qint64 campaignId, qint64 sendId);

    // Runs `sql` with :a, :b, … bound to `values` in order; the first column of its first row (RETURNING id).
    QVariant exec(const QString& sql, const QVariantList& values = {});

private:
    Database& m_database;
    QString m_error;
};

} // namespace herald::test
