#include "DatabaseTestCase.h"
#include "ScratchFiles.h"
#include "importexport/CsvReader.h"
#include "importexport/NonprofitImporter.h"
#include "storage/AuditLogRepository.h"
#include "storage/NonprofitRepository.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace herald;

class TestNonprofitImporter : public test::DatabaseTestCase
{
    Q_OBJECT

    test::ScratchFiles m_files;

    qint64 count(const QString& sql)
    {
        QSqlQuery query(database().connection());
        if (!query.exec(sql) || !query.next())
            return -1;
        return query.value(0).toLongLong();
    }

    void exec(const QString& sql)
    {
        QSqlQuery query(database().connection());
        QVERIFY2(query.exec(sql), qPrintable(query.lastError().text()));
    }

    // `rows` valid rows: name, email, city, tags.
    QString generated(int rows)
    {
        QByteArray bytes = "name,email,city,tags\n";
        for (int i = 0; i < rows; ++i)
            bytes += "Org " + QByteArray::number(i) + ",org" + QByteArray::number(i) + "@example.org,Dover,t"
                + QByteArray::number(i % 3) + "\n";
        return m_files.write(QStringLiteral("generated-%1.csv").arg(rows), bytes);
    }

    static QString irs(const char* file)
    {
        return QStringLiteral(HERALD_IRS_DATA_DIR "/") + QLatin1String(file);
    }

    static NonprofitImportOptions irsOptions()
    {
        NonprofitImportOptions options;
        options.emailDomainForEin = QStringLiteral("example.org"); // the files have no email: <EIN>@example.org
        return options;
    }

    static int problems(const ImportReport& report, ImportProblem problem)
    {
        return int(std::count_if(report.rejected.begin(), report.rejected.end(),
            [&](const RejectedRow& row) { return row.problem == problem; }));
    }

private slots:
    void irsExtractsImportWholeWithEinsAndChaptersKept()
    {
        NonprofitImporter importer(database());
        const ImportReport delaware = importer.run(irs("eo_de.csv"), irsOptions());
        QVERIFY2(delaware.completed(), qPrintable(delaware.summary()));
        QVERIFY2(delaware.added == 1497,
            qPrintable(
                delaware.summary() + (delaware.rejected.isEmpty() ? QString() : delaware.rejected.first().message)));
        QCOMPARE(delaware.rejected.size(), 0);
        const ImportReport vermont = importer.run(irs("eo_vt.csv"), irsOptions());
        QVERIFY2(vermont.completed(), qPrintable(vermont.summary()));
        QCOMPARE(vermont.added, qint64(1242));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM nonprofits")), qint64(1497 + 1242));

        // Leading zeros survive; the email is derived from the EIN; STATE and ZIP land in region and postal code.
        NonprofitRepository repository(database());
        const auto windsor = repository.findByEmail(QStringLiteral("010180687@example.org"));
        QVERIFY2(windsor.ok(), qPrintable(windsor.error().message));
        QCOMPARE(windsor->ein, QStringLiteral("010180687"));
        QCOMPARE(windsor->name, QStringLiteral("WINDSOR IMPROVEMENT CORPORATION"));
        QCOMPARE(windsor->city, QStringLiteral("WINDSOR"));
        QCOMPARE(windsor->region, QStringLiteral("VT"));
        QCOMPARE(windsor->postalCode, QStringLiteral("05089-0455"));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM nonprofits WHERE ein LIKE '0%'")), qint64(25 + 563));
        // Chapters: one name, many EINs, all kept apart.
        QCOMPARE(
            count(QStringLiteral("SELECT count(*) FROM nonprofits WHERE name = 'PTA DELAWARE CONGRESS'")), qint64(10));
        QCOMPARE(
            count(QStringLiteral("SELECT count(*) FROM nonprofits WHERE name = 'FREE & ACCEPTED MASONS OF VERMONT'")),
            qint64(14));
        QCOMPARE(
            count(QStringLiteral("SELECT count(*) FROM nonprofits WHERE name = 'AMERICAN LEGION'")), qint64(3 + 12));

        // Again, by EIN this time: nothing changes.
        NonprofitImportOptions byEin = irsOptions();
        byEin.key = ImportKey::Ein;
        const ImportReport again = importer.run(irs("eo_de.csv"), byEin);
        QVERIFY2(again.completed(), qPrintable(again.summary()));
        QCOMPARE(again.skipped, qint64(1497));
        QCOMPARE(again.added + again.updated, qint64(0));
        QCOMPARE(count(QStringLiteral("SELECT max(version) FROM nonprofits")), qint64(1));
    }

    void everyKindOfBadRowIsRejectedWithItsLine()
    {
        NonprofitImporter importer(database());
        const ImportReport report = importer.run(QStringLiteral(HERALD_TEST_DATA_DIR "/nonprofits-bad-rows.csv"), {});
        QVERIFY2(report.completed(), qPrintable(report.summary()));
        QCOMPARE(report.added, qint64(5));
        QCOMPARE(report.updated, qint64(1)); // line 17 repeats line 2 with the email in capitals
        QCOMPARE(report.skipped, qint64(0));
        QCOMPARE(report.rejected.size(), 10);
        QCOMPARE(problems(report, ImportProblem::BadEmail), 1);
        QCOMPARE(problems(report, ImportProblem::MissingName), 1);
        QCOMPARE(problems(report, ImportProblem::WrongColumnCount), 1);
        QCOMPARE(problems(report, ImportProblem::InvalidUtf8), 1);
        QCOMPARE(problems(report, ImportProblem::FieldTooLong), 2);
        QCOMPARE(problems(report, ImportProblem::InvalidValue), 2);
        QCOMPARE(problems(report, ImportProblem::Duplicate), 1);
        QCOMPARE(problems(report, ImportProblem::UnterminatedQuote), 1);
        QList<qint64> lines;
        for (const RejectedRow& row : report.rejected)
            lines << row.line;
        QCOMPARE(lines, (QList<qint64> { 7, 8, 9, 10, 11, 12, 13, 14, 16, 19 }));
        QCOMPARE(report.rejected.at(0).field, QStringLiteral("email"));
        QVERIFY2(report.rejected.at(8).message.contains(QLatin1String("Food Bank of Delaware")),
            qPrintable(report.rejected.at(8).message));

        NonprofitRepository repository(database());
        const auto habitat = repository.findByEmail(QStringLiteral("hello@habitat.example.org"));
        QVERIFY(habitat.ok());
        QCOMPARE(habitat->name, QStringLiteral("Habitat, for Humanity"));
        QCOMPARE(habitat->tags, (QStringList { QStringLiteral("build"), QStringLiteral("housing") }));
        QCOMPARE(repository.findByEmail(QStringLiteral("twoline@example.org"))->name,
            QStringLiteral("Two-line\nName Center"));
        QCOMPARE(repository.findByEmail(QStringLiteral("quoted@example.org"))->name,
            QStringLiteral("The \"Quoted\" Society"));
        QCOMPARE(repository.findByEmail(QStringLiteral("cafe@example.org"))->city, QStringLiteral("Montréal"));
        const auto bank = repository.findByEmail(QStringLiteral("info@fbd.example.org"));
        QCOMPARE(bank->email, QStringLiteral("INFO@fbd.example.org"));
        QCOMPARE(bank->ein, QStringLiteral("010211530"));
        QCOMPARE(bank->version, 2);
        QCOMPARE(bank->tags, (QStringList { QStringLiteral("2026-gala"), QStringLiteral("food") }));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM nonprofits")), qint64(5));

        // The report as CSV: one line per rejected row, readable by the reader.
        const QString reportPath = m_files.path(QStringLiteral("rejected.csv"));
        QVERIFY(report.writeRejectedCsv(reportPath).ok());
        const auto written = CsvReader::preview(reportPath, 100);
        QVERIFY(written.ok());
        QCOMPARE(written->header,
            (QStringList { QStringLiteral("line"), QStringLiteral("problem"), QStringLiteral("field"),
                QStringLiteral("message") }));
        QCOMPARE(written->rows.size(), 10);
        QCOMPARE(written->rows.at(3).mid(0, 2), (QStringList { QStringLiteral("10"), QStringLiteral("invalid_utf8") }));
    }

    // Issue 15 (4.8): a rejected value with CR LF and a header name is reported on one line, its control
    // characters escaped; the rejected-rows file neutralises cells a spreadsheet would evaluate.
    void rejectedValuesAreReportedOnOneLineAndTheirFileIsInert()
    {
        const ImportReport report
            = NonprofitImporter(database()).run(QStringLiteral(HERALD_TEST_DATA_DIR "/nonprofits-injection.csv"), {});
        QVERIFY2(report.completed(), qPrintable(report.summary()));
        QCOMPARE(report.added, qint64(2));
        QCOMPARE(report.rejected.size(), 1);
        const QString shown = report.rejected.first().shownMessage();
        QVERIFY2(shown.contains(QLatin1String("bad@@example.org\\r\\nBcc: victim@example.org")), qPrintable(shown));
        QVERIFY(!shown.contains(QLatin1Char('\r')) && !shown.contains(QLatin1Char('\n')));
        QCOMPARE(NonprofitRepository(database()).findByEmail(QStringLiteral("formula@example.org"))->name,
                 QStringLiteral("=HYPERLINK(\"http://evil.example/x\",\"click\")"));

        ImportReport crafted = report;
        crafted.rejected << RejectedRow{9, ImportProblem::InvalidValue, QStringLiteral("=1+1"), QStringLiteral("@SUM(A1:A9)")};
        const QString path = m_files.path(QStringLiteral("rejected-injection.csv"));
        QVERIFY(crafted.writeRejectedCsv(path).ok());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QCOMPARE(bytes.count("\r\n"), 3); // header and two rows: no line break of the value's own
        QVERIFY2(bytes.contains("\r\n9,invalid_value,'=1+1,'@SUM(A1:A9)\r\n"), bytes.constData());
    }

    void semicolonsAndByteOrderMark()
    {
        NonprofitImporter importer(database());
        const ImportReport report
            = importer.run(QStringLiteral(HERALD_TEST_DATA_DIR "/nonprofits-semicolon-bom.csv"), {});
        QVERIFY2(report.completed() && report.added == 2, qPrintable(report.summary()));
        const auto school = NonprofitRepository(database()).findByEmail(QStringLiteral("ecole@example.org"));
        QCOMPARE(school->name, QStringLiteral("École Sans Frontières"));
        QCOMPARE(school->city, QStringLiteral("Paris; 5e"));
        QCOMPARE(school->tags, (QStringList { QStringLiteral("europe"), QStringLiteral("schools") }));
    }

    void updatesOnlyTheMappedFieldsAndNeverReactivates()
    {
        NonprofitRepository repository(database());
        Nonprofit bank;
        bank.name = QStringLiteral("Food Bank");
        bank.email = QStringLiteral("bank@example.org");
        bank.street = QStringLiteral("1 Lake Dr");
        bank.status = NonprofitStatus::Unsubscribed;
        bank.consent = QStringLiteral("consent");
        bank.tags = { QStringLiteral("old") };
        QVERIFY(repository.insert(bank).ok());
        const QString path = m_files.write(
            QStringLiteral("partial.csv"), "email,name,status\nbank@example.org,Food Bank (Newark),active\n");
        const ImportReport report = NonprofitImporter(database()).run(path, {});
        QVERIFY2(report.completed() && report.updated == 1, qPrintable(report.summary()));
        const auto stored = repository.find(bank.id);
        QCOMPARE(stored->name, QStringLiteral("Food Bank (Newark)"));
        QCOMPARE(stored->street, QStringLiteral("1 Lake Dr")); // not in the file: kept
        QCOMPARE(stored->tags, QStringList { QStringLiteral("old") });
        QVERIFY(stored->status == NonprofitStatus::Unsubscribed); // an import does not mail people who left
        QCOMPARE(stored->consent, QStringLiteral("consent"));
    }

    void cancelStopsBetweenWholeBatches()
    {
        const QString path = generated(1000);
        NonprofitImportOptions options;
        options.batchSize = 100;
        int batches = 0;
        QList<qint64> progress;
        JobControl control;
        control.progress = [&](qint64 done, qint64 total) {
            progress << done;
            QCOMPARE(total, QFileInfo(path).size());
        };
        control.isCancelled = [&] { return ++batches == 3; };
        const ImportReport report = NonprofitImporter(database()).run(path, options, control);
        QVERIFY(report.cancelled);
        QVERIFY(!report.failure);
        QCOMPARE(report.batchesCommitted, qint64(3));
        QCOMPARE(report.added, qint64(300));
        QCOMPARE(report.committedThroughLine, qint64(301));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM nonprofits")), qint64(300));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM nonprofit_tags")), qint64(300));
        QCOMPARE(progress.size(), 3);
        QVERIFY(progress.at(0) < progress.at(1) && progress.at(1) < progress.at(2));
        QVERIFY2(report.summary().contains(QLatin1String("line 301")), qPrintable(report.summary()));

        // The rest later: the first 300 are there already and unchanged.
        const ImportReport rest = NonprofitImporter(database()).run(path, options);
        QVERIFY(rest.completed());
        QCOMPARE(rest.added, qint64(700));
        QCOMPARE(rest.skipped, qint64(300));
    }

    void failureMidwayLeavesWholeBatchesAndSaysWhere()
    {
        const QString path = generated(500);
        NonprofitImportOptions options;
        options.batchSize = 100;
        int batches = 0;
        JobControl control;
        // After two batches the table goes away under the import, as a crash of the server would end it.
        control.progress = [&](qint64, qint64) {
            if (++batches == 2)
                exec(QStringLiteral("ALTER TABLE nonprofits RENAME TO nonprofits_moved"));
        };
        const ImportReport report = NonprofitImporter(database()).run(path, options, control);
        QVERIFY(report.failure.has_value());
        QCOMPARE(report.batchesCommitted, qint64(2));
        QCOMPARE(report.added, qint64(200));
        QCOMPARE(report.committedThroughLine, qint64(201));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM nonprofits_moved")), qint64(200));
        QVERIFY2(report.summary().contains(QLatin1String("line 201")), qPrintable(report.summary()));
    }

    void concurrentEditIsStillDetected()
    {
        const QString path
            = m_files.write(QStringLiteral("one.csv"), "name,email,city\nFood Bank,bank@example.org,Dover\n");
        QVERIFY(NonprofitImporter(database()).run(path, {}).completed());
        NonprofitRepository repository(database());
        Nonprofit opened = repository.findByEmail(QStringLiteral("bank@example.org")).value();
        // Someone imports a change while the row is open in an editor.
        const QString change
            = m_files.write(QStringLiteral("change.csv"), "name,email,city\nFood Bank,bank@example.org,Newark\n");
        const ImportReport report = NonprofitImporter(database()).run(change, {});
        QCOMPARE(report.updated, qint64(1));
        opened.name = QStringLiteral("Food Bank of Dover");
        const Status saved = repository.update(opened);
        QVERIFY(!saved.ok());
        QCOMPARE(saved.error().kind, Error::Kind::Conflict);
        QCOMPARE(repository.find(opened.id)->city, QStringLiteral("Newark"));
    }

    void byEinUpdatesTheEmailAndRefusesAnEmailHeldByAnother()
    {
        const QString first = m_files.write(QStringLiteral("first.csv"),
            "EIN,NAME,email\n010211530,Food Bank,old@example.org\n020000001,Other,other@example.org\n");
        NonprofitImportOptions byEin;
        byEin.key = ImportKey::Ein;
        QCOMPARE(NonprofitImporter(database()).run(first, byEin).added, qint64(2));
        const QString second = m_files.write(QStringLiteral("second.csv"),
            "EIN,NAME,email\n010211530,Food Bank,new@example.org\n020000001,Other,new@example.org\n,No "
            "EIN,x@example.org\n");
        const ImportReport report = NonprofitImporter(database()).run(second, byEin);
        QVERIFY2(report.completed(), qPrintable(report.summary()));
        QCOMPARE(report.updated, qint64(1));
        QCOMPARE(report.rejected.size(), 2);
        QVERIFY(report.rejected.at(0).problem == ImportProblem::Duplicate);
        QCOMPARE(report.rejected.at(0).line, qint64(3));
        QVERIFY(report.rejected.at(1).problem == ImportProblem::MissingKey);
        QCOMPARE(NonprofitRepository(database()).findByEmail(QStringLiteral("new@example.org"))->ein,
            QStringLiteral("010211530"));
    }

    void mappingWithoutEmailOrNameIsRefusedBeforeReading()
    {
        const QString path = m_files.write(QStringLiteral("noemail.csv"), "name,city\nFood Bank,Dover\n");
        const ImportReport report = NonprofitImporter(database()).run(path, {});
        QVERIFY(report.failure.has_value());
        QCOMPARE(report.failure->field, QStringLiteral("email"));
        QCOMPARE(report.batchesCommitted, qint64(0));

        // A mapping from a dialog: the columns chosen by hand.
        NonprofitImportOptions options;
        options.mapping = ColumnMapping({ QStringLiteral("Organisation"), QStringLiteral("Contact") });
        options.mapping.set(0, NonprofitField::Name);
        options.mapping.set(1, NonprofitField::Email);
        const QString custom
            = m_files.write(QStringLiteral("custom.csv"), "Organisation,Contact\nFood Bank,bank@example.org\n");
        QCOMPARE(NonprofitImporter(database()).run(custom, options).added, qint64(1));
    }

    void importIsAudited()
    {
        QVERIFY(NonprofitImporter(database()).run(generated(3), {}).completed());
        const auto lines
            = AuditLogRepository(database()).listFor(QStringLiteral("nonprofits"), QStringLiteral("generated-3.csv"));
        QVERIFY(lines.ok());
        QCOMPARE(lines->size(), 1);
        QCOMPARE(lines->first().action, QStringLiteral("import"));
        QVERIFY2(lines->first().detail.contains(QLatin1String("3 added")), qPrintable(lines->first().detail));
    }
};

QTEST_GUILESS_MAIN(TestNonprofitImporter)
#include "TestNonprofitImporter.moc"
