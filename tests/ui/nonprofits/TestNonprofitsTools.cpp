#include "DesktopTestEnvironment.h"
#include "TestDatabase.h"
#include "common/MessageBox.h"
#include "itemmodels/NonprofitTableModel.h"
#include "nonprofits/BulkTagDialog.h"
#include "nonprofits/ImportDialog.h"
#include "nonprofits/NonprofitsPage.h"
#include "nonprofits/SegmentFilterBar.h"
#include "storage/NonprofitRepository.h"
#include "storage/SegmentRepository.h"
#include "storage/SuppressionRepository.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace herald;

// The nonprofits page's tools on both backends, driven through the real widgets: CSV import with its mapping,
// progress, cancel and report; export of the filtered view; segment filters saved and chosen; bulk tags; the GDPR
// export and erase.
class TestNonprofitsTools : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<test::TestDatabase> m_scratch;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<NonprofitsPage> m_page;

    template <typename T> T* find(const char* name, QObject* parent = nullptr) const
    {
        return (parent ? parent : m_page.get())->findChild<T*>(QString::fromLatin1(name));
    }
    NonprofitTableModel* model() const { return m_page->model(); }

    void addNonprofit(const QString& name, const QString& email, const QStringList& tags = {},
        const QString& region = QStringLiteral("DE"))
    {
        Nonprofit row;
        row.name = name;
        row.email = email;
        row.region = region;
        row.tags = tags;
        const Status inserted = NonprofitRepository(*m_database).insert(row);
        QVERIFY2(inserted.ok(), qPrintable(inserted.error().message));
    }

    void selectRows(const QList<int>& rows)
    {
        auto* table = find<QTableView>("nonprofitTable");
        table->clearSelection();
        for (int row : rows)
            table->selectionModel()->select(model()->index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }

    int rowOf(const QString& name) const
    {
        for (int row = 0; row < model()->rowCount(); ++row)
            if (model()->index(row, NonprofitTableModel::Name).data().toString() == name)
                return row;
        return -1;
    }

    static QStringList readLines(const QString& path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
    }

    void init()
    {
        m_scratch = std::make_unique<test::TestDatabase>();
        QVERIFY2(m_scratch->isReady(), qPrintable(m_scratch->setupError()));
        m_database = m_scratch->open();
        QVERIFY(m_database->schemaVersion() > 0);
        m_page = std::make_unique<NonprofitsPage>(*m_database);
        m_page->resize(1200, 700);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    }

    void cleanup()
    {
        m_page.reset();
        m_database.reset();
        m_scratch.reset();
    }

    void importMapsColumnsAndReportsRejectedRows()
    {
        // A file whose headers ColumnMapping cannot guess: the user maps them by hand.
        const QString path = m_dir.filePath(QStringLiteral("partners.csv"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("Organisation;Contact;Town\n"
                   "Food Bank of Delaware;info@fbd.example.org;Newark\n"
                   "Dover Arts;not-an-email;Dover\n"
                   ";nameless@example.org;Lewes\n"
                   "Lewes Library;library@lewes.example.org;Lewes\n");
        file.close();

        ImportDialog* dialog = m_page->importFile(path);
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        auto* mapping = find<QTableWidget>("mappingTable", dialog);
        QCOMPARE(mapping->rowCount(), 3);
        QVERIFY(mapping->item(0, 1)->text().contains(QLatin1String("Food Bank of Delaware")));

        // Importing before naming the name column says what is missing and stays on the mapping.
        auto* name = find<QComboBox>("fieldCombo0", dialog);
        name->setCurrentIndex(name->findData(int(NonprofitField::Ignore)));
        QTest::mouseClick(find<QPushButton>("importButton", dialog), Qt::LeftButton);
        QVERIFY(find<QLabel>("mappingErrorLabel", dialog)->text().contains(QLatin1String("name")));
        QVERIFY(!dialog->isImporting());

        name->setCurrentIndex(name->findData(int(NonprofitField::Name)));
        auto* email = find<QComboBox>("fieldCombo1", dialog);
        email->setCurrentIndex(email->findData(int(NonprofitField::Email)));
        auto* city = find<QComboBox>("fieldCombo2", dialog);
        city->setCurrentIndex(city->findData(int(NonprofitField::City)));
        test::saveScreenshot(dialog, QStringLiteral("import-mapping.png"));
        QSignalSpy imported(dialog, &ImportDialog::imported);
        QTest::mouseClick(find<QPushButton>("importButton", dialog), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(imported.count(), 1, 20000);

        QCOMPARE(dialog->report().added, qint64(2));
        QCOMPARE(dialog->report().rejected.size(), 2);
        auto* summary = find<QLabel>("importSummaryLabel", dialog);
        QVERIFY2(summary->text().contains(QLatin1String("2 added")), qPrintable(summary->text()));
        auto* rejected = find<QTableWidget>("rejectedTable", dialog);
        QCOMPARE(rejected->rowCount(), 2);
        QCOMPARE(rejected->item(0, 0)->text(), QStringLiteral("3")); // line of "not-an-email"
        QCOMPARE(rejected->item(1, 0)->text(), QStringLiteral("4"));
        test::saveScreenshot(dialog, QStringLiteral("import-report.png"));

        const QString rejectedPath = m_dir.filePath(QStringLiteral("rejected.csv"));
        dialog->saveRejectedRows(rejectedPath);
        QCOMPARE(readLines(rejectedPath).size(), 3); // header + two rows
        QTRY_COMPARE(model()->totalCount(), qint64(2));
        const auto stored = NonprofitRepository(*m_database).findByEmail(QStringLiteral("library@lewes.example.org"));
        QVERIFY2(stored.ok(), qPrintable(stored.error().message));
        QCOMPARE(stored->city, QStringLiteral("Lewes"));
        dialog->accept();
    }

    void cancelKeepsWholeBatchesOnly()
    {
        const QString path = m_dir.filePath(QStringLiteral("large.csv"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("name,email,city\n");
        const int rows = 150000;
        for (int i = 0; i < rows; ++i)
            file.write(QStringLiteral("Org %1,org%1@example.org,Dover\n").arg(i).toUtf8());
        file.close();

        ImportDialog* dialog = m_page->importFile(path);
        QVERIFY(dialog);
        auto* progress = find<QProgressBar>("importProgress", dialog);
        QTest::mouseClick(find<QPushButton>("importButton", dialog), Qt::LeftButton);
        QVERIFY(dialog->isImporting());
        // Cancel as soon as the first batch is in: the rest of the file must not be read.
        QTRY_VERIFY_WITH_TIMEOUT(progress->value() > 0 || !dialog->isImporting(), 60000);
        QTest::mouseClick(find<QPushButton>("cancelImportButton", dialog), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isImporting(), 60000);
        const ImportReport& report = dialog->report();
        QVERIFY2(report.cancelled, qPrintable(report.summary()));
        QVERIFY(report.added > 0);
        QVERIFY(report.added < rows);
        QCOMPARE(report.added % 5000, qint64(0)); // whole batches
        QCOMPARE(NonprofitRepository(*m_database).count({}).value(), report.added);
        QVERIFY(find<QLabel>("importSummaryLabel", dialog)->text().contains(QLatin1String("Cancelled")));
        dialog->accept();
    }

    void filtersBecomeSegmentsAndExportsFollowTheView()
    {
        addNonprofit(QStringLiteral("Gala Food Bank"), QStringLiteral("food@example.org"), { QStringLiteral("gala") });
        addNonprofit(QStringLiteral("Gala Arts"), QStringLiteral("arts@example.org"), { QStringLiteral("gala") }, QStringLiteral("MD"));
        addNonprofit(QStringLiteral("Quiet Library"), QStringLiteral("library@example.org"));
        m_page->refresh();
        QCOMPARE(model()->totalCount(), qint64(3));

        QTest::keyClicks(find<QLineEdit>("tagFilterEdit"), QStringLiteral("gala"));
        QTRY_COMPARE(model()->totalCount(), qint64(2));
        QTest::keyClicks(find<QLineEdit>("regionFilterEdit"), QStringLiteral("DE"));
        QTRY_COMPARE(model()->totalCount(), qint64(1));
        QVERIFY(find<QLabel>("countLabel")->text().contains(QLatin1String("1 match")));

        auto* bar = find<SegmentFilterBar>("segmentFilterBar");
        QVERIFY(bar->saveAsSegment(QStringLiteral("Delaware gala")));
        const auto segments = SegmentRepository(*m_database).list();
        QCOMPARE(segments->size(), 1);
        QCOMPARE(segments->first().definition.anyOfTags, QStringList { QStringLiteral("gala") });
        QCOMPARE(segments->first().definition.region, QStringLiteral("DE"));
        auto* combo = find<QComboBox>("segmentCombo");
        QCOMPARE(combo->currentText(), QStringLiteral("Delaware gala"));
        test::saveScreenshot(m_page.get(), QStringLiteral("nonprofits-filtered.png"));

        // Export writes exactly the rows shown.
        const QString exported = m_dir.filePath(QStringLiteral("export.csv"));
        m_page->exportTo(exported);
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(exported), 10000);
        QTRY_VERIFY(find<QLabel>("hintLabel")->text().contains(QLatin1String("Exported 1")));
        const QStringList lines = readLines(exported);
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines.at(1).contains(QLatin1String("food@example.org")));

        bar->chooseSegment(0); // all nonprofits
        QTRY_COMPARE(model()->totalCount(), qint64(3));
        QVERIFY(find<QLineEdit>("tagFilterEdit")->text().isEmpty());
        bar->chooseSegment(combo->findText(QStringLiteral("Delaware gala")));
        QTRY_COMPARE(model()->totalCount(), qint64(1));

        MessageBox::setNextAnswer(QMessageBox::Yes);
        QTest::mouseClick(find<QPushButton>("deleteSegmentButton"), Qt::LeftButton);
        QVERIFY(MessageBox::lastText().contains(QLatin1String("Delaware gala")));
        QCOMPARE(SegmentRepository(*m_database).list()->size(), 0);
        QCOMPARE(combo->count(), 1);
    }

    void tagsChangeOnEverySelectedRow()
    {
        addNonprofit(QStringLiteral("Alpha"), QStringLiteral("alpha@example.org"));
        addNonprofit(QStringLiteral("Beta"), QStringLiteral("beta@example.org"), { QStringLiteral("old") });
        addNonprofit(QStringLiteral("Gamma"), QStringLiteral("gamma@example.org"));
        m_page->refresh();
        selectRows({ rowOf(QStringLiteral("Alpha")), rowOf(QStringLiteral("Beta")) });

        QTest::mouseClick(find<QPushButton>("tagButton"), Qt::LeftButton);
        auto* dialog = m_page->findChild<BulkTagDialog*>();
        QVERIFY(dialog);
        QTest::mouseClick(find<QPushButton>("addTagsButton", dialog), Qt::LeftButton);
        QVERIFY(!find<QLabel>("tagErrorLabel", dialog)->text().isEmpty()); // nothing typed yet
        QTest::keyClicks(find<QLineEdit>("tagsEdit", dialog), QStringLiteral("2026-gala, board"));
        QTest::mouseClick(find<QPushButton>("addTagsButton", dialog), Qt::LeftButton);
        QTRY_VERIFY(!m_page->findChild<BulkTagDialog*>());

        NonprofitRepository repository(*m_database);
        QCOMPARE(repository.findByEmail(QStringLiteral("alpha@example.org"))->tags,
            (QStringList { QStringLiteral("2026-gala"), QStringLiteral("board") }));
        QCOMPARE(repository.findByEmail(QStringLiteral("beta@example.org"))->tags,
            (QStringList { QStringLiteral("2026-gala"), QStringLiteral("board"), QStringLiteral("old") }));
        QVERIFY(repository.findByEmail(QStringLiteral("gamma@example.org"))->tags.isEmpty());
        QVERIFY(model()->index(rowOf(QStringLiteral("Alpha")), NonprofitTableModel::Tags).data().toString().contains(QLatin1String("board")));

        selectRows({ rowOf(QStringLiteral("Beta")) });
        m_page->tagSelected();
        dialog = m_page->findChild<BulkTagDialog*>();
        QTest::keyClicks(find<QLineEdit>("tagsEdit", dialog), QStringLiteral("old"));
        QTest::mouseClick(find<QPushButton>("removeTagsButton", dialog), Qt::LeftButton);
        QTRY_VERIFY(!m_page->findChild<BulkTagDialog*>());
        QCOMPARE(repository.findByEmail(QStringLiteral("beta@example.org"))->tags,
            (QStringList { QStringLiteral("2026-gala"), QStringLiteral("board") }));
    }

    void gdprExportAndErase()
    {
        addNonprofit(QStringLiteral("Erase Me Society"), QStringLiteral("erase@example.org"), { QStringLiteral("gala") });
        addNonprofit(QStringLiteral("Keep Me Club"), QStringLiteral("keep@example.org"));
        m_page->refresh();
        selectRows({ rowOf(QStringLiteral("Erase Me Society")) });
        QVERIFY(find<QPushButton>("privacyButton")->isEnabled());

        const QString path = m_dir.filePath(QStringLiteral("personal.json"));
        m_page->exportPersonalDataTo(path);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray json = file.readAll();
        QVERIFY(QJsonDocument::fromJson(json).isObject());
        QVERIFY(json.contains("erase@example.org"));

        MessageBox::setNextAnswer(QMessageBox::No);
        m_page->eraseSelected();
        QVERIFY(MessageBox::lastText().contains(QLatin1String("erase@example.org")));
        QCOMPARE(model()->totalCount(), qint64(2));

        MessageBox::setNextAnswer(QMessageBox::Yes);
        m_page->eraseSelected();
        QCOMPARE(model()->totalCount(), qint64(1));
        QVERIFY(find<QLabel>("hintLabel")->text().contains(QLatin1String("erased")));
        QVERIFY(!NonprofitRepository(*m_database).findByEmail(QStringLiteral("erase@example.org")).ok());
        QVERIFY(SuppressionRepository(*m_database).isSuppressed(QStringLiteral("erase@example.org")).value());
    }
};

QTEST_MAIN(TestNonprofitsTools)
#include "TestNonprofitsTools.moc"
