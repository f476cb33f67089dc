#include "compose/MimeEncoding.h"

#include <QTest>

using namespace herald;

class TestMimeEncoding : public QObject
{
    Q_OBJECT

private slots:
    void asciiSubjectStaysReadable() { QCOMPARE(MimeEncoding::encodeHeaderText(QStringLiteral("Spring appeal"), 9), QByteArray("Spring appeal")); }

    void nonAsciiSubjectIsEncodedInShortWords()
    {
        const QString subject = QStringLiteral("Grüße an die Tafel Köln – 🎉 ") + QString(40, QChar(0x00e9));
        const QByteArray encoded = MimeEncoding::encodeHeaderText(subject, 9);
        for (const QByteArray& line : encoded.split('\n')) {
            QVERIFY2(line.size() <= 78, line.constData());
        }
        QVERIFY(encoded.startsWith("=?UTF-8?B?"));
        // Decode it back the way a client would: concatenate the words' bytes.
        QByteArray bytes;
        for (QByteArray word : encoded.split('\n')) {
            word = word.trimmed();
            QVERIFY(word.startsWith("=?UTF-8?B?") && word.endsWith("?="));
            bytes += QByteArray::fromBase64(word.mid(10, word.size() - 12));
        }
        QCOMPARE(QString::fromUtf8(bytes), subject);
    }

    void encodedWordLookalikeIsEncoded() { QVERIFY(MimeEncoding::encodeHeaderText(QStringLiteral("=?x?="), 9).startsWith("=?UTF-8?B?")); }

    void displayNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("encoded");
        QTest::newRow("plain") << "Herald Team" << QByteArray("Herald Team");
        QTest::newRow("specials quoted") << "Smith, John (Food Bank)" << QByteArray("\"Smith, John (Food Bank)\"");
        QTest::newRow("quote escaped") << "The \"Best\" Org." << QByteArray("\"The \\\"Best\\\" Org.\"");
        QTest::newRow("non-ascii") << "Tafel München" << QByteArray("=?UTF-8?B?VGFmZWwgTcO8bmNoZW4=?=");
    }

    void displayNames()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, encoded);
        QCOMPARE(MimeEncoding::encodeDisplayName(name), encoded);
    }

    void addressesUseAsciiDomains()
    {
        QCOMPARE(MimeEncoding::formatAddress({}, QStringLiteral("info@bücherei.example")), QByteArray("info@xn--bcherei-n2a.example"));
        QCOMPARE(MimeEncoding::formatAddress(QStringLiteral("Info"), QStringLiteral("i@example.org")), QByteArray("Info <i@example.org>"));
        QVERIFY(MimeEncoding::formatAddress({}, QStringLiteral("jörg@example.org")).isEmpty());
    }

    void quotedPrintable_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QByteArray>("encoded");
        QTest::newRow("plain") << "Hello" << QByteArray("Hello");
        QTest::newRow("equals and utf8") << "a=b ü" << QByteArray("a=3Db =C3=BC");
        QTest::newRow("trailing space") << "end \nnext\t" << QByteArray("end=20\r\nnext=09");
        QTest::newRow("line start dot") << ".\n.x" << QByteArray("=2E\r\n=2Ex");
        QTest::newRow("crlf kept") << "a\r\nb" << QByteArray("a\r\nb");
        QTest::newRow("lone cr and lf") << "a\rb\nc\r" << QByteArray("a\r\nb\r\nc\r\n");
        // 75 octets fill a line (76 with the soft break's '='); the dot that follows starts the next line.
        QTest::newRow("dot after a soft break") << QString(75, QLatin1Char('x')) + QStringLiteral(".y")
                                                << QByteArray(75, 'x') + "=\r\n=2Ey";
        QTest::newRow("escape that does not fit") << QString(73, QLatin1Char('x')) + QStringLiteral("=")
                                                  << QByteArray(73, 'x') + "=\r\n=3D";
        QTest::newRow("space before a break, then text") << "a \r\n b" << QByteArray("a=20\r\n b");
    }

    void quotedPrintable()
    {
        QFETCH(QString, text);
        QFETCH(QByteArray, encoded);
        QCOMPARE(MimeEncoding::quotedPrintable(text), encoded);
    }

    void quotedPrintableLinesAreShort()
    {
        const QByteArray encoded = MimeEncoding::quotedPrintable(QString(500, QLatin1Char('x')) + QString(300, QChar(0x00fc)));
        for (const QByteArray& line : encoded.split('\n'))
            QVERIFY2(line.trimmed().size() <= 76, line.constData());
    }

    void dateIsRfc5322() { QCOMPARE(MimeEncoding::rfc5322Date(QDateTime(QDate(2026, 11, 23), QTime(8, 5, 9), Qt::UTC)), QByteArray("Mon, 23 Nov 2026 08:05:09 +0000")); }
};

QTEST_GUILESS_MAIN(TestMimeEncoding)
#include "TestMimeEncoding.moc"
