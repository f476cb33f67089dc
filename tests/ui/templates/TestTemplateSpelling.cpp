#include "DesktopTestEnvironment.h"
#include "NewTemplateSteps.h"
#include "common/SpellHighlighter.h"
#include "common/SpellLineEdit.h"
#include "shell/MainWindow.h"
#include "shell/Translations.h"
#include "spelling/PersonalDictionary.h"
#include "storage/Database.h"
#include "storage/ProfileStore.h"
#include "templates/PreviewBrowser.h"
#include "templates/TemplateEditor.h"
#include "templates/TemplateLanguageBox.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QContextMenuEvent>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>
#include <QTimer>

using namespace herald;

// Spell checking on the Templates page of the real window: the plain-text body, the HTML body's text and the
// subject underline misspelt words and never {{placeholders}}, URLs or addresses; right-click offers a suggestion
// that replaces the word, and "Add to Dictionary" takes the underline away for good (this profile's dictionary);
// a missing dictionary says which package to install. Screenshots in English, Spanish and French at 1254×784
// (build/screenshots/spelling-*.png).
class TestTemplateSpelling : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<MainWindow> m_window;

    template<typename T> T* find(const char* name) const
    {
        return m_window->findChild<T*>(QString::fromLatin1(name));
    }

    void openTemplatesPage(const QString& language)
    {
        Translations::install(*qApp, language);
        QLocale::setDefault(QLocale(language));
        m_window = std::make_unique<MainWindow>(*m_database, *m_profiles);
        m_window->resize(1254, 784);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->showPage(MainWindow::Templates);
        test::newBlankTemplate(m_window.get());
    }

    // The words the highlighter underlined, block by block.
    static QStringList underlined(QPlainTextEdit* editor)
    {
        QStringList words;
        for (QTextBlock block = editor->document()->begin(); block.isValid(); block = block.next()) {
            for (const QTextLayout::FormatRange& range : block.layout()->formats()) {
                if (range.format.underlineStyle() == QTextCharFormat::SpellCheckUnderline)
                    words << block.text().mid(range.start, range.length);
            }
        }
        return words;
    }

    static QStringList underlined(SpellLineEdit* edit)
    {
        QStringList words;
        for (const WordSpan& word : edit->misspelt())
            words << edit->text().mid(word.start, word.length);
        return words;
    }

    // Right-clicks the middle of `word` in `editor` and runs `choose` on the menu that opens (the menu's exec
    // blocks, so `choose` runs from the event loop while it is open, then closes it).
    static void rightClickWord(QPlainTextEdit* editor, const QString& word, const std::function<void(QMenu*)>& choose)
    {
        const int at = int(editor->toPlainText().indexOf(word));
        QVERIFY(at >= 0);
        QTextCursor cursor(editor->document());
        cursor.setPosition(at + int(word.size()) / 2);
        const QPoint position = editor->cursorRect(cursor).center();
        bool opened = false;
        QTimer::singleShot(0, editor, [&] {
            auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
            opened = menu != nullptr;
            if (menu) {
                choose(menu);
                menu->close();
            }
        });
        QContextMenuEvent event(QContextMenuEvent::Mouse, position, editor->viewport()->mapToGlobal(position));
        QApplication::sendEvent(editor->viewport(), &event);
        QVERIFY(opened);
    }

    static QAction* actionNamed(QMenu* menu, const QString& text)
    {
        for (QAction* action : menu->actions()) {
            if (action->text() == text)
                return action;
        }
        return nullptr;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        test::useTestDesktop(m_dir, QString()); // each test installs its language
        m_database = std::make_unique<Database>(ConnectionProfile::embedded(m_dir.filePath(QStringLiteral("t.sqlite"))));
        const Status opened = m_database->open();
        QVERIFY2(opened.ok(), qPrintable(opened.error().message));
        m_profiles = std::make_unique<ProfileStore>(Config::instance());
    }

    void cleanup() { m_window.reset(); }

    void cleanupTestCase() { m_database.reset(); }

    void underlinesMisspeltWordsOnly()
    {
        openTemplatesPage(QStringLiteral("en"));
        auto* text = find<QPlainTextEdit>("textEdit");
        // "ein" alone would be underlined: {{ ein }} proves placeholders are skipped, not merely spelt right.
        QTest::keyClicks(text, QStringLiteral("Dear {{name}} ({{ ein }}), we recieve gifts at https://example.org/x and "
                                              "jane@example.org. {{ unsubscribe_url }}"));
        QTRY_COMPARE(underlined(text), QStringList{"recieve"});

        auto* html = find<QPlainTextEdit>("htmlEdit");
        QTest::keyClicks(html, QStringLiteral("<p class=\"intro\" title=\"Helo\">Helo {{name}}, <a href=\"{{unsubscribe_url}}\">"
                                              "unsubscribe</a></p>"));
        QTRY_COMPARE(underlined(html), QStringList{"Helo"});

        auto* subject = find<SpellLineEdit>("subjectEdit");
        QVERIFY(subject);
        QTest::keyClicks(subject, QStringLiteral("Spring newz for {{name}}"));
        QCOMPARE(underlined(subject), QStringList{"newz"});
        QVERIFY(!find<QLabel>("spellingLabel")->isVisible());
    }

    void templateLanguageChoosesTheDictionary()
    {
        openTemplatesPage(QStringLiteral("en"));
        auto* text = find<QPlainTextEdit>("textEdit");
        QTest::keyClicks(text, QStringLiteral("Gracias por su ayuda, amigos. Thanks"));
        QTRY_VERIFY2(underlined(text).contains(QStringLiteral("Gracias")), qPrintable(underlined(text).join(u',')));
        QVERIFY(!underlined(text).contains(QStringLiteral("Thanks")));

        auto* language = find<TemplateLanguageBox>("templateLanguageBox");
        QVERIFY(language);
        QCOMPARE(language->language(), QString()); // the interface's, by default
        language->setFocus();
        QTest::keyClick(language, Qt::Key_Down); // English
        QTest::keyClick(language, Qt::Key_Down); // Spanish
        QCOMPARE(language->language(), QStringLiteral("es"));
        QTRY_COMPARE(underlined(text), QStringList{"Thanks"});
        QCOMPARE(m_window->findChild<TemplateEditor*>()->edited(Template()).language, QStringLiteral("es"));

        // A template written in French opens with French spelling, whatever the interface speaks.
        Template french;
        french.language = QStringLiteral("fr");
        french.textBody = QStringLiteral("Merci pour votre aide. Thanks"); // Spanish would flag Merci, pour, votre
        m_window->findChild<TemplateEditor*>()->setContent(french);
        QCOMPARE(language->currentText(), QStringLiteral("Français"));
        QTRY_COMPARE(underlined(text), QStringList{"Thanks"});
    }

    void suggestionReplacesTheWord()
    {
        openTemplatesPage(QStringLiteral("en"));
        auto* text = find<QPlainTextEdit>("textEdit");
        QTest::keyClicks(text, QStringLiteral("We recieve gifts from {{name}}."));
        QTRY_COMPARE(underlined(text), QStringList{"recieve"});
        QStringList offered;
        rightClickWord(text, QStringLiteral("recieve"), [&offered](QMenu* menu) {
            for (QAction* action : menu->actions())
                offered << action->text();
            QAction* receive = actionNamed(menu, QStringLiteral("receive"));
            QVERIFY(receive);
            receive->trigger();
        });
        QVERIFY2(offered.contains(QStringLiteral("Add “recieve” to Dictionary")), qPrintable(offered.join(u'|')));
        QVERIFY2(offered.join(u'|').contains(QLatin1String("Copy")), qPrintable(offered.join(u'|'))); // standard actions too
        QCOMPARE(text->toPlainText(), QStringLiteral("We receive gifts from {{name}}."));
        QTRY_VERIFY(underlined(text).isEmpty());

        // A correct word gets the standard menu only.
        rightClickWord(text, QStringLiteral("gifts"), [](QMenu* menu) {
            QVERIFY(!menu->findChild<QAction*>(QStringLiteral("addToDictionary")));
        });
    }

    void subjectSuggestionReplacesTheWord()
    {
        openTemplatesPage(QStringLiteral("en"));
        auto* subject = find<SpellLineEdit>("subjectEdit");
        QTest::keyClicks(subject, QStringLiteral("Spring newz for {{name}}"));
        QCOMPARE(underlined(subject), QStringList{"newz"});
        // The middle of "newz": the text starts at the left of the contents, after the frame's small margin.
        const QString before = QStringLiteral("Spring ne");
        const QPoint position(subject->contentsRect().left() + subject->textMargins().left() + 2
                                  + subject->fontMetrics().horizontalAdvance(before),
                              subject->height() / 2);
        bool opened = false;
        QTimer::singleShot(0, subject, [&opened] {
            auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
            opened = menu != nullptr;
            if (!menu)
                return;
            if (QAction* news = actionNamed(menu, QStringLiteral("news")))
                news->trigger();
            menu->close();
        });
        QContextMenuEvent event(QContextMenuEvent::Mouse, position, subject->mapToGlobal(position));
        QApplication::sendEvent(subject, &event);
        QVERIFY(opened);
        QCOMPARE(subject->text(), QStringLiteral("Spring news for {{name}}"));
        QVERIFY(underlined(subject).isEmpty());
        subject->undo();
        QCOMPARE(subject->text(), QStringLiteral("Spring newz for {{name}}")); // one undo step
    }

    void addToDictionaryRemovesTheUnderline()
    {
        openTemplatesPage(QStringLiteral("en"));
        auto* text = find<QPlainTextEdit>("textEdit");
        auto* subject = find<SpellLineEdit>("subjectEdit");
        QTest::keyClicks(subject, QStringLiteral("Zorbulonia news"));
        QTest::keyClicks(text, QStringLiteral("Greetings from Zorbulonia."));
        QTRY_COMPARE(underlined(text), QStringList{"Zorbulonia"});
        QCOMPARE(underlined(subject), QStringList{"Zorbulonia"});
        rightClickWord(text, QStringLiteral("Zorbulonia"), [](QMenu* menu) {
            auto* add = menu->findChild<QAction*>(QStringLiteral("addToDictionary"));
            QVERIFY(add);
            add->trigger();
        });
        QTRY_VERIFY(underlined(text).isEmpty());
        QVERIFY(underlined(subject).isEmpty());

        // Kept in this profile's dictionary: a new window does not underline it.
        PersonalDictionary dictionary(m_database->profile().id);
        QVERIFY(dictionary.load().ok());
        QVERIFY(dictionary.contains(QStringLiteral("Zorbulonia")));
        m_window.reset();
        openTemplatesPage(QStringLiteral("en"));
        text = find<QPlainTextEdit>("textEdit");
        QTest::keyClicks(text, QStringLiteral("Zorbulonia is far, recieve"));
        QTRY_COMPARE(underlined(text), QStringList{"recieve"});
    }

    void missingDictionarySaysWhichPackage()
    {
        qputenv("HERALD_HUNSPELL_DIR", QFile::encodeName(m_dir.filePath(QStringLiteral("no-dictionaries"))));
        openTemplatesPage(QStringLiteral("en"));
        qunsetenv("HERALD_HUNSPELL_DIR");
        auto* text = find<QPlainTextEdit>("textEdit");
        QTest::keyClicks(text, QStringLiteral("We recieve gifts."));
        auto* label = find<QLabel>("spellingLabel");
        QTRY_VERIFY(label->isVisible());
        QVERIFY2(label->text().contains(QLatin1String("hunspell-en-us")), qPrintable(label->text()));
        QVERIFY(underlined(text).isEmpty());
    }

    void screenshotsInThreeLanguages_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("subject");
        QTest::addColumn<QString>("html");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("misspelt"); // in the subject, then the HTML body, then the text body
        QTest::newRow("en") << "en" << "Spring newz for {{name}}"
                            << "<p>Dear {{name}},</p>\n<p class=\"intro\">Thank you for suporting our food drive.</p>"
                            << "Dear {{name}},\nThank you for suporting our food drive. Visit https://example.org/spring "
                               "or write to jane@example.org.\nUnsubscribe: {{ unsubscribe_url }}"
                            << QStringList{"newz", "suporting", "suporting"};
        QTest::newRow("es") << "es" << "Notisias de primavera para {{name}}"
                            << "<p>Estimada {{name}}:</p>\n<p class=\"intro\">Grasias por apoyar nuestra campaña.</p>"
                            << "Estimada {{name}}:\nGrasias por apoyar nuestra campaña de alimentos. Visite "
                               "https://example.org/primavera o escriba a jane@example.org.\nBaja: {{ unsubscribe_url }}"
                            << QStringList{"Notisias", "Grasias", "Grasias"};
        QTest::newRow("fr") << "fr" << "Nouvelles du printems pour {{name}}"
                            << "<p>Bonjour {{name}},</p>\n<p class=\"intro\">Merci d'avoir soutenu l'assocation "
                               "aujourd'hui.</p>"
                            << "Bonjour {{name}},\nMerci d'avoir soutenu l'assocation aujourd'hui. Écrivez-nous à "
                               "jane@example.org ou visitez https://example.org/printemps.\nDésinscription : "
                               "{{ unsubscribe_url }}"
                            << QStringList{"printems", "l'assocation", "l'assocation"};
    }

    void screenshotsInThreeLanguages()
    {
        QFETCH(QString, language);
        QFETCH(QString, subject);
        QFETCH(QString, html);
        QFETCH(QString, text);
        QFETCH(QStringList, misspelt);
        openTemplatesPage(language);
        find<QLineEdit>("nameEdit")->setText(QStringLiteral("Spring appeal"));
        auto* subjectEdit = find<SpellLineEdit>("subjectEdit");
        subjectEdit->setText(subject);
        auto* htmlEdit = find<QPlainTextEdit>("htmlEdit");
        htmlEdit->setPlainText(html);
        auto* textEdit = find<QPlainTextEdit>("textEdit");
        textEdit->setPlainText(text);
        QTRY_COMPARE(underlined(subjectEdit) + underlined(htmlEdit) + underlined(textEdit), misspelt);
        // The issues and the preview as a user sees them once typing pauses.
        m_window->findChild<TemplateEditor*>()->validate();
        auto* preview = find<PreviewBrowser>("previewHtml");
        QTRY_VERIFY(preview->toPlainText().contains(text.section(u' ', 0, 0))); // "Dear", "Estimada", "Bonjour"
        test::saveScreenshot(m_window.get(), QStringLiteral("spelling-%1-1254.png").arg(language));
    }
};

QTEST_MAIN(TestTemplateSpelling)
#include "TestTemplateSpelling.moc"
