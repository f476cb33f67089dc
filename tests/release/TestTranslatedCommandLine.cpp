#include "HeraldProcess.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace herald;

// The real herald executable speaks the language of the system locale, or the one chosen in Settings
// (GUI/Language in its settings file), and English otherwise.
class TestTranslatedCommandLine : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::HeraldProcess> m_herald;

    test::HeraldProcess::Run run(const QStringList& arguments, const QString& lang)
    {
        QProcessEnvironment env = m_herald->environment();
        env.remove(QStringLiteral("LC_ALL"));
        env.remove(QStringLiteral("LC_MESSAGES"));
        env.insert(QStringLiteral("LANG"), lang);
        QProcess process;
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(HERALD_EXECUTABLE), arguments);
        if (!process.waitForFinished(60000))
            return {};
        return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
    }

    void chooseLanguage(const QString& code)
    {
        const QString folder = m_herald->homePath(QStringLiteral("config/Herald"));
        QVERIFY(QDir().mkpath(folder));
        QFile file(QDir(folder).filePath(QStringLiteral("Herald.conf")));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("[GUI]\nLanguage=" + code.toUtf8() + "\n");
    }

private slots:
    void init() { m_herald = std::make_unique<test::HeraldProcess>(QStringLiteral(HERALD_EXECUTABLE)); }

    void followsTheSystemLocale_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::addColumn<QString>("help");
        QTest::addColumn<QString>("unknown");
        QTest::newRow("es") << "es_ES.UTF-8" << "Ejecute 'herald ORDEN --help'" << "Orden desconocida 'frobnicate'";
        QTest::newRow("fr") << "fr_FR.UTF-8" << "Lancez « herald COMMANDE --help »" << "Commande inconnue « frobnicate »";
        QTest::newRow("C") << "C.UTF-8" << "Run 'herald COMMAND --help'" << "Unknown command 'frobnicate'";
        QTest::newRow("de (not translated)") << "de_DE.UTF-8" << "Run 'herald COMMAND --help'" << "Unknown command 'frobnicate'";
    }

    void followsTheSystemLocale()
    {
        QFETCH(QString, lang);
        QFETCH(QString, help);
        QFETCH(QString, unknown);
        const auto helpRun = run({QStringLiteral("--help")}, lang);
        QCOMPARE(helpRun.exitCode, 0);
        QVERIFY2(helpRun.out.contains(help), qPrintable(helpRun.out));
        const auto unknownRun = run({QStringLiteral("frobnicate")}, lang);
        QCOMPARE(unknownRun.exitCode, 2);
        QVERIFY2(unknownRun.err.contains(unknown), qPrintable(unknownRun.err));
    }

    void settingsChoiceWinsOverTheLocale()
    {
        chooseLanguage(QStringLiteral("fr"));
        const auto frenchRun = run({QStringLiteral("frobnicate")}, QStringLiteral("es_ES.UTF-8"));
        QVERIFY2(frenchRun.err.contains(QLatin1String("Commande inconnue")), qPrintable(frenchRun.err));
        chooseLanguage(QString());
        const auto systemRun = run({QStringLiteral("frobnicate")}, QStringLiteral("es_ES.UTF-8"));
        QVERIFY2(systemRun.err.contains(QLatin1String("Orden desconocida")), qPrintable(systemRun.err));
    }
};

QTEST_GUILESS_MAIN(TestTranslatedCommandLine)
#include "TestTranslatedCommandLine.moc"
