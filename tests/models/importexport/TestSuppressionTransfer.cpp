#include "DatabaseTestCase.h"
#include "ScratchFiles.h"
#include "domain/AnonymisedEmail.h"
#include "importexport/CsvReader.h"
#include "importexport/SuppressionExporter.h"
#include "importexport/SuppressionImporter.h"
#include "sending/SendQueue.h"
#include "storage/NonprofitRepository.h"
#include "storage/SuppressionRepository.h"

#include <QFile>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTest>

using namespace herald;

// Suppression lists in and out (SuppressionImporter, SuppressionExporter), and what the queue makes of them.
class TestSuppressionTransfer : public test::DatabaseTestCase
{
    Q_OBJECT

    test::ScratchFiles m_files;

private slots:
    void importCountsAddsSkipsAndRejects()
    {
        SuppressionRepository repository(database());
        Suppression existing;
        existing.email = QStringLiteral("known@example.org");
        existing.reason = SuppressionReason::Complaint;
        QVERIFY(repository.add(existing).ok());

        const QByteArray hash = AnonymisedEmail::of(QStringLiteral("erased@example.org")).toLatin1();
        const QString path = m_files.write(QStringLiteral("list.csv"),
            "Email;Reason;Date;Source\n"
            "Bounced@Example.org;hard_bounce;2026-01-02T03:04:05Z;smtp 550\n"
            "left@example.org;unsubscribed;2026-01-03;\n"
            "known@example.org;manual;;\n"
            "left@example.org;unsubscribed;;\n"
                + hash
                + ";manual;;gdpr\n"
                  "not an address;manual;;\n"
                  "why@example.org;because;;\n"
                  "when@example.org;manual;yesterday;\n"
                  "few@example.org\n");
        const ImportReport report = SuppressionImporter(database()).run(path);
        QVERIFY2(report.completed(), qPrintable(report.summary()));
        QCOMPARE(report.added, qint64(3));
        QCOMPARE(report.skipped, qint64(2)); // known already, left twice
        QCOMPARE(report.rejected.size(), 4);
        QVERIFY(report.rejected.at(0).problem == ImportProblem::BadEmail);
        QCOMPARE(report.rejected.at(1).field, QStringLiteral("reason"));
        QCOMPARE(report.rejected.at(2).field, QStringLiteral("date"));
        QVERIFY(report.rejected.at(3).problem == ImportProblem::WrongColumnCount);
        QCOMPARE(report.rejected.at(3).line, qint64(10));

        const auto bounced = repository.find(QStringLiteral("bounced@example.org"));
        QVERIFY(bounced.ok());
        QVERIFY(bounced->reason == SuppressionReason::HardBounce);
        QCOMPARE(bounced->source, QStringLiteral("smtp 550"));
        QCOMPARE(bounced->createdAt, QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC));
        QCOMPARE(repository.find(QStringLiteral("left@example.org"))->createdAt,
            QDateTime(QDate(2026, 1, 3), QTime(0, 0), Qt::UTC));
        QVERIFY(repository.find(QStringLiteral("known@example.org"))->reason
            == SuppressionReason::Complaint); // first entry stays
        QVERIFY(repository.isSuppressed(QString::fromLatin1(hash)).value());
    }

    void exportPagesThroughTiesAndReadsBack()
    {
        QByteArray list = "email,reason,date\n";
        for (int i = 0; i < 25; ++i)
            list += "same" + QByteArray::number(i) + "@example.org,manual,2026-02-01T00:00:00Z\n";
        for (int i = 0; i < 5; ++i)
            list += "newer" + QByteArray::number(i) + "@example.org,unsubscribed,2026-03-0" + QByteArray::number(i + 1)
                + "\n";
        QCOMPARE(SuppressionImporter(database()).run(m_files.write(QStringLiteral("many.csv"), list), {}, 4).added,
            qint64(30));

        const QString path = m_files.path(QStringLiteral("export.csv"));
        QList<qint64> progress;
        JobControl control;
        control.progress = [&](qint64 done, qint64) { progress << done; };
        const auto written = SuppressionExporter(database()).run(path, control, 7);
        QVERIFY2(written.ok(), qPrintable(written.error().message));
        QCOMPARE(written.value(), qint64(30));
        QCOMPARE(progress.last(), qint64(30));
        const auto rows = CsvReader::preview(path, 100);
        QCOMPARE(rows->rows.size(), 30);
        QSet<QString> emails;
        for (const QStringList& row : rows->rows)
            emails.insert(row.first());
        QCOMPARE(emails.size(), 30);
        QCOMPARE(rows->rows.first().first(), QStringLiteral("newer4@example.org")); // newest first

        // Into another database: the same list.
        test::TestDatabase otherScratch;
        auto other = otherScratch.open();
        const ImportReport copied = SuppressionImporter(*other).run(path);
        QCOMPARE(copied.added, qint64(30));
        QCOMPARE(SuppressionRepository(*other).find(QStringLiteral("same3@example.org"))->createdAt,
            QDateTime(QDate(2026, 2, 1), QTime(0, 0), Qt::UTC));
    }

    // Issue 15 (4.8): an address a spreadsheet would take for a formula is written behind a quote and reads back.
    void formulaAddressesAreNeutralisedAndImportBack()
    {
        for (const char* address : {"=cmd@example.org", "+plus@example.org", "-minus@example.org"}) {
            Suppression suppression;
            suppression.email = QString::fromLatin1(address);
            suppression.source = QStringLiteral("@SUM(1+1)");
            const auto added = SuppressionRepository(database()).add(suppression);
            QVERIFY2(added.ok(), qPrintable(added.error().message));
        }
        const QString path = m_files.path(QStringLiteral("formulas.csv"));
        const auto written = SuppressionExporter(database()).run(path);
        QVERIFY2(written.ok(), qPrintable(written.error().message));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        static const QRegularExpression liveCell(QStringLiteral("(^|,)\"?[=+\\-@\\t\\r]"), QRegularExpression::MultilineOption);
        QVERIFY2(!text.contains(liveCell), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("\r\n'=cmd@example.org,")), qPrintable(text));

        test::TestDatabase otherScratch;
        auto other = otherScratch.open();
        const ImportReport copied = SuppressionImporter(*other).run(path);
        QVERIFY2(copied.rejected.isEmpty(), qPrintable(copied.summary()));
        QCOMPARE(copied.added, qint64(3));
        for (const char* address : {"=cmd@example.org", "+plus@example.org", "-minus@example.org"})
            QVERIFY2(SuppressionRepository(*other).find(QString::fromLatin1(address)).ok(), address);
    }

    void importedSuppressionsNeverEnterTheQueue()
    {
        NonprofitRepository nonprofits(database());
        for (int i = 0; i < 6; ++i) {
            Nonprofit row;
            row.name = QStringLiteral("Org %1").arg(i);
            row.email = QStringLiteral("Org%1@example.org").arg(i);
            QVERIFY(nonprofits.insert(row).ok());
        }
        const QString path = m_files.write(
            QStringLiteral("stop.csv"), "email,reason\norg1@example.org,unsubscribed\nORG4@example.org,complaint\n");
        QCOMPARE(SuppressionImporter(database()).run(path).added, qint64(2));
        QSqlQuery(database().connection())
            .exec(QStringLiteral("INSERT INTO campaigns (id, uuid, name) VALUES (1, 'c1', 'Gala')"));
        const auto counts = SendQueue(database(), QStringLiteral("test")).enqueue(1, {});
        QVERIFY2(counts.ok(), qPrintable(counts.error().message));
        QCOMPARE(counts->pending, qint64(4));
        QCOMPARE(counts->suppressed, qint64(2));
        QCOMPARE(
            selectValue(
                QStringLiteral("SELECT status FROM sends WHERE email = 'org4@example.org' AND campaign_id = :id"), 1)
                .toString(),
            QStringLiteral("suppressed"));
    }

    void listWithoutAnEmailColumnIsRefused()
    {
        const ImportReport report
            = SuppressionImporter(database())
                  .run(m_files.write(QStringLiteral("bad.csv"), "address_line,reason\nx,manual\n"));
        QVERIFY(report.failure.has_value());
        QCOMPARE(report.failure->field, QStringLiteral("email"));
    }
};

QTEST_GUILESS_MAIN(TestSuppressionTransfer)
#include "TestSuppressionTransfer.moc"
