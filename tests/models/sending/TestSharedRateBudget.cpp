#include "SendingFixture.h"
#include "TestDatabase.h"
#include "sending/SharedRateBudget.h"

#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace herald;

// The per-second budget in rate_budget, drawn from by concurrent connections as worker processes do:
// no second grants more than the limit, and a shared slow-down lowers it for everyone. PostgreSQL only.
class TestSharedRateBudget : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> m_scratch;
    std::unique_ptr<Database> m_database;

    qint64 count(const QString& sql) { return test::SendingFixture::count(*m_database, sql); }

    // `threads` connections drawing `slice` tokens at a time for `ms`; returns the tokens granted in all.
    qint64 drawConcurrently(SharedRateBudget& budget, int threads, int slice, double limit, int ms, QString* error)
    {
        std::atomic<qint64> granted{0};
        QList<QThread*> workers;
        QString firstError;
        QMutex errorMutex;
        for (int i = 0; i < threads; ++i) {
            workers << QThread::create([&] {
                QElapsedTimer clock;
                clock.start();
                while (clock.elapsed() < ms) {
                    const auto grant = budget.draw(QStringLiteral("shared"), slice, limit);
                    if (!grant) {
                        QMutexLocker lock(&errorMutex);
                        firstError = grant.error().message;
                        break;
                    }
                    granted += grant->tokens;
                    if (grant->tokens == 0)
                        QThread::msleep(quint32(std::min(grant->msToNextSecond, 20)));
                }
                m_database->releaseThreadConnection();
            });
            workers.last()->start();
        }
        for (QThread* worker : std::as_const(workers)) {
            worker->wait();
            delete worker;
        }
        *error = firstError;
        return granted.load();
    }

private slots:
    void init()
    {
        m_scratch = std::make_unique<test::TestDatabase>();
        QVERIFY2(m_scratch->isReady(), qPrintable(m_scratch->setupError()));
        m_database = m_scratch->open();
        QVERIFY(m_database);
    }

    void cleanup()
    {
        m_database.reset();
        m_scratch.reset();
    }

    void noSecondGrantsMoreThanTheLimit()
    {
        SharedRateBudget budget(*m_database);
        QVERIFY(test::SendingFixture::exec(*m_database, QStringLiteral("INSERT INTO rate_budget (provider, second, used) "
                                                                       "VALUES ('shared', 1000, 5)"))); // long past
        QString error;
        const qint64 granted = drawConcurrently(budget, 6, 7, 50, 2500, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM rate_budget WHERE second = 1000")), qint64(0)); // cleaned up
        // `used` counts what each second released: taken, or forfeit by nobody asking in time.
        QVERIFY(count(QStringLiteral("SELECT sum(used) FROM rate_budget WHERE provider = 'shared'")) >= granted);
        QCOMPARE(count(QStringLiteral("SELECT max(used) FROM rate_budget WHERE provider = 'shared'")), qint64(50));
        // Every full second of the run was spent to the last token and not one more (slices of 7 do not divide 50).
        QVERIFY(count(QStringLiteral("SELECT count(*) FROM rate_budget WHERE provider = 'shared' AND used = 50")) >= 1);
        qInfo("granted %lld tokens in 2.5 s at a limit of 50/s over %lld seconds", granted,
              count(QStringLiteral("SELECT count(*) FROM rate_budget WHERE provider = 'shared'")));
        QVERIFY(granted <= 50 * count(QStringLiteral("SELECT count(*) FROM rate_budget WHERE provider = 'shared'")));
    }

    void aSlowDownLowersTheBudgetForEveryone()
    {
        SharedRateBudget budget(*m_database);
        QVERIFY(budget.slowDown(QStringLiteral("shared"), 20, 60).ok());
        QVERIFY(budget.slowDown(QStringLiteral("shared"), 30, 60).ok()); // a higher rate does not lift it
        QCOMPARE(count(QStringLiteral("SELECT CAST(rate_per_s AS integer) FROM rate_slowdown WHERE provider = 'shared'")), qint64(20));
        QString error;
        drawConcurrently(budget, 3, 5, 100, 1500, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(count(QStringLiteral("SELECT max(used) FROM rate_budget WHERE provider = 'shared'")), qint64(20));
        // Once it has run out, the provider's own limit applies again.
        QVERIFY(test::SendingFixture::exec(*m_database, QStringLiteral("UPDATE rate_slowdown SET until_epoch = 0")));
        const auto grant = budget.draw(QStringLiteral("shared"), 90, 100);
        QVERIFY(grant.ok());
        QVERIFY2(grant->tokens > 20, qPrintable(QString::number(grant->tokens))); // up to 20 may be spent this second
    }
};

QTEST_GUILESS_MAIN(TestSharedRateBudget)
#include "TestSharedRateBudget.moc"
