#include "EngagementRows.h"
#include "HeraldCli.h"
#include "importexport/CsvReader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace herald;

// `herald report campaign ID [--json]` and `herald export engagement ID FILE.csv`, run as the real executable on
// the backend under test: the figures the roll-ups give, as text and JSON, the raw events as CSV, and the exit
// codes of mistakes.
class TestReportCommand : public QObject
{
    Q_OBJECT

    using Run = test::HeraldProcess::Run;

    test::HeraldCli m_cli;
    QTemporaryDir m_files;
    const QDateTime m_firstSent = QDateTime(QDate(2026, 3, 2), QTime(9, 40), Qt::UTC);

    Run herald(QStringList arguments) { return m_cli.run(std::move(arguments)); }

    // 4 delivered of 5; people: 6 opens by 2 recipients, 2 clicks by 1; machines: 3 opens by 3, 1 click; one link.
    qint64 seed(const QString& tracking)
    {
        test::EngagementRows rows(m_cli.database());
        const qint64 campaign = rows.campaign(QStringLiteral("Spring appeal"), tracking);
        qint64 firstSend = 0;
        for (int i = 0; i < 5; ++i) {
            const QString email = QStringLiteral("org%1@example.org").arg(i);
            const qint64 send = rows.send(campaign, rows.nonprofit(QStringLiteral("Org %1").arg(i), email), email,
                                          i < 4 ? QStringLiteral("sent") : QStringLiteral("failed"),
                                          i < 4 ? m_firstSent.addSecs(i * 60) : QDateTime());
            firstSend = firstSend ? firstSend : send;
        }
        rows.totals(campaign, QStringLiteral("human"), 6, 2, 2, 1);
        rows.totals(campaign, QStringLiteral("machine"), 3, 1, 3, 1);
        rows.hour(campaign, QDateTime(QDate(2026, 3, 2), QTime(10, 0), Qt::UTC), QStringLiteral("human"), 4, 2);
        rows.hour(campaign, QDateTime(QDate(2026, 3, 3), QTime(9, 0), Qt::UTC), QStringLiteral("human"), 2, 0);
        rows.link(campaign, 1, QStringLiteral("https://example.org/give"));
        rows.linkClicks(campaign, 1, QStringLiteral("human"), 2, 1);
        rows.linkClicks(campaign, 1, QStringLiteral("machine"), 1, 1);
        rows.event(test::EngagementRows::Event::click(campaign, firstSend, 1, m_firstSent.addSecs(300)));
        rows.event(test::EngagementRows::Event::open(campaign, 0, m_firstSent.addSecs(60)));
        if (!rows.error().isEmpty())
            qWarning("%s", qPrintable(rows.error()));
        return campaign;
    }

private slots:
    void init()
    {
        const QString problem = m_cli.setUp(QStringLiteral(HERALD_EXECUTABLE));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void cleanup() { m_cli.reset(); }

    void textReportShowsPeopleFirst()
    {
        const qint64 campaign = seed(QStringLiteral("per_recipient"));
        const Run run = herald({QStringLiteral("report"), QStringLiteral("campaign"), QString::number(campaign)});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QString out = run.out;
        QVERIFY2(out.contains(QLatin1String("Delivered: 4\n")), qPrintable(out));
        QVERIFY2(out.contains(QLatin1String("First delivered: 2026-03-02T09:40:00Z")), qPrintable(out));
        QVERIFY2(out.contains(QRegularExpression(QStringLiteral("\\n\\s+Human\\s+Machine\\n"))), qPrintable(out));
        QVERIFY2(out.contains(QRegularExpression(QStringLiteral("Unique opens\\s+2\\s+3\\n"))), qPrintable(out));
        QVERIFY2(out.contains(QRegularExpression(QStringLiteral("Open rate\\s+50\\.0%\\s+75\\.0%\\n"))), qPrintable(out));
        QVERIFY2(out.contains(QRegularExpression(QStringLiteral("Click rate\\s+25\\.0%\\s+25\\.0%\\n"))), qPrintable(out));
        QVERIFY2(out.contains(QRegularExpression(QStringLiteral("Click-to-open rate\\s+50\\.0%\\s+33\\.3%\\n"))),
                 qPrintable(out));
        // The first day from 09:00 holds the 10:00 hour; the next day from 09:00 on the 3rd the other.
        QVERIFY2(out.contains(QRegularExpression(QStringLiteral("2026-03-02 09:00\\s+4\\s+2\\s+0\\s+0\\n"))), qPrintable(out));
        QVERIFY2(out.contains(QRegularExpression(QStringLiteral("2026-03-03 09:00\\s+2\\s+0\\s+0\\s+0\\n"))), qPrintable(out));
        // Numbers stand right-aligned under their headers, the first column's too.
        QVERIFY2(out.contains(QLatin1String("\n                    Human  Machine\n")), qPrintable(out));
        QVERIFY2(out.contains(QLatin1String("\nLink  URL                       Human clicks  Unique clickers  Machine clicks\n"
                                            "   1  https://example.org/give             2                1               1\n")),
                 qPrintable(out));
    }

    void anonymousReportSaysItIsApproximate()
    {
        const qint64 campaign = seed(QStringLiteral("anonymous"));
        const Run run = herald({QStringLiteral("report"), QStringLiteral("campaign"), QString::number(campaign)});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QLatin1String("approximate")), qPrintable(run.out));
        QVERIFY2(run.out.contains(QRegularExpression(QStringLiteral("Unique opens\\s+-\\s+-\\n"))), qPrintable(run.out));
        QVERIFY2(run.out.contains(QRegularExpression(QStringLiteral("Open rate\\s+~150\\.0%\\s+~75\\.0%\\n"))),
                 qPrintable(run.out));
    }

    void jsonReportHasEveryHour()
    {
        const qint64 campaign = seed(QStringLiteral("per_recipient"));
        const Run run = herald({QStringLiteral("report"), QStringLiteral("campaign"), QString::number(campaign),
                                QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject report = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(report.value(QStringLiteral("delivered")).toInteger(), qint64(4));
        QCOMPARE(report.value(QStringLiteral("tracking")).toString(), QStringLiteral("per_recipient"));
        QCOMPARE(report.value(QStringLiteral("approximate")).toBool(), false);
        const QJsonObject human = report.value(QStringLiteral("human")).toObject();
        QCOMPARE(human.value(QStringLiteral("unique_opens")).toInteger(), qint64(2));
        QCOMPARE(human.value(QStringLiteral("open_rate")).toDouble(), 0.5);
        QCOMPARE(human.value(QStringLiteral("click_to_open_rate")).toDouble(), 0.5);
        QCOMPARE(report.value(QStringLiteral("machine")).toObject().value(QStringLiteral("clicks")).toInteger(), qint64(1));
        const QJsonArray hourly = report.value(QStringLiteral("hourly")).toArray();
        QCOMPARE(hourly.size(), 168);
        QCOMPARE(hourly.at(0).toObject().value(QStringLiteral("hour_start")).toString(), QStringLiteral("2026-03-02T09:00:00Z"));
        QCOMPARE(hourly.at(1).toObject().value(QStringLiteral("human_opens")).toInteger(), qint64(4));
        QCOMPARE(hourly.at(24).toObject().value(QStringLiteral("human_opens")).toInteger(), qint64(2));
        const QJsonArray links = report.value(QStringLiteral("links")).toArray();
        QCOMPARE(links.size(), 1);
        QCOMPARE(links.first().toObject().value(QStringLiteral("unique_human_clickers")).toInteger(), qint64(1));
    }

    void exportWritesTheRawEvents()
    {
        const qint64 campaign = seed(QStringLiteral("per_recipient"));
        const QString file = m_files.filePath(QStringLiteral("events.csv"));
        const Run run = herald({QStringLiteral("export"), QStringLiteral("engagement"), QString::number(campaign), file});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.startsWith(QLatin1String("2 rows written")), qPrintable(run.out));
        const auto csv = CsvReader::preview(file, 10);
        QVERIFY2(csv.ok(), qPrintable(csv.error().message));
        QCOMPARE(csv->rows.size(), 2);
        QCOMPARE(csv->rows.at(0).at(0), QStringLiteral("2026-03-02T09:41:00.000Z"));
        QCOMPARE(csv->rows.at(0).at(7), QString());
        QCOMPARE(csv->rows.at(1).at(2), QStringLiteral("https://example.org/give"));
        QCOMPARE(csv->rows.at(1).at(7), QStringLiteral("org0@example.org"));
    }

    void mistakesExitNonZero()
    {
        QCOMPARE(herald({QStringLiteral("report")}).exitCode, 2);
        QCOMPARE(herald({QStringLiteral("report"), QStringLiteral("campaign"), QStringLiteral("abc")}).exitCode, 2);
        QCOMPARE(herald({QStringLiteral("report"), QStringLiteral("nonprofit"), QStringLiteral("1")}).exitCode, 2);
        QCOMPARE(herald({QStringLiteral("export"), QStringLiteral("engagement"), m_files.filePath(QStringLiteral("x.csv"))})
                     .exitCode,
                 2);
        const Run missing = herald({QStringLiteral("report"), QStringLiteral("campaign"), QStringLiteral("4242")});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains(QLatin1String("4242")), qPrintable(missing.err));
        const Run exportMissing = herald({QStringLiteral("export"), QStringLiteral("engagement"), QStringLiteral("4242"),
                                          m_files.filePath(QStringLiteral("none.csv"))});
        QCOMPARE(exportMissing.exitCode, 1);
        const Run help = herald({QStringLiteral("report"), QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY2(help.out.contains(QLatin1String("click_to_open_rate")), qPrintable(help.out));
    }
};

QTEST_GUILESS_MAIN(TestReportCommand)
#include "TestReportCommand.moc"
