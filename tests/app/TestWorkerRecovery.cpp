#include "HeraldProcess.h"
#include "PrivateCluster.h"
#include "SendingFixture.h"
#include "SmtpTestServer.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QProcess>
#include <QSqlQuery>
#include <QTest>

#include <csignal>
#include <functional>

using namespace herald;

// A real `herald worker` on a PostgreSQL server of the test's own that restarts under it (pg_ctl stop -m fast,
// then start) and is then killed with -9 (issue 15, defect 3): after the restart every thread writes again at once
// (a prepared statement of the old session, dropped inside the first transaction of the new one, used to fail it
// with 25P02), the last error is not printed again and again once writes succeed, and the dashboards' counts match
// the sends table: results and their counts are written in one transaction (136 sent results were missing from the
// metrics after one restart, 185 of 18,347 after ten kills).
class TestWorkerRecovery : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::PrivateCluster> m_cluster;
    std::unique_ptr<Database> m_database;
    test::HeraldProcess m_herald{QStringLiteral(HERALD_EXECUTABLE)};

    qint64 count(const QString& sql) { return test::SendingFixture::count(*m_database, sql); }

    std::unique_ptr<QProcess> startWorker(const QStringList& extra)
    {
        auto process = std::make_unique<QProcess>();
        process->setProcessEnvironment(m_herald.environment());
        process->setProcessChannelMode(QProcess::MergedChannels);
        process->start(QStringLiteral(HERALD_EXECUTABLE), QStringList{QStringLiteral("worker"), QStringLiteral("--lease-seconds"),
                                                                      QStringLiteral("3")} + extra);
        process->waitForStarted();
        return process;
    }

private slots:
    void restartAndKillLeaveTheMetricsMatchingTheQueue()
    {
        m_cluster = std::make_unique<test::PrivateCluster>();
        QVERIFY2(m_cluster->isRunning(), qPrintable(m_cluster->error()));
        const ConnectionProfile profile = m_cluster->createDatabase(QStringLiteral("recovery"));
        QVERIFY2(!profile.name.isEmpty(), qPrintable(m_cluster->error()));
        m_database = std::make_unique<Database>(profile);
        QVERIFY2(m_database->open().ok(), "could not migrate the private cluster's database");
        test::SmtpTestServer smtp;
        QVERIFY2(smtp.start(), qPrintable(smtp.lastError()));
        QCOMPARE(m_herald.run({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("Private"), QStringLiteral("--host"),
                               profile.host, QStringLiteral("--port"), QString::number(profile.port), QStringLiteral("--database"),
                               profile.database, QStringLiteral("--user"), profile.user, QStringLiteral("--sslmode"),
                               QStringLiteral("disable")})
                     .exitCode,
                 0);
        QCOMPARE(m_herald.run({QStringLiteral("profile"), QStringLiteral("use"), QStringLiteral("Private")}).exitCode, 0);

        const int recipients = 4000;
        QVERIFY(test::SendingFixture::addNonprofits(*m_database, recipients));
        QVERIFY(test::SendingFixture::addCampaign(*m_database));
        QVERIFY(test::SendingFixture::addSmtpProvider(*m_database, QStringLiteral("local"), smtp.port(), 1, 400));
        QVERIFY(test::SendingFixture::startCampaign(*m_database));
        m_database.reset(); // the server restarts under it

        auto worker = startWorker({});
        QVERIFY(QTest::qWaitFor([&] { return smtp.messages().size() >= 600; }, 30000));
        QVERIFY(m_cluster->pause());
        QTest::qWait(1500);
        QVERIFY(m_cluster->resume());
        const qint64 atResume = smtp.messages().size();
        QVERIFY2(QTest::qWaitFor([&] { return smtp.messages().size() >= atResume + 800; }, 30000), "the worker did not go on sending");
        const QString beforeSettling = QString::fromUtf8(worker->readAllStandardOutput());
        QTest::qWait(2000);
        const QString settled = QString::fromUtf8(worker->readAllStandardOutput());
        ::kill(pid_t(worker->processId()), SIGKILL);
        worker->waitForFinished();
        const QString all = beforeSettling + settled;
        qInfo("worker output around the restart:\n%s", qPrintable(all.left(4000)));
        QVERIFY2(!all.contains(QLatin1String("25P02")) && !all.contains(QLatin1String("current transaction is aborted")),
                 "a transaction failed after the reconnect");
        QVERIFY2(!settled.contains(QLatin1String("last error")), "an error was printed again after writes succeeded");

        QTest::qWait(3200); // its leases run out
        auto survivor = startWorker({QStringLiteral("--exit-when-idle"), QStringLiteral("--recovery-ms"), QStringLiteral("200"),
                                     QStringLiteral("--quiet")});
        QVERIFY(survivor->waitForFinished(120000));
        QCOMPARE(survivor->exitCode(), 0);

        m_database = std::make_unique<Database>(profile);
        QVERIFY(m_database->open().ok());
        QHash<QString, int> received;
        for (const QJsonObject& record : smtp.messages())
            ++received[record.value(QStringLiteral("rcpt_tos")).toArray().first().toString()];
        qint64 lost = 0;
        QSqlQuery rows(m_database->connection());
        QVERIFY(rows.exec(QStringLiteral("SELECT n.email, s.status FROM sends s JOIN nonprofits n ON n.id = s.nonprofit_id")));
        while (rows.next())
            lost += !received.contains(rows.value(0).toString()) && rows.value(1).toString() != QLatin1String("unknown");
        const qint64 sent = count(QStringLiteral("SELECT count(*) FROM sends WHERE status = 'sent'"));
        const qint64 counted = count(QStringLiteral("SELECT COALESCE(sum(sent), 0) FROM send_metrics"));
        const qint64 countedLong = count(QStringLiteral("SELECT COALESCE(sum(sent), 0) FROM send_metrics_5min"));
        qInfo("restart and kill -9: %lld sent in the sends table, %lld in the 10 s metrics, %lld in the 5 min roll-up, %lld unknown, "
              "%lld lost", sent, counted, countedLong, count(QStringLiteral("SELECT count(*) FROM sends WHERE status = 'unknown'")), lost);
        QCOMPARE(lost, qint64(0));
        QCOMPARE(counted, sent);
        QCOMPARE(countedLong, sent);
        QCOMPARE(count(QStringLiteral("SELECT COALESCE(sum(failed), 0) FROM send_metrics")),
                 count(QStringLiteral("SELECT count(*) FROM sends WHERE status = 'failed'")));
    }
};

QTEST_GUILESS_MAIN(TestWorkerRecovery)
#include "TestWorkerRecovery.moc"
