#include "spelling/PersonalDictionary.h"
#include "spelling/SpellChecker.h"
#include "spelling/SpellLanguage.h"
#include "spelling/SpellingSession.h"
#include "spelling/WordTokenizer.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace herald;

// Spell checking on the system's Hunspell dictionaries (hunspell-en-us, hunspell-es, hunspell-fr): which words
// are checked at all, misspellings and suggestions in three languages, a missing dictionary, and the personal
// dictionary of one profile.
class TestSpelling : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    static QStringList texts(const QString& text, const QList<WordSpan>& spans)
    {
        QStringList words;
        for (const WordSpan& span : spans)
            words << text.mid(span.start, span.length);
        return words;
    }

    SpellingSession::Folders personalIn(const QString& name) const
    {
        return {QString(), m_dir.filePath(name)};
    }

private slots:
    void tokenizerSkipsWhatIsNotProse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("words");
        QTest::newRow("placeholders") << "Dear {{name}}, {{ unsubscribe_url }} {{{raw_html}}} {{#tags}}x{{/tags}}"
                                      << QStringList{"Dear", "x"};
        QTest::newRow("unclosed placeholder while typing") << "Hello {{nam" << QStringList{"Hello"};
        QTest::newRow("urls") << "See https://example.org/x?a=b, http://example.org and www.example.org/page."
                              << QStringList{"See", "and"};
        QTest::newRow("url with placeholder") << "Go to https://example.org/u?id={{id}} now" << QStringList{"Go", "to", "now"};
        QTest::newRow("email") << "Write to jane.doe+news@example.org or mailto:bob@example.org today"
                               << QStringList{"Write", "to", "or", "today"};
        QTest::newRow("numbers and digits") << "In 2026 we raised 1,200.50 for 3rd graders, code A1B2 and snake_case"
                                            << QStringList{"In", "we", "raised", "for", "graders", "code", "and"};
        QTest::newRow("apostrophes") << "don't l'association aujourd’hui 'quoted'"
                                     << QStringList{"don't", "l'association", "aujourd’hui", "quoted"};
        QTest::newRow("accents and hyphens") << "Año organización peut-être élève naïve"
                                             << QStringList{"Año", "organización", "peut-être", "élève", "naïve"};
    }

    void tokenizerSkipsWhatIsNotProse()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, words);
        QCOMPARE(texts(text, WordTokenizer::words(text)), words);
    }

    void htmlTagsCommentsAndStylesAreNotText()
    {
        const QString line = QStringLiteral("<p class=\"recieve\" title='Dear'>Dear {{name}}, caf&eacute; "
                                            "<a href=\"https://example.org\">our wrk</a><!-- draft --> end</p>");
        QCOMPARE(texts(line, WordTokenizer::words(line, WordTokenizer::Markup::Html)),
                 (QStringList{"Dear", "caf", "our", "wrk", "end"}));

        // Line by line, as the highlighter sees blocks: a tag, a comment and a style element over several lines.
        const QStringList lines{"<style>", "p { colr: red }", "</style><p", "  class=\"big\">Hello <!-- note",
                                "still comment --> world</p>"};
        const QList<QStringList> expected{{}, {}, {}, {"Hello"}, {"world"}};
        auto state = WordTokenizer::HtmlState::Text;
        for (int i = 0; i < lines.size(); ++i)
            QCOMPARE(texts(lines.at(i), WordTokenizer::htmlWords(lines.at(i), &state)), expected.at(i));
        QCOMPARE(state, WordTokenizer::HtmlState::Text);
    }

    void wordAtCursor()
    {
        const QString text = QStringLiteral("one twoo three");
        const QList<WordSpan> words = WordTokenizer::words(text);
        QCOMPARE(WordTokenizer::wordAt(words, 5), (WordSpan{4, 4}));
        QCOMPARE(WordTokenizer::wordAt(words, 8), (WordSpan{4, 4})); // just after the word
        QCOMPARE(WordTokenizer::wordAt(words, 3).length, 3); // "one", cursor at its end
    }

    void languageFollowsTemplateThenInterface()
    {
        QCOMPARE(SpellLanguage::dictionaryFor(QString(), QLocale(QLocale::Spanish, QLocale::Mexico)), QStringLiteral("es_ES"));
        QCOMPARE(SpellLanguage::dictionaryFor(QString(), QLocale(QLocale::French)), QStringLiteral("fr_FR"));
        QCOMPARE(SpellLanguage::dictionaryFor(QString(), QLocale(QLocale::German)), QStringLiteral("en_US"));
        QCOMPARE(SpellLanguage::dictionaryFor(QStringLiteral("fr_CA"), QLocale(QLocale::English)), QStringLiteral("fr_FR"));
        QCOMPARE(SpellLanguage::dictionaryFor(QStringLiteral("es"), QLocale(QLocale::French)), QStringLiteral("es_ES"));
    }

    void misspellingsAndSuggestions_data()
    {
        QTest::addColumn<QString>("dictionary");
        QTest::addColumn<QStringList>("correct");
        QTest::addColumn<QString>("misspelt");
        QTest::addColumn<QString>("suggestion");
        QTest::newRow("en") << "en_US" << QStringList{"receive", "don't", "Donors", "well-known"} << "recieve"
                            << "receive";
        QTest::newRow("es") << "es_ES" << QStringList{"organización", "año", "Gracias", "campaña"} << "organizasión"
                            << "organización";
        QTest::newRow("fr") << "fr_FR" << QStringList{"l'association", "aujourd'hui", "aujourd’hui", "peut-être", "élève"}
                            << "assocation" << "association";
    }

    void misspellingsAndSuggestions()
    {
        QFETCH(QString, dictionary);
        QFETCH(QStringList, correct);
        QFETCH(QString, misspelt);
        QFETCH(QString, suggestion);
        const SpellChecker checker(dictionary, SpellLanguage::systemFolder());
        QVERIFY2(checker.isAvailable(), qPrintable(checker.unavailableReason()));
        for (const QString& word : correct)
            QVERIFY2(checker.check(word), qPrintable(word));
        QVERIFY(!checker.check(misspelt));
        const QStringList suggestions = checker.suggest(misspelt);
        QVERIFY2(suggestions.contains(suggestion), qPrintable(suggestions.join(QLatin1Char(','))));
        QVERIFY(suggestions.size() <= SpellChecker::DefaultSuggestions);
    }

    void placeholdersUrlsAndAddressesAreNeverFlagged()
    {
        SpellingSession session(QStringLiteral("local"), personalIn(QStringLiteral("flags")));
        session.setDictionary(QStringLiteral("en_US"));
        // Words that would be flagged on their own, so skipping them is what keeps them unmarked.
        for (const QString word : {"ein", "unsubscribe_url", "janee", "examplee"})
            QVERIFY2(session.isMisspelt(word), qPrintable(word));
        const QString text = QStringLiteral("Dear {{name}} {{ ein }}, we recieve gifts at https://examplee.org/janee "
                                            "and janee@examplee.org; {{ unsubscribe_url }} {{postal_address}} 2026 A1");
        QCOMPARE(texts(text, session.misspelt(text)), QStringList{"recieve"});
        QVERIFY(session.problem().isEmpty());
    }

    void missingDictionaryTurnsCheckingOffWithAReason()
    {
        const SpellChecker checker(QStringLiteral("xx_XX"), m_dir.path());
        QVERIFY(!checker.isAvailable());
        QVERIFY(checker.check(QStringLiteral("recieve"))); // nothing underlined rather than everything
        QVERIFY(checker.suggest(QStringLiteral("recieve")).isEmpty());
        QVERIFY2(checker.unavailableReason().contains(m_dir.filePath(QStringLiteral("xx_XX.aff"))),
                 qPrintable(checker.unavailableReason()));

        SpellingSession session(QStringLiteral("local"), {m_dir.path(), m_dir.filePath(QStringLiteral("missing"))});
        session.setDictionary(QStringLiteral("fr_FR"));
        QVERIFY(session.misspelt(QStringLiteral("assocation")).isEmpty());
        QVERIFY2(session.problem().contains(QLatin1String("hunspell-fr")), qPrintable(session.problem()));
    }

    void personalDictionaryIsKeptPerProfile()
    {
        const QString folder = m_dir.filePath(QStringLiteral("personal"));
        const QString word = QStringLiteral("Zorbulonia");
        {
            SpellingSession session(QStringLiteral("office"), {QString(), folder});
            session.setDictionary(QStringLiteral("en_US"));
            QVERIFY(session.isMisspelt(word));
            QSignalSpy changed(&session, &SpellingSession::changed);
            const Status added = session.addToDictionary(word);
            QVERIFY2(added.ok(), qPrintable(added.error().message));
            QCOMPARE(changed.count(), 1);
            QVERIFY(!session.isMisspelt(word));
        }
        QVERIFY(QFile::exists(PersonalDictionary::pathFor(QStringLiteral("office"), folder)));

        SpellingSession again(QStringLiteral("office"), {QString(), folder});
        again.setDictionary(QStringLiteral("fr_FR")); // the word is the profile's, whatever the language
        QVERIFY(!again.isMisspelt(word));
        SpellingSession other(QStringLiteral("home"), {QString(), folder});
        other.setDictionary(QStringLiteral("en_US"));
        QVERIFY(other.isMisspelt(word));

        PersonalDictionary dictionary(QStringLiteral("office"), folder);
        QVERIFY(dictionary.load().ok());
        QCOMPARE(dictionary.words(), QStringList{word});
        QVERIFY(dictionary.add(word).ok()); // no duplicate line
        QVERIFY(dictionary.load().ok());
        QCOMPARE(dictionary.words(), QStringList{word});
    }

    void unwritableDictionaryIsAnError()
    {
        QFile blocker(m_dir.filePath(QStringLiteral("blocker")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        PersonalDictionary dictionary(QStringLiteral("office"), blocker.fileName()); // a file where a folder should be
        const Status added = dictionary.add(QStringLiteral("Zorbulonia"));
        QVERIFY(!added.ok());
        QVERIFY2(added.error().message.contains(blocker.fileName()), qPrintable(added.error().message));
        QVERIFY(dictionary.words().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSpelling)
#include "TestSpelling.moc"
