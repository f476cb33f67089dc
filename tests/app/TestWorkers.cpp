#include "SendingFixture.h"
#include "SmtpTestServer.h"
#include "TestDatabase.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>

using namespace herald;

// Real `herald worker` processes sharing one PostgreSQL queue: no message twice, none lost across a
// kill -9, and a stalled worker changes nothing after its lease was taken over.
class TestWorkers : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> m_scratch;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<test::SmtpTestServer> m_smtp;

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home->filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home->filePath(QStringLiteral("data")));
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        return env;
    }

    int herald(const QStringList& arguments)
    {
        QProcess process;
        process.setProcessEnvironment(environment());
        process.start(QStringLiteral(HERALD_EXECUTABLE), arguments);
        process.waitForFinished(60000);
        if (process.exitCode() != 0)
            qWarning("herald %s: %s", qPrintable(arguments.join(QLatin1Char(' '))), process.readAllStandardError().constData());
        return process.exitCode();
    }

    std::unique_ptr<QProcess> startWorker(const QStringList& extra)
    {
        auto process = std::make_unique<QProcess>();
        process->setProcessEnvironment(environment());
        process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        process->start(QStringLiteral(HERALD_EXECUTABLE), QStringList{QStringLiteral("worker"), QStringLiteral("--quiet")} + extra);
        process->waitForStarted();
        return process;
    }

    qint64 count(const QString& sql) { return test::SendingFixture::count(*m_database, sql); }

    // Received messages per recipient address.
    QHash<QString, int> receivedByRecipient() const
    {
        QHash<QString, int> counts;
        for (const QJsonObject& record : m_smtp->messages())
            ++counts[record.value(QStringLiteral("rcpt_tos")).toArray().first().toString()];
        return counts;
    }

    void setUpCampaign(int recipients, double rate)
    {
        QVERIFY(test::SendingFixture::addNonprofits(*m_database, recipients));
        QVERIFY(test::SendingFixture::addCampaign(*m_database));
        QVERIFY(test::SendingFixture::addSmtpProvider(*m_database, QStringLiteral("local"), m_smtp->port(), 1, rate));
        QVERIFY(test::SendingFixture::startCampaign(*m_database));
    }

private slots:
    void init()
    {
        m_scratch = std::make_unique<test::TestDatabase>();
        QVERIFY2(m_scratch->isReady(), qPrintable(m_scratch->setupError()));
        m_database = m_scratch->open();
        m_home = std::make_unique<QTemporaryDir>();
        m_smtp = std::make_unique<test::SmtpTestServer>();
        QVERIFY2(m_smtp->start(), qPrintable(m_smtp->lastError()));
        const ConnectionProfile& profile = m_scratch->profile();
        QCOMPARE(herald({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("Shared"), QStringLiteral("--host"), profile.host,
                         QStringLiteral("--port"), QString::number(profile.port), QStringLiteral("--database"), profile.database,
                         QStringLiteral("--user"), profile.user, QStringLiteral("--sslmode"), QStringLiteral("disable")}),
                 0);
        QCOMPARE(herald({QStringLiteral("profile"), QStringLiteral("use"), QStringLiteral("Shared")}), 0);
    }

    void cleanup()
    {
        m_smtp.reset();
        m_database.reset();
        m_scratch.reset();
        m_home.reset();
    }

    void twoWorkersSendEachMessageOnce()
    {
        const int recipients = 20000;
        setUpCampaign(recipients, 100000);
        auto first = startWorker({QStringLiteral("--exit-when-idle"), QStringLiteral("--claim-batch"), QStringLiteral("200")});
        auto second = startWorker({QStringLiteral("--exit-when-idle"), QStringLiteral("--claim-batch"), QStringLiteral("200")});
        QVERIFY(first->waitForFinished(240000));
        QVERIFY(second->waitForFinished(240000));
        QCOMPARE(first->exitCode(), 0);
        QCOMPARE(second->exitCode(), 0);
        QVERIFY(m_smtp->waitForMessages(recipients, 10000));
        const QHash<QString, int> received = receivedByRecipient();
        int duplicates = 0;
        for (const int n : received)
            duplicates += n - 1;
        const qint64 byFirst = count(QStringLiteral("SELECT count(DISTINCT lease_owner) FROM sends")); // leases cleared when done
        Q_UNUSED(byFirst)
        qInfo("two workers: %d recipients, %d received, %d duplicates", recipients, int(m_smtp->messages().size()), duplicates);
        QCOMPARE(int(received.size()), recipients);
        QCOMPARE(duplicates, 0);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sends WHERE status = 'sent'")), qint64(recipients));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM campaigns WHERE status = 'completed'")), qint64(1));
    }

    // Issue 15, defects 1 and 5: a campaign scheduled for now is work for `--exit-when-idle` (three workers
    // started together all exited at once, having sent nothing), and a worker that starts it itself sends each
    // row on its first attempt (rows it claimed before it saw the campaign start went back with an attempt
    // counted: every row showed two attempts for one delivery).
    void workersStartADueScheduledCampaignAndSendEachRowOnItsFirstAttempt()
    {
        const int recipients = 600;
        QVERIFY(test::SendingFixture::addNonprofits(*m_database, recipients));
        QVERIFY(test::SendingFixture::addCampaign(*m_database));
        QVERIFY(test::SendingFixture::addSmtpProvider(*m_database, QStringLiteral("local"), m_smtp->port(), 1, 100000));
        QVERIFY(test::SendingFixture::exec(*m_database, QStringLiteral("UPDATE campaigns SET status = 'scheduled', "
                                                                       "scheduled_at = now() - interval '1 second'")));
        std::vector<std::unique_ptr<QProcess>> workers;
        for (int i = 0; i < 3; ++i)
            workers.push_back(startWorker({QStringLiteral("--exit-when-idle"), QStringLiteral("--claim-batch"), QStringLiteral("50")}));
        for (auto& worker : workers) {
            QVERIFY(worker->waitForFinished(120000));
            QCOMPARE(worker->exitCode(), 0);
        }
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sends WHERE status = 'sent'")), qint64(recipients));
        QVERIFY(m_smtp->waitForMessages(recipients, 10000));
        QCOMPARE(int(receivedByRecipient().size()), recipients);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sends WHERE attempts <> 1")), qint64(0));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM campaigns WHERE status = 'completed'")), qint64(1));
    }

    void killMinusNineLosesNothing()
    {
        const int recipients = 3000;
        const int kills = 3;
        setUpCampaign(recipients, 400); // slow enough to kill it midway, several times
        qint64 atKill = 0;
        for (int kill = 0; kill < kills; ++kill) {
            auto victim = startWorker({QStringLiteral("--lease-seconds"), QStringLiteral("3"), QStringLiteral("--claim-batch"),
                                       QStringLiteral("100"), QStringLiteral("--concurrency"), QStringLiteral("4")});
            const qint64 target = m_smtp->messages().size() + 400;
            QVERIFY(QTest::qWaitFor([&] { return m_smtp->messages().size() >= target; }, 30000));
            ::kill(pid_t(victim->processId()), SIGKILL);
            victim->waitForFinished();
            atKill = m_smtp->messages().size();
            QThread::msleep(3200); // its leases run out: the next victim recovers them
        }

        auto survivor = startWorker({QStringLiteral("--exit-when-idle"), QStringLiteral("--lease-seconds"), QStringLiteral("3"),
                                     QStringLiteral("--recovery-ms"), QStringLiteral("200")});
        QVERIFY(survivor->waitForFinished(120000));
        QCOMPARE(survivor->exitCode(), 0);

        const QHash<QString, int> received = receivedByRecipient();
        int duplicates = 0;
        for (const int n : received)
            duplicates += n - 1;
        // Every row whose message never arrived must be shown to the user as unknown, not lost.
        qint64 unknown = 0, lost = 0, unknownNotReceived = 0;
        {
            QSqlQuery rows(m_database->connection());
            QVERIFY(rows.exec(QStringLiteral("SELECT n.email, s.status FROM sends s JOIN nonprofits n ON n.id = s.nonprofit_id")));
            while (rows.next()) {
                const bool arrived = received.contains(rows.value(0).toString());
                const bool isUnknown = rows.value(1).toString() == QLatin1String("unknown");
                unknown += isUnknown;
                lost += !arrived && !isUnknown;
                unknownNotReceived += !arrived && isUnknown;
            }
        }
        qInfo("%d kills -9, the last after %lld messages: lost %lld, duplicates %d, unknown %lld (%lld of them never arrived)", kills,
              atKill, lost, duplicates, unknown, unknownNotReceived);
        QCOMPARE(lost, qint64(0));
        // With the campaign's policy "ask", rows in flight at the kill are shown as unknown, never resent.
        // How many depends on where the kill lands, so bounds are checked (TestSendEngine drives the
        // unknown path deterministically). A row is marked as handed over only once it has a
        // place on a connection: the message going out and the one behind it, so per kill at most two a
        // connection (the provider's 4) never arrived (issue 15: 921 of 1,052 after ten kills before). Rows sent
        // but not yet recorded are those of one write of results (written as they come, at most every 20 ms:
        // about five a kill on a quiet machine, 150 when they were written every 100 ms); on a loaded machine a
        // write may take a few tenths of a second, so the bound is a second at the provider's 400/s.
        QCOMPARE(duplicates, 0);
        const qint64 markedAtMost = kills * 2 * 4;
        QVERIFY2(unknownNotReceived <= markedAtMost, "more unsent rows unknown than two a connection per kill");
        QVERIFY2(unknown <= markedAtMost + kills * 400, "more rows unknown than were in flight");
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sends WHERE status IN ('pending', 'sending')")), qint64(0));
    }

    void stalledWorkerWritesNothingAfterItsLeaseWasTaken()
    {
        const int recipients = 1500;
        setUpCampaign(recipients, 200);
        auto stalled = startWorker({QStringLiteral("--lease-seconds"), QStringLiteral("3"), QStringLiteral("--claim-batch"), QStringLiteral("100")});
        QVERIFY(QTest::qWaitFor([&] { return m_smtp->messages().size() >= 200; }, 30000));
        ::kill(pid_t(stalled->processId()), SIGSTOP);
        QTest::qWait(4000); // past its lease

        auto other = startWorker({QStringLiteral("--exit-when-idle"), QStringLiteral("--lease-seconds"), QStringLiteral("3"),
                                  QStringLiteral("--recovery-ms"), QStringLiteral("200")});
        QVERIFY(other->waitForFinished(120000));
        QCOMPARE(other->exitCode(), 0);
        const qsizetype receivedBeforeResume = m_smtp->messages().size();
        // The rows the other worker took over (claimed again: attempts > 1), as they are now.
        const QString takenOver = QStringLiteral("SELECT count(*), sum(id * 3 + attempts * 7 + length(status)) FROM sends WHERE attempts > 1");
        const qint64 takenCount = count(takenOver);
        const qint64 takenChecksum = count(QStringLiteral("SELECT sum(id * 3 + attempts * 7 + length(status)) FROM sends WHERE attempts > 1"));
        const qint64 unknownBefore = count(QStringLiteral("SELECT count(*) FROM sends WHERE status = 'unknown'"));

        ::kill(pid_t(stalled->processId()), SIGCONT);
        QTest::qWait(3000);
        stalled->terminate();
        QVERIFY(stalled->waitForFinished(20000));
        // Only what was already on the wire when it stopped may finish (one message per sending thread);
        // nothing it had claimed but not started goes out.
        const qsizetype finishedAfterResume = m_smtp->messages().size() - receivedBeforeResume;
        QVERIFY2(finishedAfterResume <= 4, qPrintable(QString::number(finishedAfterResume)));
        QVERIFY(finishedAfterResume <= unknownBefore);
        // Nothing it wrote touched a row taken from it.
        QCOMPARE(count(takenOver), takenCount);
        QCOMPARE(count(QStringLiteral("SELECT sum(id * 3 + attempts * 7 + length(status)) FROM sends WHERE attempts > 1")), takenChecksum);
        const QHash<QString, int> received = receivedByRecipient();
        int duplicates = 0;
        for (const int n : received)
            duplicates += n - 1;
        const qint64 unknown = count(QStringLiteral("SELECT count(*) FROM sends WHERE status = 'unknown'"));
        qInfo("stalled worker: %d finished after resume, %lld unknown rows reported, %d duplicates", int(finishedAfterResume), unknown,
              duplicates);
        QCOMPARE(duplicates, 0);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sends WHERE status = 'sent'")) + unknown, qint64(recipients));
    }
};

QTEST_GUILESS_MAIN(TestWorkers)
#include "TestWorkers.moc"
