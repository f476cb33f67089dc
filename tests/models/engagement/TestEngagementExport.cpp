#include "DatabaseTestCase.h"
#include "EngagementRows.h"
#include "ScratchFiles.h"
#include "engagement/EngagementExport.h"
#include "importexport/CsvReader.h"

#include <QFile>
#include <QTest>

using namespace herald;

// A campaign's raw opens and clicks to CSV on both backends: every event of the campaign in time order across
// pages (ties on the same millisecond included), the link's URL, the address only for per-recipient events,
// progress, and a cancelled export that leaves no file.
class TestEngagementExport : public test::DatabaseTestCase
{
    Q_OBJECT

    test::ScratchFiles m_files;
    const QDateTime m_at = QDateTime(QDate(2026, 3, 2), QTime(9, 0, 0, 250), Qt::UTC);
    qint64 m_campaign = 0;

    void seed()
    {
        test::EngagementRows rows(database());
        m_campaign = rows.campaign(QStringLiteral("Gala"), QStringLiteral("per_recipient"));
        const qint64 other = rows.campaign(QStringLiteral("Other"), QStringLiteral("anonymous"));
        const qint64 nonprofit = rows.nonprofit(QStringLiteral("Harbor"), QStringLiteral("harbor@example.org"));
        const qint64 send = rows.send(m_campaign, nonprofit, QStringLiteral("harbor@example.org"), QStringLiteral("sent"), m_at);
        rows.link(m_campaign, 1, QStringLiteral("https://example.org/give?org={{ein}}"));
        using Event = test::EngagementRows::Event;
        rows.event(Event::open(m_campaign, 0, m_at.addSecs(60)));
        rows.event(Event::click(m_campaign, send, 1, m_at.addSecs(120)));
        rows.event(Event::click(m_campaign, send, 0, m_at.addSecs(60))
                       .byMachine(QStringLiteral("hidden_link"), QStringLiteral("scanner"), QStringLiteral("2001:db8:1::/48")));
        rows.event(Event::open(m_campaign, send, m_at.addSecs(30)));
        rows.event(Event::open(other, 0, m_at));
        QVERIFY2(rows.error().isEmpty(), qPrintable(rows.error()));
    }

private slots:
    void everyEventOfTheCampaignInTimeOrder()
    {
        seed();
        const QString path = m_files.path(QStringLiteral("events.csv"));
        QList<std::pair<qint64, qint64>> progress;
        JobControl control;
        control.progress = [&](qint64 done, qint64 total) { progress << std::pair{done, total}; };
        const auto written = EngagementExport(database()).run(m_campaign, path, control, 2);
        QVERIFY2(written.ok(), qPrintable(written.error().message));
        QCOMPARE(written.value(), qint64(4));
        QCOMPARE(progress.last(), (std::pair<qint64, qint64>{4, 4}));
        QCOMPARE(progress.size(), 3); // two pages of two, then an empty one that ends it

        const auto csv = CsvReader::preview(path, 10);
        QVERIFY2(csv.ok(), qPrintable(csv.error().message));
        QCOMPARE(csv->header, EngagementExport::header());
        QCOMPARE(csv->rows.size(), 4);
        QCOMPARE(csv->rows.at(0), (QStringList{QStringLiteral("2026-03-02T09:00:30.250Z"), QStringLiteral("open"), QString(),
                                               QStringLiteral("human"), QStringLiteral("person"), QStringLiteral("browser"),
                                               QStringLiteral("192.0.2.0/24"), QStringLiteral("harbor@example.org")}));
        // Two events in the same millisecond: by id (the anonymous open was recorded first), over a page boundary.
        QCOMPARE(csv->rows.at(1).at(0), QStringLiteral("2026-03-02T09:01:00.250Z"));
        QCOMPARE(csv->rows.at(1).at(7), QString()); // anonymous: nobody named
        QCOMPARE(csv->rows.at(2).at(0), QStringLiteral("2026-03-02T09:01:00.250Z"));
        QCOMPARE(csv->rows.at(2).mid(1), (QStringList{QStringLiteral("click"), QString(), QStringLiteral("machine"),
                                                      QStringLiteral("hidden_link"), QStringLiteral("scanner"),
                                                      QStringLiteral("2001:db8:1::/48"), QStringLiteral("harbor@example.org")}));
        QCOMPARE(csv->rows.at(3).at(2), QStringLiteral("https://example.org/give?org={{ein}}"));
    }

    void cancelledExportLeavesNoFile()
    {
        seed();
        const QString path = m_files.path(QStringLiteral("cancelled.csv"));
        JobControl control;
        control.isCancelled = [] { return true; };
        const auto written = EngagementExport(database()).run(m_campaign, path, control, 2);
        QVERIFY(!written.ok());
        QCOMPARE(written.error().kind, Error::Kind::Cancelled);
        QVERIFY(!QFile::exists(path));
    }

    void unknownCampaignIsNotFound()
    {
        const auto written = EngagementExport(database()).run(4242, m_files.path(QStringLiteral("none.csv")));
        QVERIFY(!written.ok());
        QCOMPARE(written.error().kind, Error::Kind::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestEngagementExport)
#include "TestEngagementExport.moc"
