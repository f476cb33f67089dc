#include "media/MediaReference.h"

#include <QTest>

using namespace herald;

// How templates name library images: media:NAME sources found by the HTML parser (not in text, comments or
// links), replaced where they stand with the rest of the text untouched, and the served URL that names the bytes.
class TestMediaReference : public QObject
{
    Q_OBJECT

private slots:
    void sourceAndNameRoundTrip_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("plain") << QStringLiteral("logo.png");
        QTest::newRow("space and quote") << QStringLiteral("Spring \"appeal\" 2026.jpg");
        QTest::newRow("accents") << QStringLiteral("Fête d'été.gif");
    }

    void sourceAndNameRoundTrip()
    {
        QFETCH(QString, name);
        const QString source = MediaReference::sourceFor(name);
        QVERIFY(source.startsWith(QLatin1String("media:")));
        QVERIFY(!source.contains(QLatin1Char(' ')) && !source.contains(QLatin1Char('"')) && !source.contains(QLatin1Char('\'')));
        QCOMPARE(MediaReference::nameOf(source), name);
        const QString html = QStringLiteral("<img src=\"%1\" alt=\"x\">").arg(source);
        QCOMPARE(MediaReference::namesIn(html), QStringList{name});
    }

    void namesInFindsImageSourcesOnly()
    {
        const QString html = QStringLiteral(
            "<p>media:text.png is text</p><!-- <img src=\"media:comment.png\"> -->"
            "<a href=\"media:link.png\">a link</a><IMG SRC=\"MEDIA:upper.png\"><img src='media:b.png'>"
            "<img src=\"media:a.png\"><img src=\"media:b.png\"><img src=\"https://example.org/c.png\">"
            "<img src=\"{{logo_url}}\">");
        QCOMPARE(MediaReference::namesIn(html),
                 (QStringList{QStringLiteral("upper.png"), QStringLiteral("b.png"), QStringLiteral("a.png")}));
        QVERIFY(MediaReference::nameOf(QStringLiteral("https://example.org/x.png")).isEmpty());
        QVERIFY(MediaReference::nameOf(QStringLiteral("cid:x")).isEmpty());
    }

    void replaceSourcesKeepsTheRest()
    {
        const QString html = QStringLiteral("<p>Ünïcode {{name}}</p><img src=\"media:a.png\" alt=\"a\">"
                                            "<img alt=\"b\" src='media:b.png'><img src=\"media:unknown.png\">");
        const QString out = MediaReference::replaceSources(
            html, {{QStringLiteral("a.png"), QStringLiteral("cid:img1@herald")},
                   {QStringLiteral("b.png"), QStringLiteral("https://x.example.org/m/ab/b.png?v=1&w=2")}});
        QCOMPARE(out, QStringLiteral("<p>Ünïcode {{name}}</p><img src=\"cid:img1@herald\" alt=\"a\">"
                                     "<img alt=\"b\" src='https://x.example.org/m/ab/b.png?v=1&amp;w=2'>"
                                     "<img src=\"media:unknown.png\">"));
    }

    void publicUrlNamesTheBytes()
    {
        MediaItem item;
        item.name = QStringLiteral("my logo.png");
        item.image.sha256 = QString(64, QLatin1Char('a'));
        QCOMPARE(MediaReference::publicUrl(QStringLiteral("https://mail.example.org/herald//"), item),
                 QStringLiteral("https://mail.example.org/herald/m/%1/my%20logo.png").arg(item.image.sha256));
    }
};

QTEST_GUILESS_MAIN(TestMediaReference)
#include "TestMediaReference.moc"
