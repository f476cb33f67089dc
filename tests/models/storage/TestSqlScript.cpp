#include "storage/SqlScript.h"

#include <QTest>

using namespace herald;

class TestSqlScript : public QObject
{
    Q_OBJECT

private slots:
    void split_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<QStringList>("statements");
        QTest::newRow("two") << "CREATE TABLE a (x int);\nCREATE TABLE b (y int);"
                             << QStringList{"CREATE TABLE a (x int)", "CREATE TABLE b (y int)"};
        QTest::newRow("semicolon in quotes") << "INSERT INTO a VALUES ('x;y');SELECT 1"
                                             << QStringList{"INSERT INTO a VALUES ('x;y')", "SELECT 1"};
        QTest::newRow("escaped quote") << "SELECT 'it''s;';SELECT 2" << QStringList{"SELECT 'it''s;'", "SELECT 2"};
        QTest::newRow("comments") << "-- a; comment\nSELECT 1; /* b; c */ SELECT 2;"
                                  << QStringList{"SELECT 1", "SELECT 2"};
        QTest::newRow("dollar quoted") << "DO $$ BEGIN PERFORM 1; END $$;\nSELECT 3"
                                       << QStringList{"DO $$ BEGIN PERFORM 1; END $$", "SELECT 3"};
        QTest::newRow("tagged dollar quote") << "SELECT $body$ ; $$ ; $body$; SELECT 4"
                                             << QStringList{"SELECT $body$ ; $$ ; $body$", "SELECT 4"};
        QTest::newRow("sqlite trigger") << "CREATE TRIGGER t AFTER UPDATE ON a BEGIN UPDATE b SET y = 1; DELETE FROM c; END;\nSELECT 5;"
                                        << QStringList{"CREATE TRIGGER t AFTER UPDATE ON a BEGIN UPDATE b SET y = 1; DELETE FROM c; END",
                                                       "SELECT 5"};
        QTest::newRow("empty") << "  \n-- nothing\n" << QStringList{};
    }

    void split()
    {
        QFETCH(QString, script);
        QFETCH(QStringList, statements);
        QStringList actual = SqlScript::split(script);
        for (QString& statement : actual)
            statement = statement.simplified();
        QCOMPARE(actual, statements);
    }
};

QTEST_GUILESS_MAIN(TestSqlScript)
#include "TestSqlScript.moc"
