#include "ParsedMessage.h"
#include "compose/MessageBuilder.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace herald;

// Messages are parsed back by an independent parser (Python's email package, policy.default).
class TestMessageBuilder : public QObject
{
    Q_OBJECT

    static MessageSpec spec()
    {
        MessageSpec message;
        message.fromName = QStringLiteral("Tafel München e.V.");
        message.fromEmail = QStringLiteral("news@tafel.example.org");
        message.toName = QStringLiteral("Food Bank of Delaware");
        message.toEmail = QStringLiteral("info@fbd.example.org");
        message.replyTo = QStringLiteral("help@tafel.example.org");
        message.subject = QStringLiteral("Grüße zum Jahresende – Spring appeal for Food Bank of Delaware and friends 🎉");
        message.textBody = QStringLiteral("Dear Food Bank,\n\n.a line starting with a dot\nPrice = 5 €\n") + QString(300, QLatin1Char('y'))
            + QStringLiteral("\nUnsubscribe: https://example.org/u?t=abc");
        message.htmlBody = QStringLiteral("<p>Dear Food Bank,</p><p>Price = 5 €</p>") + QString(2000, QLatin1Char('z'));
        message.messageId = MessageBuilder::messageIdFor(17, 3, message.fromEmail);
        message.date = QDateTime(QDate(2026, 11, 23), QTime(9, 0), Qt::UTC);
        message.unsubscribeUrl = QStringLiteral("https://example.org/u?t=abc");
        message.unsubscribeMailto = QStringLiteral("mailto:unsubscribe@tafel.example.org?subject=abc");
        return message;
    }

    static QJsonObject parse(const QByteArray& message) { return test::parseMessage(message); }

private slots:
    void parsesBackWithBothPartsAndUnsubscribeHeaders()
    {
        const MessageSpec input = spec();
        const auto built = MessageBuilder::build(input);
        QVERIFY2(built.ok(), qPrintable(built.error().message));
        const QJsonObject parsed = parse(built.value());
        QCOMPARE(parsed.value(QStringLiteral("content_type")).toString(), QStringLiteral("multipart/alternative"));
        QVERIFY2(parsed.value(QStringLiteral("defects")).toArray().isEmpty(), built.value().constData());
        for (const QByteArray& line : built.value().split('\n'))
            QVERIFY2(line.size() <= 79, line.constData()); // 78 plus the CR
        QVERIFY(!parsed.value(QStringLiteral("bare_lf")).toBool());

        const QJsonObject headers = parsed.value(QStringLiteral("headers")).toObject();
        QCOMPARE(headers.value(QStringLiteral("Subject")).toString(), input.subject);
        QCOMPARE(headers.value(QStringLiteral("From")).toString(), QStringLiteral("\"Tafel München e.V.\" <news@tafel.example.org>"));
        QCOMPARE(headers.value(QStringLiteral("To")).toString(), QStringLiteral("Food Bank of Delaware <info@fbd.example.org>"));
        QCOMPARE(headers.value(QStringLiteral("Message-ID")).toString(), QStringLiteral("<send-17.c3@tafel.example.org>"));
        QCOMPARE(headers.value(QStringLiteral("List-Unsubscribe-Post")).toString(), QStringLiteral("List-Unsubscribe=One-Click"));
        QCOMPARE(headers.value(QStringLiteral("List-Unsubscribe")).toString(),
                 QStringLiteral("<https://example.org/u?t=abc>, <mailto:unsubscribe@tafel.example.org?subject=abc>"));
        QCOMPARE(headers.value(QStringLiteral("Date")).toString(), QStringLiteral("Mon, 23 Nov 2026 09:00:00 +0000"));

        const QJsonArray parts = parsed.value(QStringLiteral("parts")).toArray();
        QCOMPARE(parts.size(), 2);
        QCOMPARE(parts.at(0)[QStringLiteral("content_type")].toString(), QStringLiteral("text/plain"));
        QCOMPARE(parts.at(1)[QStringLiteral("content_type")].toString(), QStringLiteral("text/html"));
        QString text = parts.at(0)[QStringLiteral("content")].toString();
        text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
        QCOMPARE(text.trimmed(), input.textBody);
        QCOMPARE(parts.at(1)[QStringLiteral("content")].toString().trimmed(), input.htmlBody);
        QCOMPARE(parts.at(1)[QStringLiteral("charset")].toString(), QStringLiteral("utf-8"));
    }

    void singlePartWhenOnlyText()
    {
        MessageSpec input = spec();
        input.htmlBody.clear();
        const QJsonObject parsed = parse(MessageBuilder::build(input).value());
        QCOMPARE(parsed.value(QStringLiteral("content_type")).toString(), QStringLiteral("text/plain"));
    }

    // Attachments: multipart/mixed around the alternative (or the single part), base64 lines of 76, file names
    // decoded as written: a plain one quoted, non-ASCII and long ones in RFC 2231 continuations, quotes included.
    void attachmentsParseBackWithTheirNames_data()
    {
        QTest::addColumn<bool>("withHtml");
        QTest::newRow("text and HTML") << true;
        QTest::newRow("text only") << false;
    }

    void attachmentsParseBackWithTheirNames()
    {
        QFETCH(bool, withHtml);
        MessageSpec input = spec();
        if (!withHtml)
            input.htmlBody.clear();
        const QStringList names{QStringLiteral("report.pdf"), QStringLiteral("Résumé \"2026\".pdf"),
                                QStringLiteral("Jahresbericht der Tafel München e.V. für das Jahr 2026 – mit allen "
                                               "Zahlen, Fotos und Danksagungen 🎉.pdf"),
                                QStringLiteral("empty.pdf")};
        for (int i = 0; i < names.size(); ++i) {
            Attachment attachment;
            attachment.fileName = names.at(i);
            attachment.contentType = QStringLiteral("application/pdf");
            for (int b = 0; i < 3 && b < 1000 * (i + 1); ++b)
                attachment.bytes += char((b * 13 + i) % 256);
            input.attachments << attachment;
        }
        const auto built = MessageBuilder::build(input);
        QVERIFY2(built.ok(), qPrintable(built.error().message));
        const QJsonObject parsed = parse(built.value());
        QCOMPARE(parsed.value(QStringLiteral("content_type")).toString(), QStringLiteral("multipart/mixed"));
        QVERIFY2(parsed.value(QStringLiteral("defects")).toArray().isEmpty(), built.value().constData());
        QVERIFY(parsed.value(QStringLiteral("longest_line")).toInt() <= 78);
        QVERIFY(!parsed.value(QStringLiteral("bare_lf")).toBool());
        const QJsonArray parts = parsed.value(QStringLiteral("parts")).toArray();
        const int bodies = withHtml ? 2 : 1;
        QCOMPARE(parts.size(), bodies + names.size());
        QCOMPARE(parts.at(0)[QStringLiteral("content")].toString().replace(QLatin1String("\r\n"), QLatin1String("\n")).trimmed(),
                 input.textBody);
        for (int i = 0; i < names.size(); ++i) {
            const QJsonObject part = parts.at(bodies + i).toObject();
            QCOMPARE(part.value(QStringLiteral("filename")).toString(), names.at(i));
            QCOMPARE(part.value(QStringLiteral("disposition")).toString(), QStringLiteral("attachment"));
            QCOMPARE(part.value(QStringLiteral("sha256")).toString(),
                     QString::fromLatin1(QCryptographicHash::hash(input.attachments.at(i).bytes, QCryptographicHash::Sha256).toHex()));
            QVERIFY(part.value(QStringLiteral("defects")).toArray().isEmpty());
        }
        QVERIFY(built.value().contains("filename=\"report.pdf\""));
        QVERIFY(built.value().contains("filename*0*=UTF-8''Jahresbericht"));
    }

    void headerInjectionIsRefused_data()
    {
        QTest::addColumn<QString>("field");
        QTest::newRow("subject") << "subject";
        QTest::newRow("from name") << "from name";
        QTest::newRow("recipient name") << "recipient name";
        QTest::newRow("unsubscribe URL") << "unsubscribe URL";
    }

    void headerInjectionIsRefused()
    {
        QFETCH(QString, field);
        MessageSpec input = spec();
        const QString evil = QStringLiteral("x\r\nBcc: victim@example.org");
        if (field == QLatin1String("subject"))
            input.subject = evil;
        else if (field == QLatin1String("from name"))
            input.fromName = evil;
        else if (field == QLatin1String("recipient name"))
            input.toName = evil;
        else
            input.unsubscribeUrl = QStringLiteral("https://example.org/\nBcc: v@example.org");
        const auto built = MessageBuilder::build(input);
        QVERIFY(!built.ok());
        QCOMPARE(built.error().field, field);
        QVERIFY(built.error().message.contains(QLatin1String("line break")));
    }

    void invalidRecipientIsNamed()
    {
        MessageSpec input = spec();
        input.toEmail = QStringLiteral("nobody@");
        const auto built = MessageBuilder::build(input);
        QVERIFY(!built.ok());
        QVERIFY2(built.error().message.contains(QLatin1String("'nobody@'")), qPrintable(built.error().message));
    }
};

QTEST_GUILESS_MAIN(TestMessageBuilder)
#include "TestMessageBuilder.moc"
