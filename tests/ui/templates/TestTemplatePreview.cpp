#include "DesktopTestEnvironment.h"
#include "TestDatabase.h"
#include "emailhtml/EmailHtmlWriter.h"
#include "shell/MainWindow.h"
#include "storage/NonprofitRepository.h"
#include "storage/ProfileStore.h"
#include "storage/TemplateRepository.h"
#include "templates/PhonePreview.h"
#include "templates/PreviewBrowser.h"
#include "templates/SideBySidePreview.h"
#include "templates/TemplatePreview.h"

#include <QApplication>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QTreeWidget>

using namespace herald;

// The Templates page's preview on the real window and both backends: the HTML at desktop width and in a 375 px
// phone viewport, the plain text, and all three side by side in their own window; a fluid layout (what the visual
// editor writes) fits the phone, a fixed 600 px one scrolls sideways and says so. Screenshots in en, es and fr at
// the default window size.
class TestTemplatePreview : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<test::TestDatabase> m_scratch;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<ProfileStore> m_profiles;

    static QString fluidHtml()
    {
        QTextDocument document;
        document.setHtml(QStringLiteral(
            "<h1>Spring gala for {{name}}</h1><p>Dear friends in {{city}}, we are delighted to invite you to our "
            "spring gala, with dinner, music and a word from the children we helped this year.</p>"
            "<p>{{postal_address}} <a href=\"{{unsubscribe_url}}\">Unsubscribe</a></p>"));
        return EmailHtmlWriter::write(document);
    }

    void addTemplate(const QString& name, const QString& html, const QString& text)
    {
        Template messageTemplate;
        messageTemplate.name = name;
        messageTemplate.subject = QStringLiteral("Gala news for {{name}}");
        messageTemplate.htmlBody = html;
        messageTemplate.textBody = text;
        const Status added = TemplateRepository(*m_database).insert(messageTemplate);
        QVERIFY2(added.ok(), qPrintable(added.error().message));
    }

    // The window at its default size on the Templates page: its preview.
    static TemplatePreview* showTemplates(MainWindow& window)
    {
        window.resize(1254, 784);
        window.show();
        if (!QTest::qWaitForWindowExposed(&window))
            return nullptr;
        window.showPage(MainWindow::Templates);
        return window.findChild<TemplatePreview*>(QStringLiteral("templatePreview"));
    }

    static void selectTemplate(MainWindow& window, const QString& name)
    {
        auto* list = window.findChild<QTreeWidget*>(QStringLiteral("templateList"));
        const QList<QTreeWidgetItem*> found = list->findItems(name, Qt::MatchExactly);
        QCOMPARE(found.size(), 1);
        list->setCurrentItem(found.first());
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
        Nonprofit nonprofit;
        nonprofit.name = QStringLiteral("Bread & Roses Food Bank");
        nonprofit.email = QStringLiteral("hello@bread.example.org");
        nonprofit.city = QStringLiteral("Dover");
        QVERIFY(NonprofitRepository(*m_database).insert(nonprofit).ok());
        // "A…" sorts first, so the page opens on the fluid one.
        addTemplate(QStringLiteral("A spring gala"), fluidHtml(),
                    QStringLiteral("Dear friends in {{city}},\nour spring gala.\n{{postal_address}}\n{{unsubscribe_url}}\n"));
        addTemplate(QStringLiteral("Old fixed layout"),
                    QStringLiteral("<table width=\"600\"><tr><td><h1>Old news</h1><p>This template's table is 600 px "
                                   "wide whatever the screen, {{name}}.</p><p>{{postal_address}} "
                                   "<a href=\"{{unsubscribe_url}}\">Unsubscribe</a></p></td></tr></table>"),
                    QStringLiteral("Old news\n{{postal_address}}\n{{unsubscribe_url}}\n"));
        m_profiles = std::make_unique<ProfileStore>(Config::instance());
    }

    void cleanupTestCase()
    {
        m_database.reset();
        m_scratch.reset();
    }

    void desktopPhoneAndTextPanes()
    {
        MainWindow window(*m_database, *m_profiles);
        TemplatePreview* preview = showTemplates(window);
        QVERIFY(preview);

        // In the page's column, one tab each: desktop, phone, plain text.
        auto* tabs = preview->findChild<QTabWidget*>(QStringLiteral("previewTabs"));
        QCOMPARE(tabs->count(), 3);
        auto* desktop = preview->findChild<PreviewBrowser*>(QStringLiteral("previewHtml"));
        auto* phone = preview->findChild<PhonePreview*>(QStringLiteral("previewPhone"));
        auto* text = preview->findChild<QPlainTextEdit*>(QStringLiteral("previewText"));
        QVERIFY(desktop && phone && text);
        QTRY_VERIFY2(desktop->toPlainText().contains(QLatin1String("Spring gala for Bread & Roses Food Bank")),
                     qPrintable(desktop->toPlainText()));
        QVERIFY(phone->browser()->toPlainText().contains(QLatin1String("Dear friends in Dover")));
        QVERIFY(text->toPlainText().startsWith(QLatin1String("Dear friends in Dover,\nour spring gala.")));
        tabs->setCurrentWidget(phone);
        QTRY_VERIFY(phone->browser()->isVisible());
        // The message is laid out 375 px wide whatever room the column has, and the fluid layout shrinks into it;
        // where the column is narrower than the phone, the note says how much shows.
        QCOMPARE(phone->browser()->document()->textWidth(), qreal(PhonePreview::ScreenWidth));
        QVERIFY(!phone->overflows());
        auto* note = phone->findChild<QLabel*>(QStringLiteral("previewPhoneNote"));
        QVERIFY2(note->text().startsWith(QLatin1String("Phone, 375 px wide: the message fits the screen.")),
                 qPrintable(note->text()));
        QCOMPARE(note->text().contains(QLatin1String("widen this pane")),
                 phone->browser()->viewport()->width() < PhonePreview::ScreenWidth);

        // Side by side: all three at once in their own window, which follows the template shown.
        QTest::mouseClick(preview->findChild<QPushButton*>(QStringLiteral("sideBySideButton")), Qt::LeftButton);
        auto* side = preview->findChild<SideBySidePreview*>(QStringLiteral("sideBySidePreview"));
        QVERIFY(side);
        QVERIFY(QTest::qWaitForWindowExposed(side));
        QVERIFY(side->desktop()->isVisible() && side->phone()->isVisible() && side->text()->isVisible());
        // There, the phone's screen is exactly 375 px.
        QCOMPARE(side->phone()->browser()->viewport()->width(), PhonePreview::ScreenWidth);
        QCOMPARE(side->phone()->browser()->horizontalScrollBar()->maximum(), 0);
        QVERIFY2(side->desktop()->viewport()->width() >= 600, qPrintable(QString::number(side->desktop()->viewport()->width())));
        QVERIFY(side->desktop()->toPlainText().contains(QLatin1String("Spring gala for Bread & Roses Food Bank")));
        QVERIFY(side->text()->toPlainText().startsWith(QLatin1String("Dear friends in Dover,")));
        const QRect desktopArea(side->desktop()->mapTo(side, QPoint()), side->desktop()->size());
        const QRect phoneArea(side->phone()->mapTo(side, QPoint()), side->phone()->size());
        QVERIFY(!desktopArea.intersects(phoneArea));
        QVERIFY(side->rect().contains(phoneArea));

        // A fixed 600 px table does not shrink: the phone scrolls sideways and says so, in both places.
        selectTemplate(window, QStringLiteral("Old fixed layout"));
        QTRY_VERIFY(side->phone()->overflows());
        QVERIFY(phone->overflows());
        QVERIFY(side->phone()->browser()->horizontalScrollBar()->maximum() > 0);
        QVERIFY(side->desktop()->toPlainText().contains(QLatin1String("Old news")));
        QVERIFY2(note->text().contains(QLatin1String("scroll")), qPrintable(note->text()));
        test::saveScreenshot(side, QStringLiteral("preview-side-by-side-fixed-layout-en.png"));
        side->close();
    }

    void screenshotsInEachLanguage_data() { test::addLanguageRows(); }

    void screenshotsInEachLanguage()
    {
        QFETCH(QString, language);
        const test::ScopedLanguage scoped(language);
        QVERIFY(scoped.isLoaded());
        {
            MainWindow window(*m_database, *m_profiles);
            TemplatePreview* preview = showTemplates(window);
            QVERIFY(preview);
            auto* phone = preview->findChild<PhonePreview*>(QStringLiteral("previewPhone"));
            QTRY_VERIFY(phone->browser()->toPlainText().contains(QLatin1String("Bread & Roses")));
            preview->findChild<QTabWidget*>(QStringLiteral("previewTabs"))->setCurrentWidget(phone);
            test::saveScreenshot(&window, QStringLiteral("preview-phone-%1.png").arg(language));

            QTest::mouseClick(preview->findChild<QPushButton*>(QStringLiteral("sideBySideButton")), Qt::LeftButton);
            auto* side = preview->findChild<SideBySidePreview*>(QStringLiteral("sideBySidePreview"));
            QVERIFY(QTest::qWaitForWindowExposed(side));
            QCOMPARE(side->size(), window.size());
            QCOMPARE(side->phone()->browser()->viewport()->width(), PhonePreview::ScreenWidth);
            const QString title = side->findChild<QLabel*>(QStringLiteral("sideSubject"))->text();
            QVERIFY2(title.contains(QLatin1String("Gala news for Bread & Roses Food Bank")), qPrintable(title));
            test::saveScreenshot(side, QStringLiteral("preview-side-by-side-%1.png").arg(language));
            side->close();
        }
    }
};

QTEST_MAIN(TestTemplatePreview)
#include "TestTemplatePreview.moc"
