#include "DesktopTestEnvironment.h"
#include "TestDatabase.h"
#include "common/ImportProgressDialog.h"
#include "common/MessageBox.h"
#include "domain/AnonymisedEmail.h"
#include "importexport/SuppressionImporter.h"
#include "itemmodels/SuppressionTableModel.h"
#include "sending/SuppressionDialog.h"
#include "sending/SuppressionsPage.h"
#include "storage/SuppressionRepository.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFont>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace herald;

// The suppression list page on both backends, driven through the real widgets: adding through the dialog and its
// errors, search and the reason filter, removal with its warnings, CSV import with its report, export of the
// entries shown, and pages fetched as the table scrolls.
class TestSuppressionsPage : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<test::TestDatabase> m_scratch;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<SuppressionsPage> m_page;

    template<typename T> T* find(const char* name, QObject* parent = nullptr) const
    {
        return (parent ? parent : m_page.get())->findChild<T*>(QString::fromLatin1(name));
    }
    SuppressionTableModel* model() const { return m_page->model(); }
    QTableView* table() const { return find<QTableView>("suppressionTable"); }
    QString countText() const { return find<QLabel>("suppressionCountLabel")->text(); }

    void suppress(const QString& email, SuppressionReason reason, const QString& source, int minutesAgo = 0)
    {
        Suppression entry;
        entry.email = email;
        entry.reason = reason;
        entry.source = source;
        entry.createdAt = QDateTime::currentDateTimeUtc().addSecs(-60 * minutesAgo);
        const auto added = SuppressionRepository(*m_database).add(entry);
        QVERIFY2(added.ok(), qPrintable(added.error().message));
    }

    // Four entries of four reasons, one of them erased, newest first as listed.
    void addFixture()
    {
        suppress(QStringLiteral("info@foodbank.example.org"), SuppressionReason::Unsubscribed,
            QStringLiteral("unsubscribe link"), 1);
        suppress(QStringLiteral("director@foodbank.example.org"), SuppressionReason::HardBounce,
            QStringLiteral("smtp 550 5.1.1 user unknown"), 2);
        suppress(QStringLiteral("press@arts.example.org"), SuppressionReason::Complaint, QStringLiteral("feedback loop"), 3);
        suppress(AnonymisedEmail::of(QStringLiteral("gone@library.example.org")), SuppressionReason::Unsubscribed,
            QStringLiteral("gdpr erasure"), 4);
        m_page->refresh();
    }

    int rowOf(const QString& email) const
    {
        for (int row = 0; row < model()->rowCount(); ++row)
            if (model()->index(row, 0).data(SuppressionTableModel::EmailRole).toString() == email)
                return row;
        return -1;
    }

    void selectRows(const QList<int>& rows)
    {
        table()->clearSelection();
        for (int row : rows)
            table()->selectionModel()->select(
                model()->index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        table()->selectionModel()->setCurrentIndex(model()->index(rows.first(), 0), QItemSelectionModel::NoUpdate);
    }

    QString writeFile(const QString& name, const QByteArray& content)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
            return {};
        return path;
    }

    static QStringList readLines(const QString& path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QString::fromUtf8(file.readAll()).remove(QLatin1Char('\r')).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    }

    void activatePage()
    {
        m_page->activateWindow();
        QApplication::setActiveWindow(m_page.get());
        QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); // counts read "3,005"
    }

    void init()
    {
        m_scratch = std::make_unique<test::TestDatabase>();
        QVERIFY2(m_scratch->isReady(), qPrintable(m_scratch->setupError()));
        m_database = m_scratch->open();
        QVERIFY(m_database->schemaVersion() > 0);
        m_page = std::make_unique<SuppressionsPage>(*m_database);
        m_page->resize(1100, 620);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    }

    void cleanup()
    {
        MessageBox::setNextAnswer(QMessageBox::NoButton);
        m_page.reset();
        m_database.reset();
        m_scratch.reset();
    }

    void emptyListSaysHowEntriesArrive()
    {
        QVERIFY2(countText().startsWith(QLatin1String("0 suppressed address")), qPrintable(countText()));
        QVERIFY(find<QLabel>("suppressionHintLabel")->isVisible());
        QVERIFY(find<QLabel>("suppressionHintLabel")->text().contains(QLatin1String("Nothing is suppressed yet")));
        QVERIFY(!find<QPushButton>("removeSuppressionsButton")->isEnabled());
        // Every action has its key, named in its button's tooltip.
        QCOMPARE(find<QAction>("addSuppressionAction")->shortcut(), QKeySequence(QKeySequence::New));
        QCOMPARE(find<QAction>("importSuppressionsAction")->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_I));
        QCOMPARE(find<QAction>("exportSuppressionsAction")->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
        QVERIFY(find<QPushButton>("importSuppressionsButton")->toolTip().contains(QLatin1String("Ctrl+I")));
        QVERIFY(find<QPushButton>("removeSuppressionsButton")->toolTip().contains(QLatin1String("Del")));
    }

    void addThroughTheDialog()
    {
        activatePage();
        QTest::keyClick(m_page.get(), Qt::Key_N, Qt::ControlModifier); // the shortcut opens it too
        QPointer<SuppressionDialog> dialog = m_page->findChild<SuppressionDialog*>();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        auto* reason = find<QComboBox>("reasonCombo", dialog);
        QCOMPARE(reason->currentText(), QStringLiteral("Manual"));
        auto* address = find<QLineEdit>("addressEdit", dialog);
        QTest::keyClicks(address, QStringLiteral("someone@"));
        QTest::keyClicks(find<QLineEdit>("noteEdit", dialog), QStringLiteral("asked by phone"));
        QTest::mouseClick(find<QPushButton>("suppressButton", dialog), Qt::LeftButton);

        // The error names the field and the value; the dialog stays with what was typed.
        QVERIFY(dialog && dialog->isVisible());
        auto* error = find<QLabel>("errorLabel", dialog);
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().contains(QLatin1String("Email 'someone@'")), qPrintable(error->text()));
        QVERIFY(address->property("heraldInvalid").toBool());
        QCOMPARE(find<QLineEdit>("noteEdit", dialog)->text(), QStringLiteral("asked by phone"));
        test::saveScreenshot(dialog, QStringLiteral("suppression-dialog-error.png"));

        QTest::keyClicks(address, QStringLiteral("Example.org"));
        QVERIFY(!address->property("heraldInvalid").toBool());
        QTest::mouseClick(find<QPushButton>("suppressButton", dialog), Qt::LeftButton);
        QTRY_VERIFY2(dialog.isNull(), qPrintable(dialog ? error->text() : QString()));

        QCOMPARE(model()->rowCount(), 1);
        QCOMPARE(model()->index(0, SuppressionTableModel::Address).data().toString(),
            QStringLiteral("someone@example.org"));
        QCOMPARE(model()->index(0, SuppressionTableModel::Reason).data().toString(), QStringLiteral("Manual"));
        QCOMPARE(model()->index(0, SuppressionTableModel::Source).data().toString(), QStringLiteral("asked by phone"));
        QVERIFY(!model()->index(0, SuppressionTableModel::Added).data().toString().isEmpty());
        QVERIFY2(countText().startsWith(QLatin1String("1 suppressed address")), qPrintable(countText()));
        QVERIFY(find<QLabel>("suppressionHintLabel")->text().contains(QLatin1String("someone@example.org is suppressed")));
        QCOMPARE(SuppressionRepository(*m_database).isSuppressed(QStringLiteral("Someone@example.org")).value(), true);

        // Twice is an error in the dialog, which says what is stored already.
        QTest::mouseClick(find<QPushButton>("addSuppressionButton"), Qt::LeftButton);
        dialog = m_page->findChild<SuppressionDialog*>();
        QVERIFY(dialog);
        QTest::keyClicks(find<QLineEdit>("addressEdit", dialog), QStringLiteral("SOMEONE@example.org"));
        find<QComboBox>("reasonCombo", dialog)->setCurrentIndex(0);
        QTest::mouseClick(find<QPushButton>("suppressButton", dialog), Qt::LeftButton);
        QVERIFY(dialog && dialog->isVisible());
        const QString already = find<QLabel>("errorLabel", dialog)->text();
        QVERIFY2(already.contains(QLatin1String("someone@example.org is already suppressed (manual")), qPrintable(already));
        dialog->reject();
        QTRY_VERIFY(dialog.isNull());
        QCOMPARE(SuppressionRepository(*m_database).count().value(), qint64(1));
    }

    void searchAndReasonFilterAskTheDatabase()
    {
        addFixture();
        QVERIFY2(countText().startsWith(QLatin1String("4 suppressed address")), qPrintable(countText()));
        // Newest first.
        QCOMPARE(model()->index(0, 0).data().toString(), QStringLiteral("info@foodbank.example.org"));

        QSignalSpy counts(model(), &SuppressionTableModel::totalCountChanged);
        QTest::keyClicks(find<QLineEdit>("suppressionSearchEdit"), QStringLiteral("FoodBank"));
        QTRY_COMPARE(model()->totalCount(), qint64(2));
        QCOMPARE(counts.size(), 1); // typing waits for a pause: one query, not one per key
        QVERIFY2(countText().startsWith(QLatin1String("2 match")), qPrintable(countText()));
        QCOMPARE(model()->rowCount(), 2);

        auto* reason = find<QComboBox>("reasonFilterCombo");
        reason->setCurrentIndex(reason->findText(QStringLiteral("Hard bounce")));
        QCOMPARE(model()->totalCount(), qint64(1));
        QCOMPARE(model()->index(0, 0).data().toString(), QStringLiteral("director@foodbank.example.org"));
        QVERIFY2(countText().startsWith(QLatin1String("1 match")), qPrintable(countText()));

        find<QLineEdit>("suppressionSearchEdit")->clear();
        QTRY_COMPARE(model()->filter().searchText, QString());
        reason->setCurrentIndex(reason->findText(QStringLiteral("Unsubscribed")));
        QCOMPARE(model()->totalCount(), qint64(2)); // the erased entry kept its reason

        // A complete address finds its erased entry, which shows no address.
        QTest::keyClicks(find<QLineEdit>("suppressionSearchEdit"), QStringLiteral("gone@library.example.org"));
        QTRY_COMPARE(model()->totalCount(), qint64(1));
        const QModelIndex erased = model()->index(0, SuppressionTableModel::Address);
        QCOMPARE(erased.data().toString(), SuppressionTableModel::erasedText());
        QVERIFY(erased.data(Qt::ToolTipRole).toString().contains(AnonymisedEmail::of(QStringLiteral("gone@library.example.org"))));
        QVERIFY(erased.data(Qt::FontRole).value<QFont>().italic());

        reason->setCurrentIndex(reason->findText(QStringLiteral("Complaint")));
        QCOMPARE(model()->totalCount(), qint64(0));
        QVERIFY(find<QLabel>("suppressionHintLabel")->text().contains(QLatin1String("gone@library.example.org")));
        reason->setCurrentIndex(0);
        find<QLineEdit>("suppressionSearchEdit")->clear();
        QTRY_COMPARE(model()->totalCount(), qint64(4));
        QVERIFY2(countText().startsWith(QLatin1String("4 suppressed address")), qPrintable(countText()));
    }

    void removeSaysTheAddressesCanBeMailedAgain()
    {
        addFixture();
        const int press = rowOf(QStringLiteral("press@arts.example.org"));
        QVERIFY(press >= 0);
        selectRows({ press });
        QVERIFY(find<QPushButton>("removeSuppressionsButton")->isEnabled());

        MessageBox::setNextAnswer(QMessageBox::No);
        QTest::mouseClick(find<QPushButton>("removeSuppressionsButton"), Qt::LeftButton);
        QVERIFY2(MessageBox::lastText().contains(QLatin1String("press@arts.example.org")), qPrintable(MessageBox::lastText()));
        QVERIFY(MessageBox::lastText().contains(QLatin1String("mail it again")));
        QVERIFY(!MessageBox::lastText().contains(QLatin1String("erased")));
        QCOMPARE(model()->totalCount(), qint64(4)); // kept

        MessageBox::setNextAnswer(QMessageBox::Yes);
        QTest::mouseClick(find<QPushButton>("removeSuppressionsButton"), Qt::LeftButton);
        QCOMPARE(model()->totalCount(), qint64(3));
        QCOMPARE(rowOf(QStringLiteral("press@arts.example.org")), -1);
        QCOMPARE(SuppressionRepository(*m_database).isSuppressed(QStringLiteral("press@arts.example.org")).value(), false);
        QVERIFY(find<QLabel>("suppressionHintLabel")->text().startsWith(QLatin1String("1 address")));

        // Several rows, one of them erased: the Delete key in the table, and a warning about the erased one.
        const QString hash = AnonymisedEmail::of(QStringLiteral("gone@library.example.org"));
        selectRows({ rowOf(QStringLiteral("info@foodbank.example.org")), rowOf(hash) });
        activatePage();
        table()->setFocus();
        MessageBox::setNextAnswer(QMessageBox::Yes);
        QTest::keyClick(table(), Qt::Key_Delete);
        QVERIFY2(MessageBox::lastText().contains(QLatin1String("of 2 address")), qPrintable(MessageBox::lastText()));
        QVERIFY(MessageBox::lastText().contains(QLatin1String("1 of them stand")));
        QCOMPARE(model()->totalCount(), qint64(1));
        QCOMPARE(SuppressionRepository(*m_database).isSuppressed(QStringLiteral("gone@library.example.org")).value(), false);
        QCOMPARE(model()->index(0, 0).data().toString(), QStringLiteral("director@foodbank.example.org"));
    }

    void importShowsTheRejectedRows()
    {
        suppress(QStringLiteral("kept@example.org"), SuppressionReason::Manual, QStringLiteral("alice"));
        m_page->refresh();
        const QString path = writeFile(QStringLiteral("list.csv"),
            "email,reason,date,source\n"
            "new1@example.org,unsubscribed,2025-11-02T10:00:00Z,old system\n"
            "not-an-address,hard_bounce,,old system\n"
            "new2@example.org,bounce,2025-11-03,old system\n"
            "KEPT@example.org,complaint,,old system\n"
            "new3@example.org,angry,,old system\n");
        QVERIFY(!path.isEmpty());
        ImportProgressDialog* dialog = m_page->importFile(path);
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isImporting(), 20000);
        const ImportReport& report = dialog->report();
        QVERIFY2(report.completed(), qPrintable(report.summary()));
        QCOMPARE(report.added, qint64(2));
        QCOMPARE(report.skipped, qint64(1)); // already suppressed: the first entry stays
        QCOMPARE(report.rejected.size(), 2);

        auto* summary = find<QLabel>("importSummaryLabel", dialog);
        QVERIFY2(summary->text().contains(QLatin1String("2 added")), qPrintable(summary->text()));
        auto* rejected = find<QTableWidget>("rejectedTable", dialog);
        QCOMPARE(rejected->rowCount(), 2);
        QCOMPARE(rejected->item(0, 0)->text(), QStringLiteral("3"));
        QVERIFY(rejected->item(0, 3)->text().contains(QLatin1String("not-an-address")));
        QCOMPARE(rejected->item(1, 0)->text(), QStringLiteral("6"));
        QCOMPARE(rejected->item(1, 2)->text(), QStringLiteral("reason"));
        QVERIFY(rejected->item(1, 3)->text().contains(QLatin1String("angry")));
        test::saveScreenshot(dialog, QStringLiteral("suppressions-import-report.png"));

        const QString rejectedPath = m_dir.filePath(QStringLiteral("list-rejected.csv"));
        dialog->runView()->saveRejectedRows(rejectedPath);
        QCOMPARE(readLines(rejectedPath).size(), 3);

        QTRY_COMPARE(model()->totalCount(), qint64(3));
        QVERIFY2(countText().startsWith(QLatin1String("3 suppressed address")), qPrintable(countText()));
        QVERIFY(SuppressionRepository(*m_database).find(QStringLiteral("new2@example.org"))->reason
            == SuppressionReason::HardBounce);
        QVERIFY(SuppressionRepository(*m_database).find(QStringLiteral("kept@example.org"))->reason
            == SuppressionReason::Manual);
        dialog->accept();
    }

    void exportWritesTheEntriesShown()
    {
        addFixture();
        const QString all = m_dir.filePath(QStringLiteral("all.csv"));
        QFile::remove(all);
        m_page->exportTo(all);
        QTRY_VERIFY_WITH_TIMEOUT(find<QLabel>("suppressionHintLabel")->text().contains(QLatin1String("Exported 4 address")), 10000);
        QStringList lines = readLines(all);
        QCOMPARE(lines.size(), 5);
        QCOMPARE(lines.first(), QStringLiteral("email,reason,date,source"));
        QVERIFY(lines.at(1).startsWith(QLatin1String("info@foodbank.example.org,unsubscribed,")));
        QVERIFY(lines.at(4).startsWith(AnonymisedEmail::of(QStringLiteral("gone@library.example.org"))));

        auto* reason = find<QComboBox>("reasonFilterCombo");
        reason->setCurrentIndex(reason->findText(QStringLiteral("Hard bounce")));
        const QString bounces = m_dir.filePath(QStringLiteral("bounces.csv"));
        QFile::remove(bounces);
        m_page->exportTo(bounces);
        QTRY_VERIFY_WITH_TIMEOUT(find<QLabel>("suppressionHintLabel")->text().contains(QLatin1String("Exported 1 address")), 10000);
        lines = readLines(bounces);
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines.at(1).startsWith(QLatin1String("director@foodbank.example.org,hard_bounce,")));
        QVERIFY(lines.at(1).endsWith(QLatin1String(",smtp 550 5.1.1 user unknown")));

        // What was written reads back unchanged into another list.
        QVERIFY(SuppressionRepository(*m_database).removeAll({ QStringLiteral("director@foodbank.example.org") }).ok());
        const ImportReport back = SuppressionImporter(*m_database).run(bounces);
        QVERIFY2(back.completed() && back.added == 1, qPrintable(back.summary()));
        QCOMPARE(SuppressionRepository(*m_database).find(QStringLiteral("director@foodbank.example.org"))->source,
            QStringLiteral("smtp 550 5.1.1 user unknown"));
    }

    void pagesArriveAsTheTableScrolls()
    {
        const int total = 3000;
        QByteArray csv("email,reason,date,source\n");
        for (int i = 0; i < total; ++i)
            csv += QStringLiteral("member%1@partner%2.example.org,%3,2025-%4-%5T08:00:00Z,list import\n")
                       .arg(i)
                       .arg(i % 40)
                       .arg(i % 3 ? QStringLiteral("unsubscribed") : QStringLiteral("hard_bounce"))
                       .arg(1 + i % 12, 2, 10, QLatin1Char('0'))
                       .arg(1 + i % 28, 2, 10, QLatin1Char('0'))
                       .toUtf8();
        const QString path = writeFile(QStringLiteral("many.csv"), csv);
        const ImportReport imported = SuppressionImporter(*m_database).run(path);
        QVERIFY2(imported.completed() && imported.added == total, qPrintable(imported.summary()));
        // The newest few, as a real list has them at the top.
        addFixture();
        suppress(QStringLiteral("volunteer@shelter.example.org"), SuppressionReason::Manual, QStringLiteral("asked at the gala"), 0);
        m_page->refresh();

        QCOMPARE(model()->totalCount(), qint64(total + 5));
        QVERIFY2(countText().startsWith(QLatin1String("3,005 suppressed address")), qPrintable(countText()));
        const int firstPage = model()->rowCount();
        QCOMPARE(firstPage, 256);
        QVERIFY(model()->canFetchMore({}));

        // Scrolling to the end asks for the next page, and so on to the last one.
        for (int i = 0; i < 30 && model()->rowCount() < total + 5; ++i) {
            const int before = model()->rowCount();
            table()->scrollToBottom();
            QTRY_VERIFY(model()->rowCount() > before || !model()->canFetchMore({}));
        }
        QCOMPARE(model()->rowCount(), total + 5);
        QVERIFY(!model()->canFetchMore({}));

        // Filtering pages too: every third address bounced.
        find<QComboBox>("reasonFilterCombo")->setCurrentIndex(
            find<QComboBox>("reasonFilterCombo")->findText(QStringLiteral("Hard bounce")));
        QCOMPARE(model()->totalCount(), qint64(total / 3 + 1));
        QCOMPARE(model()->rowCount(), 256);
        find<QComboBox>("reasonFilterCombo")->setCurrentIndex(0);
        table()->scrollToTop();
        QCOMPARE(model()->rowCount(), 256);
        test::saveScreenshot(m_page.get(), QStringLiteral("suppressions-page.png"));
    }
};

QTEST_MAIN(TestSuppressionsPage)
#include "TestSuppressionsPage.moc"
