#include "DatabaseTestCase.h"
#include "EngagementRows.h"
#include "engagement/EngagementReport.h"

#include <QTest>

using namespace herald;

// EngagementReport on both backends: every figure and rate from known roll-up rows and sends, per-recipient and
// anonymous tracking, the hourly series' first and last hour, the link table, the recipient list's search and
// pages, and the Dashboard's recent campaigns.
class TestEngagementReport : public test::DatabaseTestCase
{
    Q_OBJECT

    const QDateTime m_firstSent = QDateTime(QDate(2026, 3, 2), QTime(9, 40), Qt::UTC);

    // A campaign to 10 nonprofits: 8 delivered (the first at 09:40, the others later), 1 failed, 1 pending; people
    // opened 7 times (4 recipients, one of them known from a click only) and clicked 3 times (2 recipients);
    // machines opened 5 times (3) and clicked twice (1).
    qint64 deliveredCampaign(test::EngagementRows& rows, const QString& tracking)
    {
        const qint64 campaign = rows.campaign(QStringLiteral("Spring appeal"), tracking);
        for (int i = 0; i < 10; ++i) {
            const QString email = QStringLiteral("org%1@example.org").arg(i);
            const qint64 nonprofit = rows.nonprofit(QStringLiteral("Org %1").arg(i), email);
            const QString status = i < 8 ? QStringLiteral("sent") : i == 8 ? QStringLiteral("failed") : QStringLiteral("pending");
            rows.send(campaign, nonprofit, email, status, i < 8 ? m_firstSent.addSecs(3 * (7 - i) * 60) : QDateTime());
        }
        rows.totals(campaign, QStringLiteral("human"), 7, 3, 4, 2, 1);
        rows.totals(campaign, QStringLiteral("machine"), 5, 2, 3, 1);
        return campaign;
    }

    static void compareRate(const std::optional<double>& rate, double expected)
    {
        QVERIFY(rate.has_value());
        QVERIFY2(qAbs(*rate - expected) < 1e-9, qPrintable(QString::number(*rate)));
    }

private slots:
    void perRecipientRatesComeFromUniqueRecipients()
    {
        test::EngagementRows rows(database());
        const qint64 campaign = deliveredCampaign(rows, QStringLiteral("per_recipient"));
        QVERIFY2(rows.error().isEmpty(), qPrintable(rows.error()));

        const auto report = EngagementReport(database()).campaign(campaign);
        QVERIFY2(report.ok(), qPrintable(report.error().message));
        QCOMPARE(report->name, QStringLiteral("Spring appeal"));
        QVERIFY(report->tracking == Tracking::PerRecipient);
        QCOMPARE(report->delivered, qint64(8));
        QCOMPARE(report->firstSentAt, m_firstSent);
        QVERIFY(report->uniquesKnown);
        QVERIFY(!report->approximate());

        const VerdictFigures& human = report->figures(Verdict::Human);
        QCOMPARE(human.opens, qint64(7));
        QCOMPARE(human.clicks, qint64(3));
        QCOMPARE(human.uniqueOpens, qint64(4));
        QCOMPARE(human.uniqueClicks, qint64(2));
        QCOMPARE(human.impliedOpens, qint64(1));
        compareRate(human.openRate, 4.0 / 8);
        compareRate(human.clickRate, 2.0 / 8);
        compareRate(human.clickToOpenRate, 2.0 / 4);
        const VerdictFigures& machine = report->figures(Verdict::Machine);
        QCOMPARE(machine.uniqueOpens, qint64(3));
        compareRate(machine.openRate, 3.0 / 8);
        compareRate(machine.clickRate, 1.0 / 8);
        compareRate(machine.clickToOpenRate, 1.0 / 3);

        // With the delivered count a page holds already: the same report on that count.
        const auto known = EngagementReport(database()).campaign(campaign, 10);
        QVERIFY2(known.ok(), qPrintable(known.error().message));
        QCOMPARE(known->delivered, qint64(10));
        compareRate(known->human.openRate, 4.0 / 10);
        QCOMPARE(known->firstSentAt, m_firstSent);
    }

    void anonymousRatesComeFromTotalsAndAreApproximate()
    {
        test::EngagementRows rows(database());
        const qint64 campaign = deliveredCampaign(rows, QStringLiteral("anonymous"));
        QVERIFY2(rows.error().isEmpty(), qPrintable(rows.error()));

        const auto report = EngagementReport(database()).campaign(campaign);
        QVERIFY2(report.ok(), qPrintable(report.error().message));
        QVERIFY(!report->uniquesKnown);
        QVERIFY(report->approximate());
        compareRate(report->human.openRate, 7.0 / 8);
        compareRate(report->human.clickRate, 3.0 / 8);
        compareRate(report->human.clickToOpenRate, 3.0 / 7);
        compareRate(report->machine.openRate, 5.0 / 8);
        compareRate(report->machine.clickToOpenRate, 2.0 / 5);
    }

    void noRateWithoutADenominatorOrTracking()
    {
        test::EngagementRows rows(database());
        const qint64 queued = rows.campaign(QStringLiteral("Queued"), QStringLiteral("per_recipient"), QStringLiteral("sending"));
        rows.send(queued, rows.nonprofit(QStringLiteral("A"), QStringLiteral("a@example.org")), QStringLiteral("a@example.org"),
                  QStringLiteral("pending"));
        const qint64 untracked = deliveredCampaign(rows, QStringLiteral("off"));
        QVERIFY2(rows.error().isEmpty(), qPrintable(rows.error()));

        const auto nothingYet = EngagementReport(database()).campaign(queued);
        QVERIFY2(nothingYet.ok(), qPrintable(nothingYet.error().message));
        QCOMPARE(nothingYet->delivered, qint64(0));
        QVERIFY(!nothingYet->firstSentAt.isValid());
        QVERIFY(nothingYet->hourly.isEmpty());
        QVERIFY(!nothingYet->human.openRate && !nothingYet->human.clickRate && !nothingYet->human.clickToOpenRate);

        const auto off = EngagementReport(database()).campaign(untracked);
        QVERIFY2(off.ok(), qPrintable(off.error().message));
        QCOMPARE(off->delivered, qint64(8));
        QVERIFY(!off->human.openRate && !off->machine.clickRate);

        const auto missing = EngagementReport(database()).campaign(queued + 1000);
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().kind, Error::Kind::NotFound);
    }

    // 168 hours from the hour of the first delivery (09:00 for 09:40): the hour before and the 169th hour are not in it.
    void hourlySeriesCoversTheFirstSevenDays()
    {
        test::EngagementRows rows(database());
        const qint64 campaign = deliveredCampaign(rows, QStringLiteral("per_recipient"));
        const QDateTime first(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);
        rows.hour(campaign, first.addSecs(-3600), QStringLiteral("human"), 100, 100);
        rows.hour(campaign, first, QStringLiteral("human"), 3, 1);
        rows.hour(campaign, first, QStringLiteral("machine"), 5, 2);
        rows.hour(campaign, first.addSecs(30 * 3600), QStringLiteral("human"), 2, 0);
        rows.hour(campaign, first.addSecs(167 * 3600), QStringLiteral("machine"), 1, 4);
        rows.hour(campaign, first.addSecs(168 * 3600), QStringLiteral("human"), 100, 100);
        QVERIFY2(rows.error().isEmpty(), qPrintable(rows.error()));

        const auto report = EngagementReport(database()).campaign(campaign);
        QVERIFY2(report.ok(), qPrintable(report.error().message));
        QCOMPARE(report->hourly.size(), CampaignEngagement::SeriesHours);
        QCOMPARE(report->hourly.first().hourStart, first);
        QCOMPARE(report->hourly.last().hourStart, first.addSecs(167 * 3600));
        QCOMPARE(report->hourly.at(0).humanOpens, qint64(3));
        QCOMPARE(report->hourly.at(0).humanClicks, qint64(1));
        QCOMPARE(report->hourly.at(0).machineOpens, qint64(5));
        QCOMPARE(report->hourly.at(0).machineClicks, qint64(2));
        QCOMPARE(report->hourly.at(1).humanOpens, qint64(0));
        QCOMPARE(report->hourly.at(30).humanOpens, qint64(2));
        QCOMPARE(report->hourly.at(167).machineOpens, qint64(1));
        QCOMPARE(report->hourly.at(167).machineClicks, qint64(4));
        qint64 humanOpens = 0;
        for (const HourlyEngagement& hour : report->hourly)
            humanOpens += hour.humanOpens;
        QCOMPARE(humanOpens, qint64(5));
    }

    // The command line's days and the window's 6-hour points: every hour counted once, each bucket from its first hour.
    void hoursSummedIntoBuckets()
    {
        const QDateTime first(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);
        QList<HourlyEngagement> hourly;
        for (int hour = 0; hour < CampaignEngagement::SeriesHours; ++hour)
            hourly << HourlyEngagement{first.addSecs(hour * 3600), hour, 1, hour % 2, 0};
        const QList<HourlyEngagement> days = engagementBuckets(hourly, 24);
        QCOMPARE(days.size(), 7);
        QCOMPARE(days.at(1).hourStart, first.addDays(1));
        QCOMPARE(days.at(1).humanOpens, qint64(24 * 24 + 23 * 24 / 2)); // hours 24 to 47
        QCOMPARE(days.at(1).humanClicks, qint64(24));
        QCOMPARE(days.at(1).machineOpens, qint64(12));
        const QList<HourlyEngagement> quarters = engagementBuckets(hourly, 6);
        QCOMPARE(quarters.size(), 28);
        QCOMPARE(quarters.at(27).humanOpens, qint64(162 + 163 + 164 + 165 + 166 + 167));
        const QList<HourlyEngagement> uneven = engagementBuckets(hourly.mid(0, 10), 4);
        QCOMPARE(uneven.size(), 3);
        QCOMPARE(uneven.at(2).humanClicks, qint64(2)); // the last holds hours 8 and 9 only
        QVERIFY(engagementBuckets(hourly, 0).isEmpty());
    }

    void linksInOrderWithPeopleAndMachinesApart()
    {
        test::EngagementRows rows(database());
        const qint64 campaign = deliveredCampaign(rows, QStringLiteral("per_recipient"));
        rows.link(campaign, 2, QStringLiteral("https://example.org/donate?org={{ein}}"));
        rows.link(campaign, 1, QStringLiteral("https://example.org/"));
        rows.link(campaign, 3, QStringLiteral("https://example.org/never"));
        rows.linkClicks(campaign, 1, QStringLiteral("human"), 5, 3);
        rows.linkClicks(campaign, 1, QStringLiteral("machine"), 7, 2);
        rows.linkClicks(campaign, 2, QStringLiteral("human"), 2, 2);
        rows.linkClicks(campaign, 0, QStringLiteral("machine"), 9, 4); // the hidden trap link
        QVERIFY2(rows.error().isEmpty(), qPrintable(rows.error()));

        const auto report = EngagementReport(database()).campaign(campaign);
        QVERIFY2(report.ok(), qPrintable(report.error().message));
        QCOMPARE(report->links.size(), 3);
        const LinkEngagement& home = report->links.at(0);
        QCOMPARE(home.linkNo, 1);
        QCOMPARE(home.url, QStringLiteral("https://example.org/"));
        QCOMPARE(home.humanClicks, qint64(5));
        QCOMPARE(home.machineClicks, qint64(7));
        QCOMPARE(home.uniqueHumanClickers, qint64(3));
        QCOMPARE(report->links.at(1).url, QStringLiteral("https://example.org/donate?org={{ein}}"));
        QCOMPARE(report->links.at(1).humanClicks, qint64(2));
        QCOMPARE(report->links.at(1).machineClicks, qint64(0));
        QCOMPARE(report->links.at(2).linkNo, 3);
        QCOMPARE(report->links.at(2).humanClicks, qint64(0));
    }

    void recipientsAreSearchedAndPaged()
    {
        test::EngagementRows rows(database());
        const qint64 campaign = rows.campaign(QStringLiteral("Gala"), QStringLiteral("per_recipient"));
        const qint64 other = rows.campaign(QStringLiteral("Other"), QStringLiteral("per_recipient"));
        const QStringList names = {QStringLiteral("Harbor Food Bank"), QStringLiteral("Hill Library"),
                                   QStringLiteral("River Trust"), QStringLiteral("Scanned Society"),
                                   QStringLiteral("Quiet Club")};
        QList<qint64> sends;
        QList<qint64> otherSends;
        for (const QString& name : names) {
            const QString email = name.split(QLatin1Char(' ')).first().toLower() + QStringLiteral("@example.org");
            const qint64 nonprofit = rows.nonprofit(name, email);
            sends << rows.send(campaign, nonprofit, email, QStringLiteral("sent"), m_firstSent);
            otherSends << rows.send(other, nonprofit, email, QStringLiteral("sent"), m_firstSent);
        }
        const QDateTime open = m_firstSent.addSecs(600);
        rows.recipient(sends[0], campaign, open, open.addSecs(60), 2, 3, 0);
        rows.recipientLink(sends[0], campaign, 2, 2, 0);
        rows.recipientLink(sends[0], campaign, 1, 1, 0);
        rows.recipientLink(sends[0], campaign, 0, 0, 1); // the trap link, by a scanner
        rows.recipient(sends[1], campaign, open.addSecs(5), QDateTime(), 1, 0, 1);
        rows.recipient(sends[2], campaign, QDateTime(), open.addSecs(90), 0, 1, 0); // clicked without an open seen
        rows.recipientLink(sends[2], campaign, 3, 1, 0);
        rows.recipient(sends[3], campaign, QDateTime(), QDateTime(), 0, 0, 4, m_firstSent.addSecs(2));
        rows.recipientLink(sends[3], campaign, 1, 0, 4);
        // Quiet Club engaged with nothing; its send in the other campaign did.
        rows.recipient(otherSends[4], other, open, QDateTime(), 1, 0, 0);
        QVERIFY2(rows.error().isEmpty(), qPrintable(rows.error()));

        EngagementReport report(database());
        QCOMPARE(report.recipientCount(campaign, {}).value(), qint64(4));
        auto first = report.recipients(campaign, {}, {}, 3);
        QVERIFY2(first.ok(), qPrintable(first.error().message));
        QCOMPARE(first->rows.size(), 3);
        QVERIFY(!first->atEnd);
        const EngagementRecipient& harbor = first->rows.at(0);
        QCOMPARE(harbor.sendId, sends[0]);
        QCOMPARE(harbor.name, QStringLiteral("Harbor Food Bank"));
        QCOMPARE(harbor.email, QStringLiteral("harbor@example.org"));
        QCOMPARE(harbor.firstHumanOpen, open);
        QCOMPARE(harbor.firstHumanClick, open.addSecs(60));
        QCOMPARE(harbor.humanOpens, qint64(2));
        QCOMPARE(harbor.humanClicks, qint64(3));
        QCOMPARE(harbor.linksClicked, (QList<int>{1, 2}));
        QVERIFY(!harbor.machineOnly);
        QVERIFY(first->rows.at(1).linksClicked.isEmpty());
        QVERIFY(!first->rows.at(2).firstHumanOpen.isValid());
        QCOMPARE(first->rows.at(2).linksClicked, QList<int>{3});
        QVERIFY(!first->rows.at(2).machineOnly);

        auto second = report.recipients(campaign, {}, first->next, 3);
        QVERIFY2(second.ok(), qPrintable(second.error().message));
        QVERIFY(second->atEnd);
        QCOMPARE(second->rows.size(), 1);
        QCOMPARE(second->rows.first().name, QStringLiteral("Scanned Society"));
        QVERIFY(second->rows.first().machineOnly);
        QVERIFY(second->rows.first().linksClicked.isEmpty()); // only a machine clicked

        EngagementRecipientFilter people;
        people.humansOnly = true;
        QCOMPARE(report.recipientCount(campaign, people).value(), qint64(3));
        auto humans = report.recipients(campaign, people, {}, 10);
        QVERIFY(humans.ok() && humans->atEnd);
        QCOMPARE(humans->rows.size(), 3);

        EngagementRecipientFilter search;
        search.searchText = QStringLiteral("RIVER");
        auto found = report.recipients(campaign, search, {}, 10);
        QVERIFY2(found.ok(), qPrintable(found.error().message));
        QCOMPARE(found->rows.size(), 1);
        QCOMPARE(found->rows.first().email, QStringLiteral("river@example.org"));
        search.searchText = QStringLiteral("hill@example");
        QCOMPARE(report.recipientCount(campaign, search).value(), qint64(1));
        search.searchText = QStringLiteral("quiet");
        QCOMPARE(report.recipientCount(campaign, search).value(), qint64(0));
        QCOMPARE(report.recipientCount(other, search).value(), qint64(1));
    }

    // The Dashboard: campaigns whose sending began, newest first, people's rates only; untracked, archived and
    // unsent campaigns are not among them.
    void recentCampaignsNewestFirst()
    {
        test::EngagementRows rows(database());
        const qint64 older = deliveredCampaign(rows, QStringLiteral("per_recipient"));
        const qint64 newer = rows.campaign(QStringLiteral("Summer"), QStringLiteral("anonymous"), QStringLiteral("sending"));
        const qint64 untracked = rows.campaign(QStringLiteral("Untracked"), QStringLiteral("off"));
        const qint64 archived = rows.campaign(QStringLiteral("Archived"), QStringLiteral("anonymous"));
        const qint64 draft = rows.campaign(QStringLiteral("Draft"), QStringLiteral("anonymous"), QStringLiteral("draft"));
        rows.exec(QStringLiteral("UPDATE campaigns SET archived = :a WHERE id = :b"),
                  {database().backend() == Backend::Postgres ? QVariant(true) : QVariant(1), archived});
        const qint64 nonprofit = rows.nonprofit(QStringLiteral("Solo"), QStringLiteral("solo@example.org"));
        const QDateTime later = m_firstSent.addDays(20);
        for (const qint64 campaign : {newer, untracked, archived})
            rows.send(campaign, nonprofit, QStringLiteral("solo@example.org"), QStringLiteral("sent"), later);
        rows.send(draft, nonprofit, QStringLiteral("solo@example.org"), QStringLiteral("pending"));
        rows.totals(newer, QStringLiteral("human"), 3, 1, 0, 0);
        rows.totals(newer, QStringLiteral("machine"), 40, 40, 0, 0);
        QVERIFY2(rows.error().isEmpty(), qPrintable(rows.error()));

        const auto recent = EngagementReport(database()).recentCampaigns(5);
        QVERIFY2(recent.ok(), qPrintable(recent.error().message));
        QCOMPARE(recent->size(), 2);
        const RecentCampaignEngagement& summer = recent->at(0);
        QCOMPARE(summer.campaignId, newer);
        QCOMPARE(summer.firstSentAt, later);
        QCOMPARE(summer.delivered, qint64(1));
        QVERIFY(!summer.uniquesKnown);
        compareRate(summer.human.openRate, 3.0);
        compareRate(summer.human.clickRate, 1.0);
        const RecentCampaignEngagement& spring = recent->at(1);
        QCOMPARE(spring.campaignId, older);
        QCOMPARE(spring.delivered, qint64(8));
        QVERIFY(spring.uniquesKnown);
        compareRate(spring.human.openRate, 0.5);
        compareRate(spring.human.clickRate, 0.25);

        const auto one = EngagementReport(database()).recentCampaigns(1);
        QVERIFY(one.ok());
        QCOMPARE(one->size(), 1);
        QCOMPARE(one->first().campaignId, newer);
    }
};

QTEST_GUILESS_MAIN(TestEngagementReport)
#include "TestEngagementReport.moc"
