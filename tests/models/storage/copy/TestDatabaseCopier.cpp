#include "DeskDatabase.h"
#include "RoleLogins.h"
#include "TestDatabase.h"
#include "storage/Database.h"
#include "storage/Migrator.h"
#include "storage/NonprofitRepository.h"
#include "storage/copy/CopyCatalog.h"
#include "storage/copy/DatabaseCopier.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace herald;

// Moving a desk to a team server (issue 18): a ~100,000-row embedded database copied into a real, empty PostgreSQL
// database reads back equal; a target with rows, an unknown table and a login that is not the owner are refused
// before anything is copied; a cancel midway leaves the target empty again.
class TestDatabaseCopier : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_desk;     // ~100,000 rows, filled once
    std::unique_ptr<Database> m_smallDesk; // a few hundred rows, for the refusals

    std::unique_ptr<Database> openDesk(const QString& file)
    {
        auto desk = std::make_unique<Database>(ConnectionProfile::embedded(m_dir.filePath(file)));
        if (auto opened = desk->open(); !opened)
            qWarning("%s", qPrintable(opened.error().message));
        return desk;
    }


private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_desk = openDesk(QStringLiteral("desk.sqlite"));
        const QString filled = test::DeskDatabase::fill(m_desk->connection(), 40000);
        QVERIFY2(filled.isEmpty(), qPrintable(filled));
        QVERIFY2(test::DeskDatabase::copiedRows(*m_desk) > 100000, qPrintable(QString::number(test::DeskDatabase::copiedRows(*m_desk))));
        m_smallDesk = openDesk(QStringLiteral("small.sqlite"));
        const QString smallFilled = test::DeskDatabase::fill(m_smallDesk->connection(), 200);
        QVERIFY2(smallFilled.isEmpty(), qPrintable(smallFilled));
    }

    // Every table of Herald's schema, on both backends, is either copied or left out for a stated reason: a migration
    // that adds a table fails here until someone decides how a move copies it.
    void everyTableOfTheSchemaIsDecided()
    {
        test::TestDatabase server;
        QVERIFY2(server.isReady(), qPrintable(server.setupError()));
        auto target = server.open();
        for (Database* database : {m_desk.get(), target.get()}) {
            auto tables = CopyCatalog::tablesOf(database->connection(), database->backend());
            QVERIFY(tables.ok());
            QVERIFY(tables->size() > 30);
            for (const QString& table : tables.value())
                QVERIFY2(CopyCatalog::copiedTables().contains(table) || !CopyCatalog::skipReason(table).isEmpty(),
                         qPrintable(QStringLiteral("a move does not know table %1").arg(table)));
        }
    }

    void copiesEverythingAndReadsBackEqual()
    {
        test::TestDatabase server;
        QVERIFY2(server.isReady(), qPrintable(server.setupError()));
        auto target = server.open();
        QStringList planned;
        QList<qint64> lastDone;
        DatabaseCopier copier(*m_desk, *target);
        copier.planned = [&](const QStringList& tables) {
            planned = tables;
            lastDone = QList<qint64>(tables.size(), -1);
        };
        copier.tableProgress = [&](int table, qint64 done, qint64) { lastDone[table] = done; };
        qint64 reportedDone = 0, reportedTotal = 0;
        JobControl control;
        control.progress = [&](qint64 done, qint64 total) {
            reportedDone = done;
            reportedTotal = total;
        };
        auto moved = copier.run(control);
        QVERIFY2(moved.ok(), qPrintable(moved.error().message));
        qInfo("%s", qPrintable(moved->summary()));
        qInfo("copy speed: %lld rows/s", moved->rowsPerSecond());

        // Foreign keys first: a table after every table it references; the audit log last.
        QVERIFY(planned.indexOf(QStringLiteral("nonprofits")) < planned.indexOf(QStringLiteral("nonprofit_tags")));
        QVERIFY(planned.indexOf(QStringLiteral("templates")) < planned.indexOf(QStringLiteral("campaigns")));
        QVERIFY(planned.indexOf(QStringLiteral("segments")) < planned.indexOf(QStringLiteral("campaigns")));
        QVERIFY(planned.indexOf(QStringLiteral("campaigns")) < planned.indexOf(QStringLiteral("sends")));
        QVERIFY(planned.indexOf(QStringLiteral("sends")) < planned.indexOf(QStringLiteral("send_engagement")));
        QCOMPARE(planned.last(), QStringLiteral("audit_log"));
        QVERIFY(!planned.contains(QStringLiteral("schema_migrations")));
        QCOMPARE(reportedDone, reportedTotal);
        QCOMPARE(reportedTotal, test::DeskDatabase::copiedRows(*m_desk));
        QCOMPARE(moved->rows, test::DeskDatabase::copiedRows(*m_desk));

        // Read back equal: the same rows, value for value, in a form both backends read alike.
        QSqlDatabase desk = m_desk->connection();
        QSqlDatabase team = target->connection();
        for (int i = 0; i < planned.size(); ++i) {
            const QString& table = planned.at(i);
            const qint64 rows = test::DeskDatabase::count(desk, table);
            QVERIFY2(rows > 0, qPrintable(table + QLatin1String(" is empty in the test's desk")));
            QCOMPARE(lastDone.at(i), rows);
            // The audit log's actor is the server's login (schema 23); the move adds its own line.
            const bool audit = table == QLatin1String("audit_log");
            const QStringList except = audit ? QStringList{QStringLiteral("actor")} : QStringList{};
            QCOMPARE(test::DeskDatabase::count(team, table), audit ? rows + 1 : rows);
            if (!audit)
                QVERIFY2(test::DeskDatabase::fingerprint(desk, Backend::Sqlite, table, except)
                             == test::DeskDatabase::fingerprint(team, Backend::Postgres, table, except),
                         qPrintable(table + QLatin1String(" differs")));
        }
        // The comparison can fail: one changed character on the server changes the fingerprint.
        QSqlQuery change(team);
        QVERIFY(change.exec(QStringLiteral("UPDATE nonprofits SET name = name || '.' WHERE id = 1000")));
        QVERIFY(test::DeskDatabase::fingerprint(desk, Backend::Sqlite, QStringLiteral("nonprofits"))
                != test::DeskDatabase::fingerprint(team, Backend::Postgres, QStringLiteral("nonprofits")));

        // The lines the desk had, apart from the move's own.
        QSqlQuery moveLine(team);
        QVERIFY(moveLine.exec(QStringLiteral("SELECT count(*), max(id), max(action) FROM audit_log WHERE action = 'move' "
                                             "AND entity = 'database'")));
        QVERIFY(moveLine.next());
        QCOMPARE(moveLine.value(0).toInt(), 1);
        QCOMPARE(moveLine.value(1).toLongLong(), 201); // after the desk's 200 lines: the sequence was set past them

        // The server counts the copied sends itself: the same totals per campaign, status and retry.
        const QString counts = QStringLiteral("SELECT campaign_id, status, CASE WHEN failed_before THEN 1 ELSE 0 END, "
                                              "SUM(n) FROM campaign_send_counts GROUP BY 1, 2, 3 ORDER BY 1, 2, 3");
        QSqlQuery deskCounts(desk), teamCounts(team);
        QVERIFY(deskCounts.exec(counts) && teamCounts.exec(counts));
        int groups = 0;
        while (deskCounts.next()) {
            QVERIFY(teamCounts.next());
            for (int column = 0; column < 4; ++column)
                QCOMPARE(teamCounts.value(column).toLongLong(), deskCounts.value(column).toLongLong());
            ++groups;
        }
        QVERIFY(!teamCounts.next());
        QVERIFY(groups >= 4);

        // Ids were kept and the sequences set past them: a new nonprofit gets the next id.
        Nonprofit added;
        added.name = QStringLiteral("Joined after the move");
        added.email = QStringLiteral("new@example.org");
        QVERIFY(NonprofitRepository(*target).insert(added).ok());
        QCOMPARE(added.id, qint64(40001));
        QVERIFY(moved->adminSentence.contains(QStringLiteral("herald_admin")));
    }

    void refusesATargetWithRowsNamingTheTable()
    {
        test::TestDatabase server;
        QVERIFY(server.isReady());
        auto target = server.open();
        QSqlQuery query(target->connection());
        QVERIFY(query.exec(QStringLiteral("INSERT INTO segments (uuid, name) VALUES ('s', 'Already here')")));
        auto moved = DatabaseCopier(*m_smallDesk, *target).run({});
        QVERIFY(!moved.ok());
        QCOMPARE(moved.error().kind, Error::Kind::Conflict);
        QVERIFY2(moved.error().message.contains(QStringLiteral("table segments has rows")),
                 qPrintable(moved.error().message));
        QCOMPARE(test::DeskDatabase::count(target->connection(), QStringLiteral("nonprofits")), 0);
    }

    void refusesATableItDoesNotKnow()
    {
        auto desk = openDesk(QStringLiteral("later.sqlite"));
        QSqlQuery query(desk->connection());
        QVERIFY(query.exec(QStringLiteral("CREATE TABLE later_feature (id INTEGER PRIMARY KEY, note TEXT)")));
        QVERIFY(query.exec(QStringLiteral("INSERT INTO later_feature (note) VALUES ('would be lost')")));
        test::TestDatabase server;
        QVERIFY(server.isReady());
        auto target = server.open();
        auto moved = DatabaseCopier(*desk, *target).run({});
        QVERIFY(!moved.ok());
        QVERIFY2(moved.error().message.contains(QStringLiteral("later_feature")), qPrintable(moved.error().message));
        QCOMPARE(test::DeskDatabase::copiedRows(*target), 0);
    }

    // Cancelled midway, the tables copied so far are emptied again: the server's database is empty, ready for a retry.
    void cancelMidwayLeavesTheTargetEmpty()
    {
        test::TestDatabase server;
        QVERIFY(server.isReady());
        auto target = server.open();
        QStringList planned;
        int tablesTouched = 0;
        DatabaseCopier copier(*m_desk, *target);
        copier.planned = [&](const QStringList& tables) { planned = tables; };
        copier.tableProgress = [&](int table, qint64, qint64) { tablesTouched = table + 1; };
        bool stop = false;
        JobControl control;
        // Stop once the nonprofits and their tags are in and sends are under way.
        control.progress = [&](qint64 done, qint64) { stop = done > 75000; };
        control.isCancelled = [&] { return stop; };
        auto moved = copier.run(control);
        QVERIFY(!moved.ok());
        QCOMPARE(moved.error().kind, Error::Kind::Cancelled);
        QVERIFY2(moved.error().message.contains(QStringLiteral("emptied again")), qPrintable(moved.error().message));
        QVERIFY(tablesTouched > 3 && tablesTouched < planned.size());
        QCOMPARE(test::DeskDatabase::copiedRows(*target), 0);
        QCOMPARE(test::DeskDatabase::count(target->connection(), QStringLiteral("campaign_send_counts")), 0);

        // And a second try goes through.
        auto again = DatabaseCopier(*m_smallDesk, *target).run({});
        QVERIFY2(again.ok(), qPrintable(again.error().message));
    }

    void cancelBeforeAnyTableSaysNothingWasCopied()
    {
        test::TestDatabase server;
        QVERIFY(server.isReady());
        auto target = server.open();
        JobControl control;
        control.isCancelled = [] { return true; };
        auto moved = DatabaseCopier(*m_smallDesk, *target).run(control);
        QVERIFY(!moved.ok());
        QCOMPARE(moved.error().kind, Error::Kind::Cancelled);
        QVERIFY2(moved.error().message.contains(QStringLiteral("Nothing was copied")), qPrintable(moved.error().message));
        QCOMPARE(test::DeskDatabase::copiedRows(*target), 0);
    }

    // A login that does not own the tables is told what the owner must do, and nothing is copied.
    void refusesALoginThatIsNotTheOwner()
    {
        test::TestDatabase server;
        QVERIFY(server.isReady());
        auto owner = server.open();
        test::RoleLogins logins(server.profile());
        QVERIFY2(logins.create().isEmpty(), "could not create the role logins");
        auto moved = DatabaseCopier(*m_smallDesk, logins.as(QStringLiteral("admin"))).run({});
        QVERIFY(!moved.ok());
        QCOMPARE(moved.error().kind, Error::Kind::Permission);
        QVERIFY2(moved.error().message.contains(QStringLiteral("GRANT herald_admin TO ") + logins.login(QStringLiteral("admin"))),
                 qPrintable(moved.error().message));
        QCOMPARE(test::DeskDatabase::copiedRows(*owner), 0);
    }

    // An owner who is not a superuser becomes the first admin when it may grant the role, else is told who must.
    void makesTheOwnerTheFirstAdmin_data()
    {
        QTest::addColumn<bool>("mayCreateRoles");
        QTest::newRow("owner with CREATEROLE") << true;
        QTest::newRow("owner without") << false;
    }
    void makesTheOwnerTheFirstAdmin()
    {
        QFETCH(bool, mayCreateRoles);
        test::TestDatabase server;
        QVERIFY(server.isReady());
        test::RoleLogins logins(server.profile());
        const QString mover = QStringLiteral("mover_%1").arg(mayCreateRoles ? 1 : 0) + logins.password().left(6).toLower();
        const QString database = server.profile().database;
        const auto ran = logins.psql({}, QStringLiteral("DROP ROLE IF EXISTS %1; CREATE ROLE %1 LOGIN PASSWORD '%2' %3; "
                                                        "ALTER DATABASE %4 OWNER TO %1; ")
                                             .arg(mover, logins.password(), mayCreateRoles ? "CREATEROLE" : "", database));
        QVERIFY2(ran.exitCode == 0, qPrintable(ran.output));
        ConnectionProfile profile = server.profile();
        profile.user = mover;
        Database target(profile, logins.password());
        QVERIFY2(target.open().ok(), "the owner could not migrate its database");
        auto moved = DatabaseCopier(*m_smallDesk, target).run({});
        QVERIFY2(moved.ok(), qPrintable(moved.error().message));
        const QString member = logins.ownerValue(
            QStringLiteral("SELECT pg_has_role('%1', 'herald_admin', 'MEMBER')").arg(mover));
        if (mayCreateRoles) {
            QCOMPARE(member, QStringLiteral("t"));
            QVERIFY2(moved->adminSentence.contains(QStringLiteral("first admin")), qPrintable(moved->adminSentence));
        } else {
            QCOMPARE(member, QStringLiteral("f"));
            QVERIFY2(moved->adminSentence.contains(QStringLiteral("GRANT herald_admin TO ") + mover),
                     qPrintable(moved->adminSentence));
        }
        target.releaseThreadConnection();
        logins.psql({}, QStringLiteral("REASSIGN OWNED BY %1 TO postgres; DROP OWNED BY %1;").arg(mover));
        logins.psql({}, QStringLiteral("DROP ROLE %1;").arg(mover), QStringLiteral("postgres"));
    }
};

QTEST_GUILESS_MAIN(TestDatabaseCopier)
#include "TestDatabaseCopier.moc"
