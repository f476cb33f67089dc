#include "DesktopTestEnvironment.h"
#include "NewTemplateSteps.h"
#include "TestDatabase.h"
#include "common/MessageBox.h"
#include "config/Config.h"
#include "shell/MainWindow.h"
#include "shell/Translations.h"
#include "storage/BrandingRepository.h"
#include "storage/ProfileStore.h"
#include "storage/TemplateRepository.h"
#include "templates/PreviewBrowser.h"
#include "templates/StarterChooserDialog.h"
#include "templates/StarterDesigns.h"
#include "templates/TemplatesPage.h"

#include <QLabel>
#include <algorithm>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace herald;

// "New" on the Templates page of the real window, on both backends, in English, Spanish and French: the chooser
// offers Blank first and then the four starter designs with their descriptions and a preview in the branding
// stored in the database; Esc leaves the editor as it was, Enter starts an unsaved template from the starter in
// the interface's language, which saves as it is. Screenshots of the chooser and of the starter in the editor at
// 1254×784 (build/screenshots/starters-*.png).
class TestStarterChooser : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<test::TestDatabase> m_scratch;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<MainWindow> m_window;

    template<typename T> T* find(const char* name, QObject* parent = nullptr) const
    {
        return (parent ? parent : m_window.get())->findChild<T*>(QString::fromLatin1(name));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        test::useTestDesktop(m_dir, QString()); // each language installs its own
        m_scratch = std::make_unique<test::TestDatabase>();
        QVERIFY2(m_scratch->isReady(), qPrintable(m_scratch->setupError()));
        m_database = m_scratch->open();
        QVERIFY(m_database);
        Branding branding;
        branding.colour = QStringLiteral("#2E7D32");
        branding.organisationName = QStringLiteral("Dover Food Bank");
        const Status saved = BrandingRepository(*m_database).save(branding);
        QVERIFY2(saved.ok(), qPrintable(saved.error().message));
        m_profiles = std::make_unique<ProfileStore>(Config::instance());
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_database.reset();
        m_scratch.reset();
    }

    void chooseAStarter_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("es") << QStringLiteral("es");
        QTest::newRow("fr") << QStringLiteral("fr");
    }

    void chooseAStarter()
    {
        QFETCH(QString, language);
        Translations::install(*qApp, language);
        m_window = std::make_unique<MainWindow>(*m_database, *m_profiles);
        m_window->resize(1254, 784);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->showPage(MainWindow::Templates);

        // Unsaved changes are asked about first: Cancel keeps them and opens no chooser.
        test::newBlankTemplate(m_window.get());
        auto* name = find<QLineEdit>("nameEdit");
        auto* page = find<TemplatesPage>("templatesPage");
        QTest::keyClicks(name, QStringLiteral("Kept"));
        QVERIFY(page->isModified());
        MessageBox::setNextAnswer(QMessageBox::Cancel);
        QTest::mouseClick(find<QPushButton>("newTemplateButton"), Qt::LeftButton);
        QVERIFY(!test::visibleStarterChooser(m_window.get()));
        QCOMPARE(name->text(), QStringLiteral("Kept"));
        MessageBox::setNextAnswer(QMessageBox::Discard);

        // Blank first, then each starter with its title and description.
        QDialog* chooser = test::openStarterChooser(m_window.get());
        QVERIFY(chooser);
        auto* list = find<QListWidget>("starterList", chooser);
        QVERIFY(list);
        QCOMPARE(list->count(), 1 + int(StarterDesigns::all().size()));
        QVERIFY(list->item(0)->text().startsWith(StarterChooserDialog::tr("Blank")));
        const QList<StarterDesign> designs = StarterDesigns::all();
        for (int row = 1; row < list->count(); ++row) {
            const StarterDesign& design = designs.at(row - 1);
            QCOMPARE(list->item(row)->text(), design.title + QLatin1Char('\n') + design.description);
        }

        // The appeal, previewed in the stored branding.
        QTest::keyClick(list, Qt::Key_Down);
        QTest::keyClick(list, Qt::Key_Down);
        QTest::keyClick(list, Qt::Key_Down);
        const Branding branding = BrandingRepository(*m_database).load().value();
        const Template appeal = StarterDesigns::build(QStringLiteral("appeal"), branding).value();
        auto* preview = find<PreviewBrowser>("starterPreview", chooser);
        QVERIFY2(preview->toPlainText().contains(QLatin1String("Dover Food Bank")), qPrintable(preview->toPlainText()));
        QVERIFY(find<QLabel>("starterSubject", chooser)->text().contains(appeal.subject));
        test::saveScreenshot(chooser, QStringLiteral("starters-%1-chooser.png").arg(language));

        // Esc: the editor stays as it was (blank, the changes discarded above).
        QTest::keyClick(list, Qt::Key_Escape);
        QTRY_VERIFY(!chooser->isVisible());
        QVERIFY(name->text().isEmpty());
        QVERIFY(find<QLineEdit>("subjectEdit")->text().isEmpty());

        // Enter on the appeal: a new, unsaved template from it, in this language and the organisation's colour.
        chooser = test::openStarterChooser(m_window.get());
        QVERIFY(chooser);
        test::pickStarter(chooser, 3);
        QCOMPARE(name->text(), appeal.name);
        QCOMPARE(find<QLineEdit>("subjectEdit")->text(), appeal.subject);
        QVERIFY(page->isModified());
        QVERIFY(find<QLabel>("stateLabel")->text().contains(TemplatesPage::tr("New template, not saved yet.")));
        // Checked and previewed at once: no issues, the starter's own words in the preview.
        QCOMPARE(find<QListWidget>("issuesList")->count(), 0);
        const QString heading = StarterDesigns::tr("Together we can do more");
        QVERIFY2(find<PreviewBrowser>("previewHtml")->toPlainText().contains(heading), qPrintable(heading));
        test::saveScreenshot(m_window.get(), QStringLiteral("starters-%1-editor.png").arg(language));

        QVERIFY(page->save());
        const auto stored = TemplateRepository(*m_database).list();
        QVERIFY(stored.ok());
        const auto saved = std::find_if(stored->cbegin(), stored->cend(), [&](const Template& row) { return row.name == appeal.name; });
        QVERIFY(saved != stored->cend());
        const Template full = TemplateRepository(*m_database).find(saved->id).value();
        QCOMPARE(full.htmlBody, appeal.htmlBody);
        QCOMPARE(full.textBody, appeal.textBody);
        QVERIFY(full.htmlBody.contains(QLatin1String("background-color:#2e7d32")));
        m_window.reset();
    }
};

QTEST_MAIN(TestStarterChooser)
#include "TestStarterChooser.moc"
