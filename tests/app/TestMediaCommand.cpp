#include "HeraldCli.h"

#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace herald;

// `herald media import|list` run as the real executable, on both backends.
class TestMediaCommand : public QObject
{
    Q_OBJECT

    using Run = test::HeraldProcess::Run;
    test::HeraldCli m_cli;

    Run herald(QStringList arguments) { return m_cli.run(std::move(arguments)); }

private slots:
    void init()
    {
        const QString problem = m_cli.setUp(QStringLiteral(HERALD_EXECUTABLE));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void cleanup() { m_cli.reset(); }

    void importsScaledAndLists()
    {
        QTemporaryDir dir;
        QImage wide(2000, 500, QImage::Format_RGB32);
        wide.fill(Qt::darkRed);
        const QString banner = dir.filePath(QStringLiteral("banner.jpg"));
        QVERIFY(wide.save(banner, "JPEG", 90));
        const QString notes = dir.filePath(QStringLiteral("notes.png"));
        QFile text(notes);
        QVERIFY(text.open(QIODevice::WriteOnly) && text.write("not an image") > 0);
        text.close();

        const Run imported = herald({QStringLiteral("media"), QStringLiteral("import"), banner});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        QVERIFY2(imported.out.contains(QStringLiteral("1200×300")), qPrintable(imported.out));
        const Run refused = herald({QStringLiteral("media"), QStringLiteral("import"), notes});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QLatin1String("'notes.png'")), qPrintable(refused.err));

        const Run listed = herald({QStringLiteral("media"), QStringLiteral("list"), QStringLiteral("--json")});
        QVERIFY2(listed.exitCode == 0, qPrintable(listed.err));
        const QJsonArray rows = QJsonDocument::fromJson(listed.out.toUtf8()).array();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.at(0)[QStringLiteral("name")].toString(), QStringLiteral("banner.jpg"));
        QCOMPARE(rows.at(0)[QStringLiteral("width")].toInt(), 1200);
        QCOMPARE(rows.at(0)[QStringLiteral("content_type")].toString(), QStringLiteral("image/jpeg"));
        QCOMPARE(herald({QStringLiteral("media"), QStringLiteral("import")}).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestMediaCommand)
#include "TestMediaCommand.moc"
