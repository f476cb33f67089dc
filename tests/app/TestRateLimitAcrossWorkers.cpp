#include "HeraldProcess.h"
#include "SendingFixture.h"
#include "SmtpTestServer.h"
#include "TestDatabase.h"

#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <algorithm>

using namespace herald;

// Three real `herald worker` processes on one PostgreSQL queue and one provider limited to 100
// messages a second: together they keep to the limit (the shared per-second budget), measured from
// the SMTP test server's receive times.
class TestRateLimitAcrossWorkers : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> m_scratch;
    std::unique_ptr<Database> m_database;
    test::HeraldProcess m_herald{QStringLiteral(HERALD_EXECUTABLE)};

    int herald(const QStringList& arguments) { return m_herald.run(arguments).exitCode; }

private slots:
    void threeWorkersTogetherKeepToTheProvidersLimit()
    {
        m_scratch = std::make_unique<test::TestDatabase>();
        QVERIFY2(m_scratch->isReady(), qPrintable(m_scratch->setupError()));
        m_database = m_scratch->open();
        test::SmtpTestServer smtp;
        QVERIFY2(smtp.start(), qPrintable(smtp.lastError()));
        const ConnectionProfile& profile = m_scratch->profile();
        QCOMPARE(herald({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("Shared"), QStringLiteral("--host"), profile.host,
                         QStringLiteral("--port"), QString::number(profile.port), QStringLiteral("--database"), profile.database,
                         QStringLiteral("--user"), profile.user, QStringLiteral("--sslmode"), QStringLiteral("disable")}),
                 0);
        QCOMPARE(herald({QStringLiteral("profile"), QStringLiteral("use"), QStringLiteral("Shared")}), 0);

        const int recipients = 2000;
        const double limit = 100;
        QVERIFY(test::SendingFixture::addNonprofits(*m_database, recipients));
        QVERIFY(test::SendingFixture::addCampaign(*m_database));
        QVERIFY(test::SendingFixture::addSmtpProvider(*m_database, QStringLiteral("limited"), smtp.port(), 1, limit));
        QVERIFY(test::SendingFixture::startCampaign(*m_database));

        std::vector<std::unique_ptr<QProcess>> workers;
        for (int i = 0; i < 3; ++i) {
            auto worker = m_herald.start({QStringLiteral("worker"), QStringLiteral("--quiet"), QStringLiteral("--exit-when-idle"),
                                          QStringLiteral("--claim-batch"), QStringLiteral("100")});
            QVERIFY(worker->waitForStarted());
            workers.push_back(std::move(worker));
        }
        QList<int> sentByWorker;
        static const QRegularExpression stopped(QStringLiteral("Stopped: sent (\\d+)"));
        for (auto& worker : workers) {
            QVERIFY(worker->waitForFinished(120000));
            QCOMPARE(worker->exitCode(), 0);
            sentByWorker << stopped.match(QString::fromUtf8(worker->readAllStandardOutput())).captured(1).toInt();
        }
        QVERIFY(smtp.waitForMessages(recipients, 10000));
        const QList<QJsonObject> received = smtp.messages();
        QCOMPARE(int(received.size()), recipients);

        QSet<QString> peers;
        QList<double> times;
        for (const QJsonObject& record : received) {
            times << record.value(QStringLiteral("at")).toDouble();
            peers.insert(record.value(QStringLiteral("peer")).toString());
        }
        std::sort(times.begin(), times.end());
        // The steady middle of the run: from the 10th to the 90th percentile of receive times.
        const qsizetype first = times.size() / 10;
        const qsizetype last = times.size() * 9 / 10;
        const double measured = double(last - first) / (times.at(last) - times.at(first));
        const double overall = double(times.size() - 1) / (times.last() - times.first());
        qInfo("3 workers, limit %.0f/s: measured %.1f/s over the middle 80%% of %d messages, %.1f/s overall, %d connections, "
              "sent %d + %d + %d", limit, measured, int(times.size()), overall, int(peers.size()), sentByWorker.value(0),
              sentByWorker.value(1), sentByWorker.value(2));
        QVERIFY2(std::abs(measured - limit) <= limit * 0.10, qPrintable(QString::number(measured)));
        // From first to last message the run may start and end in part-seconds whose whole budget was spent.
        QVERIFY(overall <= limit * 1.15);
        // Every worker sent a share: the limit was shared, not met by one worker doing it all.
        QCOMPARE(sentByWorker.size(), 3);
        QCOMPARE(sentByWorker.value(0) + sentByWorker.value(1) + sentByWorker.value(2), recipients);
        for (const int sent : std::as_const(sentByWorker))
            QVERIFY2(sent >= recipients / 10, qPrintable(QString::number(sent)));
        QCOMPARE(test::SendingFixture::count(*m_database, QStringLiteral("SELECT count(DISTINCT lease_owner) FROM sends")), qint64(0));
    }
};

QTEST_GUILESS_MAIN(TestRateLimitAcrossWorkers)
#include "TestRateLimitAcrossWorkers.moc"
