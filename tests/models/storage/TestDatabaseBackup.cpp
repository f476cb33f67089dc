#include "DeskDatabase.h"
#include "storage/Database.h"
#include "storage/SqliteBackup.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>

using namespace herald;

// `herald db backup` / File → Back Up… (issue 18): SQLite's online backup of the embedded database, taken while
// another connection keeps writing, opens, passes PRAGMA integrity_check and holds every row committed before it began.
class TestDatabaseBackup : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_desk;

    QString path(const QString& name) const { return m_dir.filePath(name); }

    // Opens a backup file on a connection of its own: what restoring (opening the file) does.
    struct Opened
    {
        QString integrity;
        qint64 nonprofits = -1;
        qint64 written = -1; // the writer's rows
    };
    static Opened open(const QString& file)
    {
        Opened opened;
        const QString name = QStringLiteral("backup-check");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(file);
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
            if (db.open()) {
                QSqlQuery query(db);
                if (query.exec(QStringLiteral("PRAGMA integrity_check")) && query.next())
                    opened.integrity = query.value(0).toString();
                opened.nonprofits = test::DeskDatabase::count(db, QStringLiteral("nonprofits"));
                if (query.exec(QStringLiteral("SELECT COUNT(*) FROM suppressions WHERE source = 'writer'")) && query.next())
                    opened.written = query.value(0).toLongLong();
            }
        }
        QSqlDatabase::removeDatabase(name);
        return opened;
    }

    // Commits a row at a time on this thread's own connection until told to stop.
    void write(std::atomic<qint64>& committed, const std::atomic<bool>& stop, QString& error)
    {
        QSqlDatabase db = m_desk->connection();
        QSqlQuery insert(db);
        insert.prepare(QStringLiteral("INSERT INTO suppressions (email, reason, source) VALUES (:email, 'manual', 'writer')"));
        for (qint64 i = 1; !stop.load(); ++i) {
            insert.bindValue(QStringLiteral(":email"), QStringLiteral("writer%1@example.net").arg(i));
            if (!insert.exec()) {
                error = insert.lastError().text();
                break;
            }
            committed.store(i);
            QThread::msleep(1);
        }
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_desk = std::make_unique<Database>(ConnectionProfile::embedded(path(QStringLiteral("desk.sqlite"))));
        QVERIFY(m_desk->open().ok());
        const QString filled = test::DeskDatabase::fill(m_desk->connection(), 20000);
        QVERIFY2(filled.isEmpty(), qPrintable(filled));
    }

    void backupDuringWritesOpensWhole()
    {
        std::atomic<qint64> committed{0};
        std::atomic<bool> stop{false};
        QString writerError;
        // Another connection (as a worker recording sends would) commits a row at a time for as long as the backup runs.
        std::unique_ptr<QThread> writer(QThread::create([&] {
            write(committed, stop, writerError);
            m_desk->releaseThreadConnection();
        }));
        writer->start();
        QTRY_VERIFY(committed.load() >= 20);
        const qint64 committedBefore = committed.load();

        int steps = 0;
        int stepsWithWritesBetween = 0;
        qint64 lastDone = -1, lastTotal = 0;
        JobControl control;
        control.progress = [&](qint64 done, qint64 total) {
            ++steps;
            lastDone = done;
            lastTotal = total;
            // Writes go on between the backup's steps: wait for the writer to commit again before the next step.
            const qint64 seen = committed.load();
            QDeadlineTimer deadline(5000);
            while (committed.load() == seen && !deadline.hasExpired() && writerError.isEmpty())
                QThread::msleep(1);
            if (committed.load() > seen)
                ++stepsWithWritesBetween;
        };
        const Status done = SqliteBackup::run(*m_desk, path(QStringLiteral("backup.sqlite")), false, control);
        stop.store(true);
        writer->wait();
        QVERIFY2(done.ok(), qPrintable(done.error().message));
        QVERIFY2(writerError.isEmpty(), qPrintable(writerError));
        QVERIFY2(steps >= 3, qPrintable(QString::number(steps))); // in steps, with progress
        QCOMPARE(lastDone, lastTotal);
        QVERIFY(stepsWithWritesBetween >= steps - 1);

        const Opened opened = open(path(QStringLiteral("backup.sqlite")));
        QCOMPARE(opened.integrity, QStringLiteral("ok"));
        QCOMPARE(opened.nonprofits, qint64(20000));
        // Every row committed before the backup began; none committed after it ended.
        QVERIFY2(opened.written >= committedBefore, qPrintable(QString::number(opened.written)));
        QVERIFY(opened.written < committed.load());
        QVERIFY(!QFile::exists(path(QStringLiteral("backup.sqlite.partial"))));
    }

    void refusesToOverwriteWithoutForce()
    {
        const QString file = path(QStringLiteral("existing.sqlite"));
        QFile existing(file);
        QVERIFY(existing.open(QIODevice::WriteOnly));
        existing.write("not a database");
        existing.close();
        const Status refused = SqliteBackup::run(*m_desk, file, false);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.contains(QStringLiteral("--force")), qPrintable(refused.error().message));
        QCOMPARE(QFileInfo(file).size(), qint64(14));

        QVERIFY(SqliteBackup::run(*m_desk, file, true).ok());
        QCOMPARE(open(file).integrity, QStringLiteral("ok"));
    }

    void cancelLeavesNoFile()
    {
        JobControl control;
        control.isCancelled = [] { return true; };
        const QString file = path(QStringLiteral("cancelled.sqlite"));
        const Status cancelled = SqliteBackup::run(*m_desk, file, false, control);
        QVERIFY(!cancelled.ok());
        QCOMPARE(cancelled.error().kind, Error::Kind::Cancelled);
        QVERIFY(!QFile::exists(file));
        QVERIFY(!QFile::exists(file + QStringLiteral(".partial")));
    }

    void postgresIsToldToUsePgDump()
    {
        Database server(ConnectionProfile::postgres(QStringLiteral("team"), QStringLiteral("127.0.0.1"), 5432,
                                                    QStringLiteral("herald"), QStringLiteral("alice")));
        const Status refused = SqliteBackup::run(server, path(QStringLiteral("server.sqlite")), false);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.contains(QStringLiteral("pg_dump")), qPrintable(refused.error().message));
    }
};

QTEST_GUILESS_MAIN(TestDatabaseBackup)
#include "TestDatabaseBackup.moc"
