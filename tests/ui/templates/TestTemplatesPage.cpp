#include "DesktopTestEnvironment.h"
#include "NewTemplateSteps.h"
#include "TestDatabase.h"
#include "common/MessageBox.h"
#include "config/Config.h"
#include "shell/MainWindow.h"
#include "shell/Translations.h"
#include "storage/CampaignRepository.h"
#include "storage/NonprofitRepository.h"
#include "storage/ProfileStore.h"
#include "storage/SecretStore.h"
#include "storage/TemplateRepository.h"
#include "templates/PreviewBrowser.h"
#include "templates/TemplateHistoryDialog.h"
#include "templates/TemplatesPage.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTreeWidget>

using namespace herald;

// The Templates page of the real MainWindow, driven by keyboard and mouse on the backend under test: write a
// template, watch the preview and the issues, save (refused, then accepted), history and restore, delete.
class TestTemplatesPage : public QObject
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

    void activateMainWindow()
    {
        m_window->activateWindow();
        QApplication::setActiveWindow(m_window.get());
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

    // Types lines into an editor the way a user does: characters, then Return between lines.
    static void typeLines(QWidget* editor, const QStringList& lines)
    {
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (i > 0)
                QTest::keyClick(editor, Qt::Key_Return);
            QTest::keyClicks(editor, lines.at(i));
        }
    }

    QListWidgetItem* issueContaining(const QString& text) const
    {
        auto* issues = find<QListWidget>("issuesList");
        for (int row = 0; row < issues->count(); ++row) {
            if (issues->item(row)->text().contains(text))
                return issues->item(row);
        }
        return nullptr;
    }

    QStringList listedTemplates() const
    {
        auto* list = find<QTreeWidget>("templateList");
        QStringList rows;
        for (int row = 0; row < list->topLevelItemCount(); ++row)
            rows << list->topLevelItem(row)->text(0) + QLatin1Char('/') + list->topLevelItem(row)->text(1);
        return rows;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        test::useTestDesktop(m_dir);

        m_scratch = std::make_unique<test::TestDatabase>();
        QVERIFY2(m_scratch->isReady(), qPrintable(m_scratch->setupError()));
        m_database = m_scratch->open();
        QVERIFY(m_database);
        for (const auto& [name, email] : {std::pair{"Bread & <Roses> Food Bank", "hello@bread.example.org"},
                                          std::pair{"Zebra Rescue", "zebra@example.org"}}) {
            Nonprofit nonprofit;
            nonprofit.name = QString::fromUtf8(name);
            nonprofit.email = QString::fromLatin1(email);
            nonprofit.city = QStringLiteral("Dover");
            const Status added = NonprofitRepository(*m_database).insert(nonprofit);
            QVERIFY2(added.ok(), qPrintable(added.error().message));
        }

        m_profiles = std::make_unique<ProfileStore>(Config::instance());
        m_window = std::make_unique<MainWindow>(*m_database, *m_profiles);
        m_window->show();
        activateMainWindow();
        QTest::keyClick(m_window.get(), Qt::Key_3, Qt::ControlModifier);
        QCOMPARE(m_window->currentPage(), MainWindow::Templates);
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_database.reset();
        m_scratch.reset();
    }

    void writeValidateSaveAndRestore()
    {
        auto* page = find<TemplatesPage>("templatesPage");
        QVERIFY(page);
        QVERIFY(listedTemplates().isEmpty());
        test::newBlankTemplate(m_window.get());
        QTest::keyClicks(find<QLineEdit>("nameEdit"), QStringLiteral("Spring appeal"));
        QTest::keyClicks(find<QLineEdit>("subjectEdit"), QStringLiteral("News for {{name}}"));
        // The HTML body opens in the visual editor; this template is written as source.
        auto* htmlTabs = find<QTabWidget>("htmlBodyTabs");
        QCOMPARE(htmlTabs->currentIndex(), 0);
        QTest::mouseClick(htmlTabs->tabBar(), Qt::LeftButton, {}, htmlTabs->tabBar()->tabRect(1).center());
        auto* html = find<QPlainTextEdit>("htmlEdit");
        QVERIFY(html->isVisible());
        typeLines(html, {QStringLiteral("<p>Dear {{name}} in {{city}},</p>"), QStringLiteral("<p>{{postal_address}}</p>")});

        // The preview follows the typing, for the first nonprofit by name, its name escaped in the HTML.
        auto* preview = find<PreviewBrowser>("previewHtml");
        QTRY_VERIFY2(preview->toPlainText().contains(QLatin1String("Dear Bread & <Roses> Food Bank in Dover,")),
                     qPrintable(preview->toPlainText()));
        QVERIFY2(preview->toHtml().contains(QLatin1String("Bread &amp; &lt;Roses&gt; Food Bank")),
                 qPrintable(preview->toHtml()));
        QTRY_COMPARE(find<QLineEdit>("previewSubject")->text(), QStringLiteral("News for Bread & <Roses> Food Bank"));
        QVERIFY2(find<QLabel>("previewSenderLabel")->text().contains(QLatin1String("sample values")),
                 qPrintable(find<QLabel>("previewSenderLabel")->text()));

        // The missing unsubscribe link is an error placed at the end of the HTML body: line 2, column 26.
        QTRY_VERIFY(issueContaining(QStringLiteral("HTML body 2:26")));
        QVERIFY2(issueContaining(QStringLiteral("HTML body 2:26"))->text().contains(QLatin1String("{{unsubscribe_url}}")),
                 qPrintable(issueContaining(QStringLiteral("HTML body 2:26"))->text()));

        // Save is refused while there are errors.
        activateMainWindow();
        html->setFocus();
        QTest::keyClick(html, Qt::Key_S, Qt::ControlModifier);
        auto* error = find<QLabel>("templateErrorLabel");
        QTRY_VERIFY(error->isVisible());
        QVERIFY2(error->text().startsWith(QLatin1String("Not saved")), qPrintable(error->text()));
        QVERIFY(TemplateRepository(*m_database).list()->isEmpty());
        test::saveScreenshot(m_window.get(), QStringLiteral("templates-page-refused.png"));

        // Activating the issue puts the cursor where the link goes; the user types it there.
        html->moveCursor(QTextCursor::Start);
        auto* issues = find<QListWidget>("issuesList");
        issues->setCurrentItem(issueContaining(QStringLiteral("HTML body 2:26")));
        issues->setFocus();
        QTest::keyClick(issues, Qt::Key_Return);
        QTRY_VERIFY(html->hasFocus());
        QCOMPARE(html->textCursor().blockNumber(), 1);
        QCOMPARE(html->textCursor().positionInBlock(), 25);
        typeLines(html, {QString(), QStringLiteral("<ul><li>Gala &amp; dinner</li></ul>"),
                         QStringLiteral("<p><a href=\"{{unsubscribe_url}}\">Unsubscribe</a></p>")});

        // The text body from the HTML one.
        QTest::mouseClick(find<QPushButton>("generateTextButton"), Qt::LeftButton);
        const QString text = find<QPlainTextEdit>("textEdit")->toPlainText();
        QCOMPARE(text, QStringLiteral("Dear {{name}} in {{city}},\n\n{{postal_address}}\n\n- Gala & dinner\n\n"
                                      "Unsubscribe ({{unsubscribe_url}})\n"));
        QTRY_VERIFY(find<QListWidget>("issuesList")->count() == 0);

        activateMainWindow();
        html->setFocus();
        QTest::keyClick(html, Qt::Key_S, Qt::ControlModifier);
        QTRY_COMPARE(listedTemplates(), QStringList{QStringLiteral("Spring appeal/1")});
        QVERIFY(!error->isVisible());
        QVERIFY(!page->isModified());
        QTRY_VERIFY2(find<PreviewBrowser>("previewHtml")->toPlainText().contains(QLatin1String("Unsubscribe")),
                     qPrintable(find<PreviewBrowser>("previewHtml")->toPlainText()));
        test::saveScreenshot(m_window.get(), QStringLiteral("templates-page.png"));

        // A second save makes version 2; history lists both, and restoring version 1 makes version 3.
        auto* subject = find<QLineEdit>("subjectEdit");
        subject->setFocus();
        subject->end(false);
        QTest::keyClicks(subject, QStringLiteral(" - spring"));
        QVERIFY(page->isModified());
        QTest::mouseClick(find<QPushButton>("saveTemplateButton"), Qt::LeftButton);
        QTRY_COMPARE(listedTemplates(), QStringList{QStringLiteral("Spring appeal/2")});

        QTest::mouseClick(find<QPushButton>("historyButton"), Qt::LeftButton);
        auto* dialog = m_window->findChild<TemplateHistoryDialog*>();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        auto* versions = find<QTreeWidget>("historyList", dialog);
        QCOMPARE(versions->topLevelItemCount(), 2);
        QCOMPARE(versions->topLevelItem(0)->text(0), QStringLiteral("2 (current)"));
        QCOMPARE(versions->topLevelItem(1)->text(3), QStringLiteral("News for {{name}}"));
        versions->setCurrentItem(versions->topLevelItem(1));
        QCOMPARE(find<QLabel>("historySubject", dialog)->text(), QStringLiteral("Subject: News for {{name}}"));
        test::saveScreenshot(dialog, QStringLiteral("templates-history.png"));
        QTest::mouseClick(find<QPushButton>("restoreButton", dialog), Qt::LeftButton);
        QTRY_COMPARE(listedTemplates(), QStringList{QStringLiteral("Spring appeal/3")});
        QCOMPARE(subject->text(), QStringLiteral("News for {{name}}"));
        QCOMPARE(TemplateRepository(*m_database).versions(TemplateRepository(*m_database).list()->first().id)->size(), 3);
    }

    void unsavedChangesAskBeforeLeaving()
    {
        activateMainWindow();
        auto* page = find<TemplatesPage>("templatesPage");
        QTest::keyClicks(find<QLineEdit>("subjectEdit"), QStringLiteral("!"));
        QVERIFY(page->isModified());
        MessageBox::setNextAnswer(QMessageBox::Cancel);
        QTest::keyClick(m_window.get(), Qt::Key_1, Qt::ControlModifier);
        QCOMPARE(m_window->currentPage(), MainWindow::Templates);
        QVERIFY2(MessageBox::lastText().contains(QLatin1String("'Spring appeal' has unsaved changes")),
                 qPrintable(MessageBox::lastText()));
        MessageBox::setNextAnswer(QMessageBox::Discard);
        QTest::keyClick(m_window.get(), Qt::Key_1, Qt::ControlModifier);
        QCOMPARE(m_window->currentPage(), MainWindow::Nonprofits);
        QVERIFY(!page->isModified());
        QCOMPARE(find<QLineEdit>("subjectEdit")->text(), QStringLiteral("News for {{name}}"));
        QTest::keyClick(m_window.get(), Qt::Key_3, Qt::ControlModifier);
        QCOMPARE(m_window->currentPage(), MainWindow::Templates);
    }

    void duplicateAndDeleteRefusedWhileACampaignUsesIt()
    {
        auto* page = find<TemplatesPage>("templatesPage");
        QTest::mouseClick(find<QPushButton>("duplicateTemplateButton"), Qt::LeftButton);
        QTRY_COMPARE(listedTemplates(),
                     (QStringList{QStringLiteral("Spring appeal/3"), QStringLiteral("Spring appeal (copy)/1")}));
        QCOMPARE(find<QLineEdit>("nameEdit")->text(), QStringLiteral("Spring appeal (copy)"));

        Campaign gala;
        gala.name = QStringLiteral("Gala 2026");
        gala.templateId = TemplateRepository(*m_database).list()->first().id;
        QVERIFY(CampaignRepository(*m_database).insert(gala).ok());
        auto* list = find<QTreeWidget>("templateList");
        list->setCurrentItem(list->topLevelItem(0));
        QCOMPARE(find<QLineEdit>("nameEdit")->text(), QStringLiteral("Spring appeal"));
        MessageBox::setNextAnswer(QMessageBox::Yes);
        QTest::mouseClick(find<QPushButton>("deleteTemplateButton"), Qt::LeftButton);
        QVERIFY2(MessageBox::lastText().contains(QLatin1String("Delete template 'Spring appeal' with its 3 saved")),
                 qPrintable(MessageBox::lastText()));
        auto* error = find<QLabel>("templateErrorLabel");
        QTRY_VERIFY(error->isVisible());
        QVERIFY2(error->text().contains(QLatin1String("'Gala 2026'")), qPrintable(error->text()));
        QCOMPARE(listedTemplates().size(), 2);

        list->setCurrentItem(list->topLevelItem(1));
        MessageBox::setNextAnswer(QMessageBox::Yes);
        QTest::mouseClick(find<QPushButton>("deleteTemplateButton"), Qt::LeftButton);
        QTRY_COMPARE(listedTemplates(), QStringList{QStringLiteral("Spring appeal/3")});
        QVERIFY(!page->isModified());
    }
};

QTEST_MAIN(TestTemplatesPage)
#include "TestTemplatesPage.moc"
