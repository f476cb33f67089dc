#include "HeraldProcess.h"
#include "TestDatabase.h"
#include "importexport/CsvReader.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace herald;

// `herald import`, `herald export` and `herald gdpr`, run as the real executable with its own config and data
// folders: on the embedded database, and once on PostgreSQL (COPY through the profile's connection).
class TestDataCommands : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::HeraldProcess> m_herald;

    using Run = test::HeraldProcess::Run;

    Run herald(const QStringList& arguments) { return m_herald->run(arguments); }

    QString path(const QString& name) const { return m_herald->homePath(name); }

    static QString badRows() { return QStringLiteral(HERALD_TEST_DATA_DIR "/nonprofits-bad-rows.csv"); }
    static QString delaware() { return QStringLiteral(HERALD_IRS_DATA_DIR "/eo_de.csv"); }

    // The exported row of `email`, as its fields.
    QStringList exportedRow(const QString& email)
    {
        const QString file = path(QStringLiteral("lookup.csv"));
        herald({ QStringLiteral("export"), QStringLiteral("nonprofits"), file, QStringLiteral("--search"), email });
        const auto preview = CsvReader::preview(file, 10);
        return preview.ok() && !preview->rows.isEmpty() ? preview->rows.first() : QStringList();
    }

private slots:
    void init()
    {
        m_herald = std::make_unique<test::HeraldProcess>(QStringLiteral(HERALD_EXECUTABLE));
        // Each case runs once: on the embedded database in the sqlite variant, on the cluster in the postgres one.
        const bool postgresCase
            = QLatin1String(QTest::currentTestFunction()) == QLatin1String("importOnPostgresThroughAProfile");
        if (postgresCase != (test::TestDatabase::backendUnderTest() == Backend::Postgres))
            QSKIP("runs in the other backend's variant");
    }

    void importPrintsTheReportAndExitsZeroWithRejectedRows()
    {
        const QString report = path(QStringLiteral("rejected.csv"));
        const Run run = herald(
            { QStringLiteral("import"), QStringLiteral("nonprofits"), badRows(), QStringLiteral("--report"), report });
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.startsWith(QLatin1String("5 added, 1 updated, 0 skipped (unchanged), 10 rejected.")),
            qPrintable(run.out));
        QVERIFY2(run.out.contains(QLatin1String("line 7: Email 'not-an-email' has no '@'.")), qPrintable(run.out));
        QVERIFY2(run.err.contains(QLatin1String("100%")), qPrintable(run.err));
        const auto rejected = CsvReader::preview(report, 100);
        QVERIFY(rejected.ok());
        QCOMPARE(rejected->rows.size(), 10);
    }

    // Issue 15 (4.8): the printed report escapes a rejected value's CR LF (no raw "Bcc:" line), and a formula
    // name goes out behind a quote and comes back exactly.
    void reportAndExportAreInert()
    {
        const Run imported = herald({ QStringLiteral("import"), QStringLiteral("nonprofits"),
            QStringLiteral(HERALD_TEST_DATA_DIR "/nonprofits-injection.csv") });
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        QVERIFY2(imported.out.startsWith(QLatin1String("2 added")), qPrintable(imported.out));
        QVERIFY2(imported.out.contains(QLatin1String("bad@@example.org\\r\\nBcc: victim@example.org")), qPrintable(imported.out));
        for (const QString& line : imported.out.split(QLatin1Char('\n')))
            QVERIFY2(!line.trimmed().startsWith(QLatin1String("Bcc:")), qPrintable(imported.out));

        const QString file = path(QStringLiteral("inert.csv"));
        const Run exported = herald({ QStringLiteral("export"), QStringLiteral("nonprofits"), file });
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
        QFile written(file);
        QVERIFY(written.open(QIODevice::ReadOnly));
        const QByteArray bytes = written.readAll();
        QVERIFY2(bytes.contains("\r\n\"'=HYPERLINK(\"\"http://evil.example/x\"\",\"\"click\"\")\","), bytes.constData());
        QVERIFY2(bytes.contains("\r\n'+1 Society,"), bytes.constData());
        QVERIFY2(bytes.contains(",'-Dover,"), bytes.constData());
        const Run again = herald({ QStringLiteral("import"), QStringLiteral("nonprofits"), file });
        QVERIFY2(again.out.startsWith(QLatin1String("0 added, 0 updated, 2 skipped")), qPrintable(again.out));
    }

    void mistakesAndFailuresExitNonZero()
    {
        QCOMPARE(herald({ QStringLiteral("import"), QStringLiteral("nonprofits") }).exitCode, 2);
        QCOMPARE(herald({ QStringLiteral("import"), QStringLiteral("nonprofits"), badRows(), QStringLiteral("--key"),
                            QStringLiteral("name") })
                     .exitCode,
            2);
        const Run missing
            = herald({ QStringLiteral("import"), QStringLiteral("nonprofits"), path(QStringLiteral("nowhere.csv")) });
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.out.contains(QLatin1String("Could not open")), qPrintable(missing.out));
        const Run erase = herald({ QStringLiteral("gdpr"), QStringLiteral("erase"), QStringLiteral("--email"),
            QStringLiteral("a@example.org") });
        QCOMPARE(erase.exitCode, 2);
        QVERIFY2(erase.err.contains(QLatin1String("--yes")), qPrintable(erase.err));
        const Run nothing = herald({ QStringLiteral("gdpr"), QStringLiteral("export"), QStringLiteral("--email"),
            QStringLiteral("nobody@example.org"), path(QStringLiteral("nobody.json")) });
        QCOMPARE(nothing.exitCode, 1);
        QVERIFY2(nothing.err.contains(QLatin1String("holds nothing")), qPrintable(nothing.err));
    }

    void exportedSearchImportsBackUnchanged()
    {
        const Run imported = herald({ QStringLiteral("import"), QStringLiteral("nonprofits"), delaware(),
            QStringLiteral("--email-from-ein"), QStringLiteral("example.org") });
        QVERIFY2(imported.out.startsWith(QLatin1String("1497 added")), qPrintable(imported.out + imported.err));
        const QString file = path(QStringLiteral("food.csv"));
        const Run exported = herald({ QStringLiteral("export"), QStringLiteral("nonprofits"), file,
            QStringLiteral("--search"), QStringLiteral("food"), QStringLiteral("--sort"), QStringLiteral("city") });
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
        QVERIFY2(exported.out.startsWith(QLatin1String("2 rows written")), qPrintable(exported.out));
        const Run again = herald({ QStringLiteral("import"), QStringLiteral("nonprofits"), file,
            QStringLiteral("--key"), QStringLiteral("ein") });
        QVERIFY2(again.out.startsWith(QLatin1String("0 added, 0 updated, 2 skipped")), qPrintable(again.out));
    }

    void suppressionListsMoveBetweenDatabases()
    {
        const QString list = path(QStringLiteral("suppressions.csv"));
        QFile file(list);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            "email,reason,date\nGone@Example.org,hard_bounce,2026-01-02T03:04:05Z\nleft@example.org,unsubscribed,\n"
            "broken,manual,\n");
        file.close();
        const Run imported = herald({ QStringLiteral("import"), QStringLiteral("suppressions"), list });
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        QVERIFY2(imported.out.startsWith(QLatin1String("2 added, 0 updated, 0 skipped (unchanged), 1 rejected.")),
            qPrintable(imported.out));
        const QString exported = path(QStringLiteral("exported.csv"));
        QCOMPARE(herald({ QStringLiteral("export"), QStringLiteral("suppressions"), exported }).exitCode, 0);
        const auto rows = CsvReader::preview(exported, 10);
        QCOMPARE(rows->header,
            (QStringList {
                QStringLiteral("email"), QStringLiteral("reason"), QStringLiteral("date"), QStringLiteral("source") }));
        QCOMPARE(rows->rows.size(), 2);
        QCOMPARE(rows->rows.last().mid(0, 3),
            (QStringList { QStringLiteral("gone@example.org"), QStringLiteral("hard_bounce"),
                QStringLiteral("2026-01-02T03:04:05.000Z") }));
        const Run again = herald({ QStringLiteral("import"), QStringLiteral("suppressions"), exported });
        QVERIFY2(again.out.startsWith(QLatin1String("0 added, 0 updated, 2 skipped")), qPrintable(again.out));
    }

    void gdprExportEraseAndReimport()
    {
        QCOMPARE(herald({ QStringLiteral("import"), QStringLiteral("nonprofits"), badRows() }).exitCode, 0);
        const QString json = path(QStringLiteral("habitat.json"));
        const Run exported = herald({ QStringLiteral("gdpr"), QStringLiteral("export"), QStringLiteral("--email"),
            QStringLiteral("hello@habitat.example.org"), json });
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
        QFile file(json);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject data = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(data.value(QStringLiteral("nonprofit")).toObject().value(QStringLiteral("name")).toString(),
            QStringLiteral("Habitat, for Humanity"));

        const Run erased = herald({ QStringLiteral("gdpr"), QStringLiteral("erase"), QStringLiteral("--email"),
            QStringLiteral("hello@habitat.example.org"), QStringLiteral("--yes") });
        QVERIFY2(erased.exitCode == 0, qPrintable(erased.err));
        QVERIFY2(erased.out.contains(QLatin1String("sha256:")), qPrintable(erased.out));
        QVERIFY(exportedRow(QStringLiteral("habitat")).isEmpty());

        // The same file again: the row comes back, but never as mailable.
        const Run again = herald({ QStringLiteral("import"), QStringLiteral("nonprofits"), badRows() });
        QVERIFY2(
            again.out.contains(QLatin1String("1 erased address(es) came back as unsubscribed")), qPrintable(again.out));
        QCOMPARE(exportedRow(QStringLiteral("habitat")).value(9), QStringLiteral("unsubscribed"));
    }

    void importOnPostgresThroughAProfile()
    {
        test::TestDatabase scratch;
        QVERIFY2(scratch.isReady(), qPrintable(scratch.setupError()));
        const ConnectionProfile server = scratch.profile();
        const Run added = herald({ QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("Office"),
            QStringLiteral("--host"), server.host, QStringLiteral("--port"), QString::number(server.port),
            QStringLiteral("--database"), server.database, QStringLiteral("--user"), server.user,
            QStringLiteral("--sslmode"), QStringLiteral("disable") });
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        const Run run = herald({ QStringLiteral("import"), QStringLiteral("nonprofits"), delaware(),
            QStringLiteral("--profile"), QStringLiteral("Office"), QStringLiteral("--key"), QStringLiteral("ein"),
            QStringLiteral("--email-from-ein"), QStringLiteral("example.org") });
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.startsWith(QLatin1String("1497 added, 0 updated, 0 skipped (unchanged), 0 rejected.")),
            qPrintable(run.out));
        const QString file = path(QStringLiteral("pg.csv"));
        const Run exported
            = herald({ QStringLiteral("export"), QStringLiteral("nonprofits"), file, QStringLiteral("--profile"),
                QStringLiteral("Office"), QStringLiteral("--search"), QStringLiteral("01-05") });
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
        const auto rows = CsvReader::preview(file, 1000);
        QVERIFY(rows.ok());
        QVERIFY(!rows->rows.isEmpty());
        for (const QStringList& row : rows->rows)
            QVERIFY2(row.at(2).contains(QLatin1String("0105")), qPrintable(row.at(2)));
    }
};

QTEST_GUILESS_MAIN(TestDataCommands)
#include "TestDataCommands.moc"
