#include "DesktopTestEnvironment.h"
#include "TestDatabase.h"
#include "NewTemplateSteps.h"
#include "../../models/emailhtml/PasteFixtures.h"
#include "common/MessageBox.h"
#include "compose/HtmlToText.h"
#include "config/Config.h"
#include "emailhtml/EditorImport.h"
#include "emailhtml/EmailHtmlWriter.h"
#include "shell/MainWindow.h"
#include "storage/NonprofitRepository.h"
#include "storage/ProfileStore.h"
#include "storage/TemplateRepository.h"
#include "templates/ButtonDialog.h"
#include "templates/HtmlBodyEditor.h"
#include "templates/ImageDialog.h"
#include "templates/LinkDialog.h"
#include "templates/TemplatesPage.h"
#include "templates/VisualEditor.h"

#include <QApplication>
#include <QClipboard>
#include <QColorDialog>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>
#include <QTextDocument>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>

using namespace herald;

// The Templates page's visual editor in the real MainWindow on the backend under test: a message written with the
// toolbar, its shortcuts, the link, button and image dialogs and the Insert field menu, saved as email-safe HTML;
// the source tab in step; HTML the editor cannot hold opened as source and saved unchanged; pastes cleaned; the text
// body following the HTML until edited; the main window's shortcuts untouched; screenshots in en, es and fr.
class TestVisualEditor : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<test::TestDatabase> m_scratch;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<MainWindow> m_window;

    template<typename T> T* find(const char* name) const
    {
        T* found = m_window->findChild<T*>(QString::fromLatin1(name));
        if (!found)
            qWarning("no %s", name);
        return found;
    }

    VisualEditor* visual() const { return find<VisualEditor>("visualEdit"); }
    HtmlBodyEditor* body() const { return find<HtmlBodyEditor>("htmlBodyEditor"); }
    QTabWidget* tabs() const { return find<QTabWidget>("htmlBodyTabs"); }

    void activateMainWindow()
    {
        m_window->activateWindow();
        QApplication::setActiveWindow(m_window.get());
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

    void newTemplate(const QString& name)
    {
        activateMainWindow();
        MessageBox::setNextAnswer(QMessageBox::Discard);
        test::newBlankTemplate(m_window.get());
        find<QLineEdit>("nameEdit")->setText(name);
        QCOMPARE(tabs()->currentIndex(), 0);
        visual()->setFocus();
        QVERIFY(visual()->hasFocus());
    }

    void clickButton(const char* name)
    {
        auto* button = find<QAbstractButton>(name);
        QVERIFY(button);
        QVERIFY2(button->isVisible() && button->isEnabled(), name);
        QTest::mouseClick(button, Qt::LeftButton);
    }

    void clickTab(int index)
    {
        QTabBar* bar = tabs()->tabBar();
        QTest::mouseClick(bar, Qt::LeftButton, {}, bar->tabRect(index).center());
    }

    // Opens Insert field and clicks the placeholder's entry (the menu's exec blocks: the click runs from its loop).
    void insertField(const QString& name, const QString& expectedValue)
    {
        QString shown;
        QTimer::singleShot(0, this, [&] {
            auto* menu = m_window->findChild<QMenu*>(QStringLiteral("fieldMenu"));
            QAction* action = menu->findChild<QAction*>(QStringLiteral("field_") + name);
            if (!menu->isVisible() || !action) {
                menu->close();
                return;
            }
            shown = action->text();
            QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(action).center());
        });
        clickButton("insertFieldButton");
        QTRY_VERIFY(!m_window->findChild<QMenu*>(QStringLiteral("fieldMenu"))->isVisible());
        activateMainWindow(); // the offscreen platform leaves the closed popup active
        QVERIFY2(shown.startsWith(QStringLiteral("{{%1}}").arg(name)), qPrintable(shown));
        QVERIFY2(shown.contains(expectedValue), qPrintable(shown));
    }

    // Fills and accepts the link dialog opened by Ctrl+K: a refused address first when `refused` is given.
    void insertLink(const QString& text, const QString& url, const QString& refused = QString())
    {
        QTest::keyClick(visual(), Qt::Key_K, Qt::ControlModifier);
        LinkDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<LinkDialog*>()) && dialog->isVisible());
        auto* textEdit = dialog->findChild<QLineEdit*>(QStringLiteral("linkTextEdit"));
        auto* urlEdit = dialog->findChild<QLineEdit*>(QStringLiteral("linkUrlEdit"));
        textEdit->clear();
        QTest::keyClicks(textEdit, text);
        if (!refused.isEmpty()) {
            QTest::keyClicks(urlEdit, refused);
            QTest::keyClick(urlEdit, Qt::Key_Return);
            auto* error = dialog->findChild<QLabel*>(QStringLiteral("linkErrorLabel"));
            QVERIFY(dialog->isVisible());
            QVERIFY2(error->isVisible() && error->text().contains(refused), qPrintable(error->text()));
            urlEdit->clear();
        }
        QTest::keyClicks(urlEdit, url);
        QTest::keyClick(urlEdit, Qt::Key_Return);
        QTRY_VERIFY(!m_window->findChild<LinkDialog*>());
        activateMainWindow(); // the offscreen platform activates no window when a dialog closes
    }

    Template saved(const QString& name)
    {
        const auto rows = TemplateRepository(*m_database).list();
        for (const Template& row : rows.value()) {
            if (row.name == name)
                return TemplateRepository(*m_database).find(row.id).value();
        }
        return {};
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

        m_profiles = std::make_unique<ProfileStore>(Config::instance());
        m_window = std::make_unique<MainWindow>(*m_database, *m_profiles);
        m_window->resize(1254, 784);
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

    void writeWithTheToolbarAndSave()
    {
        newTemplate(QStringLiteral("Visual appeal"));
        find<QLineEdit>("subjectEdit")->setFocus();
        QTest::keyClicks(find<QLineEdit>("subjectEdit"), QStringLiteral("Spring news for "));
        insertField(QStringLiteral("name"), QStringLiteral("Bread && Roses Food Bank"));
        QCOMPARE(find<QLineEdit>("subjectEdit")->text(), QStringLiteral("Spring news for {{name}}"));

        visual()->setFocus();
        QTest::keyClick(visual(), Qt::Key_1, Qt::ControlModifier | Qt::AltModifier);
        QCOMPARE(find<QComboBox>("blockStyleCombo")->currentIndex(), 1);
        QTest::keyClicks(visual(), QStringLiteral("Spring news"));
        QTest::keyClick(visual(), Qt::Key_Return); // a heading ends at Return
        QCOMPARE(find<QComboBox>("blockStyleCombo")->currentIndex(), 0);
        QTest::keyClicks(visual(), QStringLiteral("Dear "));
        insertField(QStringLiteral("city"), QStringLiteral("Dover"));
        QVERIFY(visual()->hasFocus());
        QTest::keyClicks(visual(), QStringLiteral(" friends, we need "));
        clickButton("boldButton");
        QTest::keyClicks(visual(), QStringLiteral("your help"));
        QTest::keyClick(visual(), Qt::Key_B, Qt::ControlModifier);
        QVERIFY(!find<QToolButton>("boldButton")->isChecked());
        QVERIFY(find<QToolButton>("textColourButton")->isEnabled());
        QVERIFY2(find<QToolButton>("boldButton")->toolTip().contains(QLatin1String("Ctrl+B")),
                 qPrintable(find<QToolButton>("boldButton")->toolTip()));
        QTest::keyClicks(visual(), QStringLiteral(" with "));
        QTest::keyClick(visual(), Qt::Key_I, Qt::ControlModifier); // the main window's Ctrl+I is not ambiguous here
        QVERIFY(find<QToolButton>("italicButton")->isChecked());
        QTest::keyClicks(visual(), QStringLiteral("two things"));
        QTest::keyClick(visual(), Qt::Key_I, Qt::ControlModifier);
        QTest::keyClicks(visual(), QStringLiteral(":"));
        QTest::keyClick(visual(), Qt::Key_Return);
        clickButton("bulletListButton");
        QVERIFY(find<QToolButton>("bulletListButton")->isChecked());
        QTest::keyClicks(visual(), QStringLiteral("Food"));
        QTest::keyClick(visual(), Qt::Key_Return);
        QTest::keyClicks(visual(), QStringLiteral("Shelter"));
        QTest::keyClick(visual(), Qt::Key_Return);
        QTest::keyClick(visual(), Qt::Key_8, Qt::ControlModifier | Qt::ShiftModifier); // out of the list
        QVERIFY(!find<QToolButton>("bulletListButton")->isChecked());
        QTest::keyClicks(visual(), QStringLiteral("Read "));
        insertLink(QStringLiteral("our report"), QStringLiteral("https://example.org/report"), QStringLiteral("report.pdf"));
        QTest::keyClick(visual(), Qt::Key_Return);

        clickButton("buttonButton");
        ButtonDialog* button = nullptr;
        QTRY_VERIFY((button = m_window->findChild<ButtonDialog*>()) && button->isVisible());
        QTest::keyClicks(button->findChild<QLineEdit*>(QStringLiteral("buttonLabelEdit")), QStringLiteral("Donate now"));
        QTest::keyClicks(button->findChild<QLineEdit*>(QStringLiteral("buttonUrlEdit")), QStringLiteral("https://example.org/give"));
        QLineEdit* colour = button->findChild<QLineEdit*>(QStringLiteral("buttonColourEdit"));
        colour->selectAll();
        QTest::keyClicks(colour, QStringLiteral("#c01c28"));
        QTest::keyClick(colour, Qt::Key_Return);
        QTRY_VERIFY(!m_window->findChild<ButtonDialog*>());
        activateMainWindow(); // the offscreen platform activates no window when a dialog closes
        QTest::keyClick(visual(), Qt::Key_Return);

        clickButton("imageButton");
        ImageDialog* image = nullptr;
        QTRY_VERIFY((image = m_window->findChild<ImageDialog*>()) && image->isVisible());
        // The Templates page offers the team's media library in the image dialog.
        QVERIFY(image->findChild<QPushButton*>(QStringLiteral("mediaLibraryButton")));
        QVERIFY(image->findChild<QPushButton*>(QStringLiteral("mediaLibraryButton"))->isVisible());
        QTest::keyClicks(image->findChild<QLineEdit*>(QStringLiteral("imageSrcEdit")), QStringLiteral("https://example.org/logo.png"));
        QTest::keyClicks(image->findChild<QLineEdit*>(QStringLiteral("imageAltEdit")), QStringLiteral("Our logo"));
        image->findChild<QSpinBox*>(QStringLiteral("imageWidthSpin"))->setValue(200);
        QTest::keyClick(image->findChild<QLineEdit*>(QStringLiteral("imageAltEdit")), Qt::Key_Return);
        QTRY_VERIFY(!m_window->findChild<ImageDialog*>());
        activateMainWindow(); // the offscreen platform activates no window when a dialog closes

        clickButton("ruleButton");
        insertLink(QStringLiteral("Unsubscribe"), QStringLiteral("{{unsubscribe_url}}"));
        QTest::keyClicks(visual(), QStringLiteral(" "));
        insertField(QStringLiteral("postal_address"), QString());
        test::saveScreenshot(m_window.get(), QStringLiteral("visual-editor-written.png"));

        // Undo takes back the last insertion; redo puts it back.
        const QString before = visual()->toPlainText();
        clickButton("undoButton");
        QVERIFY(visual()->toPlainText() != before);
        QTest::keyClick(visual(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(visual()->toPlainText(), before);

        QTest::keyClick(visual(), Qt::Key_S, Qt::ControlModifier);
        QTRY_VERIFY(!find<TemplatesPage>("templatesPage")->isModified());
        const Template stored = saved(QStringLiteral("Visual appeal"));
        const QString html = stored.htmlBody;
        for (const QString& part :
             {QStringLiteral("max-width:600px"), QStringLiteral("<h1 style=\""), QStringLiteral(">Spring news</h1>"),
              QStringLiteral("Dear {{city}} friends, we need <strong>your help</strong> with <em>two things</em>:"),
              QStringLiteral("<ul style=\""), QStringLiteral(">Food</li>"), QStringLiteral(">Shelter</li>"),
              QStringLiteral("<a href=\"https://example.org/report\" style=\""), QStringLiteral(">our report</a>"),
              QStringLiteral("<a href=\"https://example.org/give\" style=\""), QStringLiteral("background-color:#c01c28"),
              QStringLiteral("src=\"https://example.org/logo.png\""), QStringLiteral("alt=\"Our logo\""),
              QStringLiteral("width=\"200\""), QStringLiteral("<hr style=\""), QStringLiteral("href=\"{{unsubscribe_url}}\""),
              QStringLiteral("{{postal_address}}")})
            QVERIFY2(html.contains(part), qPrintable(part + QStringLiteral("\nnot in\n") + html));
        QVERIFY2(!html.contains(QLatin1String("<style")) && !html.contains(QLatin1String("class=")), qPrintable(html));
        QCOMPARE(stored.subject, QStringLiteral("Spring news for {{name}}"));
        // The text body followed the HTML.
        QCOMPARE(stored.textBody, HtmlToText::convert(html));
        QVERIFY(stored.textBody.contains(QLatin1String("Dear {{city}} friends")));

        // Opened again: visual, not modified, the same HTML.
        find<TemplatesPage>("templatesPage")->refresh();
        MessageBox::setNextAnswer(QMessageBox::Discard);
        test::newBlankTemplate(m_window.get());
        auto* list = find<QTreeWidget>("templateList");
        list->setCurrentItem(list->findItems(QStringLiteral("Visual appeal"), Qt::MatchExactly).value(0));
        QCOMPARE(tabs()->currentIndex(), 0);
        QCoreApplication::processEvents();
        QVERIFY(!find<TemplatesPage>("templatesPage")->isModified());
        QCOMPARE(body()->html(), html);
    }

    void sourceEditsReachTheVisualTab()
    {
        newTemplate(QStringLiteral("Source first"));
        QTest::keyClicks(visual(), QStringLiteral("Typed visually"));
        clickTab(1);
        auto* source = find<QPlainTextEdit>("htmlEdit");
        QVERIFY2(source->toPlainText().contains(QLatin1String("Typed visually</p>")), qPrintable(source->toPlainText()));
        source->setFocus();
        source->selectAll();
        QTest::keyClicks(source, QStringLiteral("<h2>Hello {{name}}</h2><p>See <em>this</em></p>"));
        clickTab(0);
        QCOMPARE(tabs()->currentIndex(), 0);
        QCOMPARE(visual()->toPlainText().simplified(), QStringLiteral("Hello {{name}} See this"));
        QCOMPARE(visual()->document()->firstBlock().blockFormat().headingLevel(), 2);
        // Until the writer edits visually, the source is what is saved.
        QCOMPARE(body()->html(), QStringLiteral("<h2>Hello {{name}}</h2><p>See <em>this</em></p>"));

        // Source the editor cannot hold: the visual tab goes off with the reason.
        clickTab(1);
        source->setFocus();
        source->moveCursor(QTextCursor::End);
        QTest::keyClicks(source, QStringLiteral("<p>Bye "));
        insertField(QStringLiteral("name"), QStringLiteral("Bread")); // into the source, the tab shown
        QVERIFY2(source->toPlainText().endsWith(QLatin1String("<p>Bye {{name}}")), qPrintable(source->toPlainText()));
        source->moveCursor(QTextCursor::End);
        QTest::keyClicks(source, QStringLiteral("</p><table><tr><td>x</td></tr></table>"));
        clickTab(0);
        QCOMPARE(tabs()->currentIndex(), 1);
        QVERIFY(!tabs()->isTabEnabled(0));
        QVERIFY2(find<QLabel>("visualUnavailableLabel")->text().contains(QLatin1String("<table>")),
                 qPrintable(find<QLabel>("visualUnavailableLabel")->text()));
    }

    void unrepresentableHtmlOpensAsSource_data()
    {
        QTest::addColumn<QString>("html");
        QTest::addColumn<QString>("reason");
        QTest::newRow("table") << QStringLiteral("<table><tr><td><p>Dear {{name}},</p></td></tr></table>\n"
                                                 "<p><a href=\"{{unsubscribe_url}}\">Unsubscribe</a> {{postal_address}}</p>\n")
                               << QStringLiteral("<table>");
        QTest::newRow("style") << QStringLiteral("<style>p { color: red; }</style>\n<p>Dear {{name}},</p>\n"
                                                 "<p><a href=\"{{unsubscribe_url}}\">Unsubscribe</a> {{postal_address}}</p>\n")
                               << QStringLiteral("<style>");
    }

    void unrepresentableHtmlOpensAsSource()
    {
        QFETCH(QString, html);
        QFETCH(QString, reason);
        activateMainWindow();
        MessageBox::setNextAnswer(QMessageBox::Discard);
        test::newBlankTemplate(m_window.get());
        Template stored;
        stored.name = QStringLiteral("Hand-written %1").arg(QLatin1String(QTest::currentDataTag()));
        stored.subject = QStringLiteral("Hello {{name}}");
        stored.htmlBody = html;
        stored.textBody = QStringLiteral("Hello {{name}} {{unsubscribe_url}} {{postal_address}}");
        QVERIFY(TemplateRepository(*m_database).insert(stored).ok());
        auto* page = find<TemplatesPage>("templatesPage");
        page->refresh();
        auto* list = find<QTreeWidget>("templateList");
        list->setCurrentItem(list->findItems(stored.name, Qt::MatchExactly).value(0));
        QCOMPARE(find<QLineEdit>("nameEdit")->text(), stored.name);

        QCOMPARE(tabs()->currentIndex(), 1);
        QVERIFY(!tabs()->isTabEnabled(0));
        auto* label = find<QLabel>("visualUnavailableLabel");
        QVERIFY(label->isVisible());
        QVERIFY2(label->text().contains(reason), qPrintable(label->text()));
        QCOMPARE(tabs()->tabToolTip(0), label->text());
        QCoreApplication::processEvents();
        QVERIFY(!page->isModified());
        QCOMPARE(find<QPlainTextEdit>("htmlEdit")->toPlainText(), html);
        test::saveScreenshot(m_window.get(), QStringLiteral("visual-editor-source-only-%1.png").arg(QLatin1String(QTest::currentDataTag())));

        // Saved again (a subject edit): the HTML exactly as it was.
        QTest::keyClicks(find<QLineEdit>("subjectEdit"), QStringLiteral("!"));
        QVERIFY(page->save());
        QCOMPARE(saved(stored.name).htmlBody, html);
    }

    void pastesComeOutClean_data() { test::addPasteFixtureRows(); }

    void pastesComeOutClean()
    {
        QFETCH(QString, name);
        newTemplate(QStringLiteral("Pasted %1").arg(name));
        auto* mime = new QMimeData;
        mime->setHtml(test::pasteFixture(name + QStringLiteral(".html")));
        mime->setText(QStringLiteral("plain fallback"));
        QApplication::clipboard()->setMimeData(mime);
        QTest::keyClick(visual(), Qt::Key_V, Qt::ControlModifier);
        const QString html = body()->html();
        for (const char* junk : {"<script", "class=", "<font", "mso-", "<!--[if !", "<span style=\"font", "Times New Roman"})
            QVERIFY2(!html.contains(QLatin1String(junk), Qt::CaseInsensitive), qPrintable(QLatin1String(junk) + QStringLiteral(" in\n") + html));
        QVERIFY(!visual()->toPlainText().contains(QLatin1String("plain fallback")));
        // What the editor holds is the cleaned paste, written the editor's way.
        QTextDocument expected;
        expected.setHtml(EditorImport::editorHtml(test::pasteFixture(name + QStringLiteral(".expected.html"))).value());
        QCOMPARE(html, EmailHtmlWriter::write(expected));
    }

    void pastedImagesAreRefusedWithAReason()
    {
        newTemplate(QStringLiteral("Pasted image"));
        auto* mime = new QMimeData;
        QImage picture(20, 20, QImage::Format_RGB32);
        picture.fill(Qt::red);
        mime->setImageData(picture);
        QApplication::clipboard()->setMimeData(mime);
        QTest::keyClick(visual(), Qt::Key_V, Qt::ControlModifier);
        auto* label = find<QLabel>("pasteRefusedLabel");
        QVERIFY(label->isVisible());
        QVERIFY2(label->text().contains(QStringLiteral("Image…")), qPrintable(label->text()));
        QVERIFY(visual()->toPlainText().isEmpty());
    }

    void textBodyFollowsUntilEdited()
    {
        newTemplate(QStringLiteral("Following"));
        auto* text = find<QPlainTextEdit>("textEdit");
        auto* note = find<QLabel>("textBodyNote");
        QTest::keyClicks(visual(), QStringLiteral("Hello "));
        insertField(QStringLiteral("name"), QStringLiteral("Bread"));
        QTRY_COMPARE(text->toPlainText(), HtmlToText::convert(body()->html()));
        QVERIFY(text->toPlainText().contains(QLatin1String("Hello {{name}}")));
        QVERIFY(!note->isVisible());

        text->setFocus();
        text->moveCursor(QTextCursor::End);
        QTest::keyClicks(text, QStringLiteral("Written by hand in "));
        insertField(QStringLiteral("city"), QStringLiteral("Dover")); // into the text body, where the typing was
        QVERIFY2(text->toPlainText().endsWith(QLatin1String("Written by hand in {{city}}")), qPrintable(text->toPlainText()));
        QVERIFY(note->isVisible());
        const QString handWritten = text->toPlainText();
        visual()->setFocus();
        QTest::keyClicks(visual(), QStringLiteral(", welcome"));
        clickTab(1); // the source catches up at once
        QVERIFY(body()->sourceEdit()->toPlainText().contains(QLatin1String("welcome")));
        QCOMPARE(text->toPlainText(), handWritten);

        MessageBox::setNextAnswer(QMessageBox::Yes);
        QTest::mouseClick(find<QPushButton>("generateTextButton"), Qt::LeftButton);
        QCOMPARE(text->toPlainText(), HtmlToText::convert(body()->html()));
        QVERIFY(!note->isVisible());
        clickTab(0);
    }

    void linksAreEditedAndRemoved()
    {
        newTemplate(QStringLiteral("Links"));
        QTest::keyClicks(visual(), QStringLiteral("Visit "));
        insertLink(QStringLiteral("our site"), QStringLiteral("mailto:info@example.org"));
        QTest::keyClick(visual(), Qt::Key_Left); // inside the link
        QTest::keyClick(visual(), Qt::Key_K, Qt::ControlModifier);
        LinkDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<LinkDialog*>()) && dialog->isVisible());
        QCOMPARE(dialog->findChild<QLineEdit*>(QStringLiteral("linkTextEdit"))->text(), QStringLiteral("our site"));
        QCOMPARE(dialog->findChild<QLineEdit*>(QStringLiteral("linkUrlEdit"))->text(), QStringLiteral("mailto:info@example.org"));
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("removeLinkButton")), Qt::LeftButton);
        QTRY_VERIFY(!m_window->findChild<LinkDialog*>());
        activateMainWindow();
        const QString html = body()->html();
        QVERIFY2(html.contains(QLatin1String("Visit our site")) && !html.contains(QLatin1String("mailto:")), qPrintable(html));
    }

    void colourAndAlignment()
    {
        newTemplate(QStringLiteral("Colours"));
        clickButton("alignCenterButton");
        QVERIFY(find<QToolButton>("alignCenterButton")->isChecked());
        clickButton("textColourButton");
        QColorDialog* colours = nullptr;
        QTRY_VERIFY((colours = m_window->findChild<QColorDialog*>(QStringLiteral("textColourDialog"))) && colours->isVisible());
        colours->setCurrentColor(QColor(0x26, 0xa2, 0x69));
        colours->accept();
        QTRY_VERIFY(!m_window->findChild<QColorDialog*>(QStringLiteral("textColourDialog")));
        activateMainWindow();
        QTest::keyClicks(visual(), QStringLiteral("Green and centred"));
        const QString html = body()->html();
        QVERIFY2(html.contains(QLatin1String("text-align:center")), qPrintable(html));
        QVERIFY2(html.contains(QLatin1String("<span style=\"color:#26a269\">Green and centred</span>")), qPrintable(html));
    }

    void imagesComeFromTheMediaLibrary()
    {
        find<TemplatesPage>("templatesPage")->setImagePicker([](QWidget*) { return QStringLiteral("media:logo.png"); });
        newTemplate(QStringLiteral("With logo"));
        clickButton("imageButton");
        ImageDialog* image = nullptr;
        QTRY_VERIFY((image = m_window->findChild<ImageDialog*>()) && image->isVisible());
        auto* library = image->findChild<QPushButton*>(QStringLiteral("mediaLibraryButton"));
        QVERIFY(library && library->isVisible());
        QTest::mouseClick(library, Qt::LeftButton);
        QCOMPARE(image->findChild<QLineEdit*>(QStringLiteral("imageSrcEdit"))->text(), QStringLiteral("media:logo.png"));
        QTest::keyClicks(image->findChild<QLineEdit*>(QStringLiteral("imageAltEdit")), QStringLiteral("Logo"));
        QTest::keyClick(image->findChild<QLineEdit*>(QStringLiteral("imageAltEdit")), Qt::Key_Return);
        QTRY_VERIFY(!m_window->findChild<ImageDialog*>());
        activateMainWindow();
        QVERIFY2(body()->html().contains(QLatin1String("<img src=\"media:logo.png\" alt=\"Logo\" width=\"600\"")),
                 qPrintable(body()->html()));
        find<TemplatesPage>("templatesPage")->setImagePicker({});
    }

    void misspellingsAreUnderlinedButNotPlaceholders()
    {
        newTemplate(QStringLiteral("Spelling"));
        QTest::keyClicks(visual(), QStringLiteral("Helo {{name}}, see https://example.org/recieve or {{ unsubscribe_url }}"));
        const auto underlined = [this] {
            QStringList words;
            for (QTextBlock block = visual()->document()->begin(); block.isValid(); block = block.next()) {
                for (const QTextLayout::FormatRange& range : block.layout()->formats()) {
                    if (range.format.underlineStyle() == QTextCharFormat::SpellCheckUnderline)
                        words << block.text().mid(range.start, range.length);
                }
            }
            return words;
        };
        QTRY_COMPARE(underlined(), QStringList{QStringLiteral("Helo")});
    }

    void shortcutsLeaveTheWindowsAlone()
    {
        newTemplate(QStringLiteral("Shortcuts"));
        QTest::keyClick(visual(), Qt::Key_7, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(find<QToolButton>("numberedListButton")->isChecked());
        QCOMPARE(m_window->currentPage(), MainWindow::Templates);
        QTest::keyClick(visual(), Qt::Key_U, Qt::ControlModifier);
        QVERIFY(find<QToolButton>("underlineButton")->isChecked());
        MessageBox::setNextAnswer(QMessageBox::Discard); // leaving the page asks about the unsaved template
        QTest::keyClick(visual(), Qt::Key_7, Qt::ControlModifier);
        QCOMPARE(m_window->currentPage(), MainWindow::Settings);
        MessageBox::setNextAnswer(QMessageBox::Discard);
        QTest::keyClick(m_window.get(), Qt::Key_3, Qt::ControlModifier);
        QCOMPARE(m_window->currentPage(), MainWindow::Templates);
    }

    void screenshots_data()
    {
        QTest::addColumn<QString>("language");
        for (const char* language : {"en", "es", "fr"})
            QTest::newRow(language) << QString::fromLatin1(language);
    }

    void screenshots()
    {
        QFETCH(QString, language);
        m_window.reset();
        Translations::install(*qApp, language);
        QLocale::setDefault(QLocale(language));
        m_window = std::make_unique<MainWindow>(*m_database, *m_profiles);
        m_window->resize(1254, 784);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->showPage(MainWindow::Templates);
        auto* list = find<QTreeWidget>("templateList");
        list->setCurrentItem(list->findItems(QStringLiteral("Visual appeal"), Qt::MatchExactly).value(0));
        QCOMPARE(tabs()->currentIndex(), 0);
        test::saveScreenshot(m_window.get(), QStringLiteral("visual-editor-%1.png").arg(language));
        // The colour button's bar shows the text colour, not the greyed one of a tab that was off.
        const QImage colourIcon = find<QToolButton>("textColourButton")->icon().pixmap(32).toImage();
        QCOMPARE(colourIcon.pixelColor(16, 28).rgb(), m_window->palette().color(QPalette::Active, QPalette::Text).rgb());
        for (QWidget* bar : {find<QWidget>("formatToolBar"), find<QWidget>("insertToolBar")})
            QVERIFY2(bar->sizeHint().width() <= bar->width(), qPrintable(bar->objectName()));
        m_window.reset();
        Translations::install(*qApp, QStringLiteral("en_US"));
        QLocale::setDefault(QLocale(QStringLiteral("en_US")));
    }
};

QTEST_MAIN(TestVisualEditor)
#include "TestVisualEditor.moc"
