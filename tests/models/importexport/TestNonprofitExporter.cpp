#include "DatabaseTestCase.h"
#include "ScratchFiles.h"
#include "importexport/CsvReader.h"
#include "importexport/NonprofitExporter.h"
#include "importexport/NonprofitImporter.h"

#include <QFile>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTest>

using namespace herald;

class TestNonprofitExporter : public test::DatabaseTestCase
{
    Q_OBJECT

    test::ScratchFiles m_files;

    // Every column as it is stored, in id order, to tell whether anything changed.
    QStringList snapshot()
    {
        QSqlQuery query(database().connection());
        query.exec(
            QStringLiteral("SELECT n.id, n.name, n.email, COALESCE(n.ein, '<null>'), n.street, n.city, n.region, "
                           "n.postal_code, n.country, n.status, n.consent, n.version, n.updated_at, "
                           "(SELECT count(*) FROM nonprofit_tags t WHERE t.nonprofit_id = n.id) "
                           "FROM nonprofits n ORDER BY n.id"));
        QStringList rows;
        while (query.next()) {
            QStringList columns;
            for (int i = 0; i < 14; ++i)
                columns << query.value(i).toString();
            rows << columns.join(QLatin1Char('|'));
        }
        return rows;
    }

    void seed()
    {
        NonprofitRepository repository(database());
        const QList<Nonprofit> rows = [] {
            QList<Nonprofit> list;
            for (int i = 0; i < 25; ++i) {
                Nonprofit row;
                row.name = QStringLiteral("Organisation %1").arg(i, 2, 10, QLatin1Char('0'));
                row.email = QStringLiteral("Org%1@Example.org").arg(i);
                row.city = i % 2 ? QStringLiteral("Dover") : QStringLiteral("Wilmington");
                row.region = QStringLiteral("DE");
                list << row;
            }
            Nonprofit odd;
            odd.name = QStringLiteral("The \"Quoted\", Society;\nSecond line");
            odd.email = QStringLiteral("odd@example.org");
            odd.ein = QStringLiteral("010211530");
            odd.street = QStringLiteral(" 1 Main St ");
            odd.city = QStringLiteral("Montréal");
            odd.region = QStringLiteral("QC");
            odd.postalCode = QStringLiteral("H2X 1Y4");
            odd.country = QStringLiteral("CA");
            odd.tags = { QStringLiteral("2026-gala"), QStringLiteral("café") };
            odd.status = NonprofitStatus::Bounced;
            odd.consent = QStringLiteral("legitimate_interest");
            list << odd;
            Nonprofit empty;
            empty.name = QStringLiteral("No Country");
            empty.email = QStringLiteral("nocountry@example.org");
            empty.country = QString();
            list << empty;
            return list;
        }();
        for (Nonprofit row : rows)
            QVERIFY(repository.insert(row).ok());
    }

private slots:
    void exportThenImportChangesNothing()
    {
        seed();
        const QStringList before = snapshot();
        const QString path = m_files.path(QStringLiteral("export.csv"));
        const auto exported = NonprofitExporter(database()).run(path, {}, {}, 7); // several pages
        QVERIFY2(exported.ok(), qPrintable(exported.error().message));
        QCOMPARE(exported.value(), qint64(27));

        const ImportReport report = NonprofitImporter(database()).run(path, {});
        QVERIFY2(report.completed(), qPrintable(report.summary()));
        QCOMPARE(report.skipped, qint64(27));
        QCOMPARE(report.added + report.updated + report.rejected.size(), qint64(0));
        QCOMPARE(snapshot(), before);

        // And the file says the same the second time.
        const QString again = m_files.path(QStringLiteral("again.csv"));
        QVERIFY(NonprofitExporter(database()).run(again, {}).ok());
        QFile first(path);
        QFile second(again);
        QVERIFY(first.open(QIODevice::ReadOnly) && second.open(QIODevice::ReadOnly));
        QCOMPARE(second.readAll(), first.readAll());
    }

    void exportIntoAnEmptyDatabaseRecreatesTheRows()
    {
        seed();
        const QString path = m_files.path(QStringLiteral("copy.csv"));
        QVERIFY(NonprofitExporter(database()).run(path, {}).ok());
        test::TestDatabase otherScratch;
        auto other = otherScratch.open();
        const ImportReport report = NonprofitImporter(*other).run(path, {});
        QVERIFY2(report.completed() && report.added == 27, qPrintable(report.summary()));
        const auto odd = NonprofitRepository(*other).findByEmail(QStringLiteral("odd@example.org"));
        QVERIFY(odd.ok());
        QCOMPARE(odd->name, QStringLiteral("The \"Quoted\", Society;\nSecond line"));
        QCOMPARE(odd->tags, (QStringList { QStringLiteral("2026-gala"), QStringLiteral("café") }));
        QVERIFY(odd->status == NonprofitStatus::Bounced);
        QCOMPARE(odd->consent, QStringLiteral("legitimate_interest"));
        QCOMPARE(odd->street, QStringLiteral("1 Main St"));
        QCOMPARE(NonprofitRepository(*other).findByEmail(QStringLiteral("nocountry@example.org"))->country, QString());
    }

    // Issue 15 (4.8): a cell a spreadsheet would evaluate is written behind a quote, and reads back as it was.
    void formulaCellsAreNeutralisedAndImportBackExactly()
    {
        const QStringList names = {
            QStringLiteral("=HYPERLINK(\"http://evil.example/x\",\"click\")"), QStringLiteral("+1 Society"),
            QStringLiteral("-Minus Club"), QStringLiteral("@Home Trust"), QStringLiteral("'=Quoted already"),
            QStringLiteral("'Apostrophe Friends"), QStringLiteral("Plain = Fair"),
        };
        for (int i = 0; i < names.size(); ++i) {
            Nonprofit row;
            row.name = names.at(i);
            row.email = QStringLiteral("-formula%1@example.org").arg(i);
            row.city = QStringLiteral("=1+1");
            QVERIFY(NonprofitRepository(database()).insert(row).ok());
        }
        const QString path = m_files.path(QStringLiteral("formulas.csv"));
        QVERIFY(NonprofitExporter(database()).run(path, {}).ok());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        for (const QString& written : {QStringLiteral("\r\n\"'=HYPERLINK(\"\"http://evil.example/x\"\",\"\"click\"\")\","),
                                       QStringLiteral("\r\n'+1 Society,"), QStringLiteral("\r\n'-Minus Club,"),
                                       QStringLiteral("\r\n'@Home Trust,"), QStringLiteral("\r\n''=Quoted already,"),
                                       QStringLiteral("\r\n'Apostrophe Friends,"), QStringLiteral("\r\nPlain = Fair,"),
                                       QStringLiteral(",'-formula0@example.org,"), QStringLiteral(",'=1+1,")})
            QVERIFY2(text.contains(written), qPrintable(written + QStringLiteral(" not in\n") + text));
        // No line (record) of the file starts a cell with a formula character.
        static const QRegularExpression liveCell(QStringLiteral("(^|,)\"?[=+\\-@\\t\\r]"), QRegularExpression::MultilineOption);
        QVERIFY2(!text.contains(liveCell), qPrintable(text));

        test::TestDatabase otherScratch;
        auto other = otherScratch.open();
        const ImportReport report = NonprofitImporter(*other).run(path, {});
        QVERIFY2(report.completed() && report.added == names.size(), qPrintable(report.summary()));
        for (int i = 0; i < names.size(); ++i) {
            const auto row = NonprofitRepository(*other).findByEmail(QStringLiteral("-formula%1@example.org").arg(i));
            QVERIFY2(row.ok(), qPrintable(row.error().message));
            QCOMPARE(row->name, names.at(i));
            QCOMPARE(row->city, QStringLiteral("=1+1"));
        }
    }

    void exportsTheFilteredSortedView()
    {
        seed();
        NonprofitQuery query;
        query.searchText = QStringLiteral("dover");
        query.sortColumn = NonprofitQuery::SortColumn::Name;
        query.descending = true;
        const QString path = m_files.path(QStringLiteral("dover.csv"));
        QList<qint64> progress;
        JobControl control;
        control.progress = [&](qint64 done, qint64 total) {
            progress << done;
            QCOMPARE(total, qint64(12));
        };
        QCOMPARE(NonprofitExporter(database()).run(path, query, control, 5).value(), qint64(12));
        QCOMPARE(progress, (QList<qint64> { 5, 10, 12 }));
        const auto preview = CsvReader::preview(path, 100);
        QCOMPARE(preview->header, NonprofitExporter::header());
        QCOMPARE(preview->rows.size(), 12);
        QCOMPARE(preview->rows.first().first(), QStringLiteral("Organisation 23"));
        QCOMPARE(preview->rows.last().first(), QStringLiteral("Organisation 01"));
    }

    void cancelledExportLeavesNoFile()
    {
        seed();
        const QString path = m_files.path(QStringLiteral("cancelled.csv"));
        JobControl control;
        control.isCancelled = [] { return true; };
        const auto exported = NonprofitExporter(database()).run(path, {}, control, 5);
        QVERIFY(!exported.ok());
        QCOMPARE(exported.error().kind, Error::Kind::Cancelled);
        QVERIFY(!QFile::exists(path));
    }
};

QTEST_GUILESS_MAIN(TestNonprofitExporter)
#include "TestNonprofitExporter.moc"
