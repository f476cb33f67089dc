#include "TestDatabase.h"
#include "storage/Migrator.h"
#include "storage/SqlErrors.h"

#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

using namespace herald;

class TestMigrator : public QObject
{
    Q_OBJECT

private slots:
    void appliesEveryMigrationOnAnEmptyDatabase()
    {
        test::TestDatabase scratch;
        QVERIFY2(scratch.isReady(), qPrintable(scratch.setupError()));
        Database database(scratch.profile());
        const Status opened = database.open();
        QVERIFY2(opened.ok(), qPrintable(opened.error().message));
        QCOMPARE(database.schemaVersion(), Migrator::latestVersion(scratch.backendUnderTest()));
        QVERIFY(Migrator::latestVersion(scratch.backendUnderTest()) >= 1);

        QSqlDatabase db = database.connection();
        for (const char* table : {"nonprofits", "nonprofit_tags", "suppressions", "templates", "campaigns", "sends",
                                  "providers", "audit_log", "schema_migrations"}) {
            QSqlQuery query(db);
            QVERIFY2(query.exec(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))), table);
        }
    }

    void reopeningIsANoOp()
    {
        test::TestDatabase scratch;
        QVERIFY(scratch.isReady());
        {
            Database first(scratch.profile());
            QVERIFY(first.open().ok());
        }
        Database second(scratch.profile());
        QVERIFY(second.open().ok());
        QSqlQuery count(second.connection());
        QVERIFY(count.exec(QStringLiteral("SELECT count(*) FROM schema_migrations")) && count.next());
        QCOMPARE(count.value(0).toInt(), Migrator::available(scratch.backendUnderTest()).size());
    }

    void refusesANewerSchema()
    {
        test::TestDatabase scratch;
        QVERIFY(scratch.isReady());
        {
            Database first(scratch.profile());
            QVERIFY(first.open().ok());
            QSqlQuery future(first.connection());
            future.prepare(QStringLiteral("INSERT INTO schema_migrations (version, name, applied_at) VALUES (:v, 'from_the_future', 'x')"));
            future.bindValue(QStringLiteral(":v"), 999);
            QVERIFY(future.exec());
        }
        Database second(scratch.profile());
        const Status opened = second.open();
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().kind, Error::Kind::Schema);
        QVERIFY2(opened.error().message.contains(QLatin1String("999")), qPrintable(opened.error().message));
        QVERIFY(opened.error().message.contains(QLatin1String("newer Herald")));
    }

    void uniqueEmailIgnoresCase()
    {
        test::TestDatabase scratch;
        QVERIFY(scratch.isReady());
        auto database = scratch.open();
        QSqlQuery insert(database->connection());
        QVERIFY(insert.exec(QStringLiteral("INSERT INTO nonprofits (name, email) VALUES ('A', 'info@example.org')")));
        QSqlQuery duplicate(database->connection());
        QVERIFY(!duplicate.exec(QStringLiteral("INSERT INTO nonprofits (name, email) VALUES ('B', 'INFO@example.org')")));
        QVERIFY2(SqlErrors::isUniqueViolation(duplicate.lastError()), qPrintable(duplicate.lastError().nativeErrorCode()));
    }

    void sendsAreUniquePerCampaignAndRecipient()
    {
        test::TestDatabase scratch;
        QVERIFY(scratch.isReady());
        auto database = scratch.open();
        QSqlDatabase db = database->connection();
        QSqlQuery setup(db);
        QVERIFY(setup.exec(QStringLiteral("INSERT INTO nonprofits (id, name, email) VALUES (1, 'A', 'a@example.org')")));
        QVERIFY(setup.exec(QStringLiteral("INSERT INTO campaigns (id, uuid, name) VALUES (1, 'c-1', 'Gala')")));
        QVERIFY(setup.exec(QStringLiteral("INSERT INTO sends (campaign_id, nonprofit_id, email) VALUES (1, 1, 'a@example.org')")));
        QSqlQuery again(db);
        QVERIFY(!again.exec(QStringLiteral("INSERT INTO sends (campaign_id, nonprofit_id, email) VALUES (1, 1, 'a@example.org')")));
        QVERIFY(SqlErrors::isUniqueViolation(again.lastError()));
        QSqlQuery orphan(db);
        QVERIFY(!orphan.exec(QStringLiteral("INSERT INTO sends (campaign_id, nonprofit_id, email) VALUES (42, 1, 'a@example.org')")));
        QVERIFY2(SqlErrors::isForeignKeyViolation(orphan.lastError()), qPrintable(orphan.lastError().nativeErrorCode()));
    }
};

QTEST_GUILESS_MAIN(TestMigrator)
#include "TestMigrator.moc"
