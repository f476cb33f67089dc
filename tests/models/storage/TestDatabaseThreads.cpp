#include "TestDatabase.h"

#include <QMutex>
#include <QSqlQuery>
#include <QStringList>
#include <QTest>

#include <thread>

using namespace herald;

namespace {
QMutex warningsMutex;
QStringList warnings;

void collectWarnings(QtMsgType type, const QMessageLogContext&, const QString& message)
{
    if (type == QtWarningMsg || type == QtCriticalMsg) {
        QMutexLocker lock(&warningsMutex);
        warnings << message;
    }
}
} // namespace

// Connections opened by threads that ended without releasing them (libmicrohttpd's request threads in `herald
// serve` have no exit hook) are closed when the Database goes, from whichever thread, without Qt's "does not belong
// to the calling thread" warning that `herald serve` used to print on every stop.
class TestDatabaseThreads : public QObject
{
    Q_OBJECT

    // Server processes connected to `name`, seen from a connection to another database.
    static int backendsOn(const QString& name)
    {
        Database observer(test::TestDatabase::serverProfile(QStringLiteral("postgres")), {});
        auto db = observer.checkedConnection();
        if (!db)
            return -1;
        QSqlQuery query(db.value());
        query.prepare(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE datname = :name"));
        query.bindValue(QStringLiteral(":name"), name);
        if (!query.exec() || !query.next())
            return -1;
        return query.value(0).toInt();
    }

private slots:
    void connectionsOfEndedThreadsCloseQuietly()
    {
        test::TestDatabase scratch;
        QVERIFY2(scratch.isReady(), qPrintable(scratch.setupError()));
        auto database = scratch.open();
        QVERIFY(database);
        bool queried = false;
        std::thread worker([&] {
            auto db = database->checkedConnection();
            if (db) {
                QSqlQuery query(db.value());
                queried = query.exec(QStringLiteral("SELECT 1")) && query.next();
            }
        }); // ends holding its connection
        worker.join();
        QVERIFY(queried);

        const QtMessageHandler previous = qInstallMessageHandler(collectWarnings);
        database.reset();
        qInstallMessageHandler(previous);
        {
            QMutexLocker lock(&warningsMutex);
            QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(QLatin1Char('\n'))));
        }
        if (test::TestDatabase::backendUnderTest() == Backend::Postgres)
            QTRY_COMPARE(backendsOn(scratch.profile().database), 0); // closed, not leaked
    }
};

QTEST_GUILESS_MAIN(TestDatabaseThreads)
#include "TestDatabaseThreads.moc"
