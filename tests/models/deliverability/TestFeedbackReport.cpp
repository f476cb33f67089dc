#include "compose/UnsubscribeToken.h"
#include "deliverability/FeedbackReport.h"
#include "deliverability/OneClickUnsubscribe.h"

#include <QFile>
#include <QTest>

using namespace herald;

Q_DECLARE_METATYPE(FeedbackReport::Kind)

// Reading what arrives in the feedback mailbox: the samples in tests/data/feedback (RFC 3464 delivery status
// notifications, an RFC 5965 complaint, a mailto: unsubscribe, and messages that are none of these or broken),
// and the one-click unsubscribe form bodies of RFC 8058.
class TestFeedbackReport : public QObject
{
    Q_OBJECT

    static QByteArray sample(const QString& name)
    {
        QFile file(QStringLiteral(HERALD_TEST_DATA_DIR "/feedback/") + name);
        if (!file.open(QIODevice::ReadOnly))
            qWarning("missing sample %s", qPrintable(name));
        return file.readAll()
            .replace("{{RECIPIENT}}", "Someone@Example.NET")
            .replace("{{MESSAGE_ID}}", "send-42.c7@example.org");
    }

private slots:
    void classifiesEachSample_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<FeedbackReport::Kind>("kind");
        QTest::addColumn<QString>("recipient");
        QTest::addColumn<QString>("originalMessageId");
        QTest::addColumn<QString>("statusCode");
        QTest::addColumn<QString>("reportId");
        const QString someone = QStringLiteral("someone@example.net");
        const QString sent = QStringLiteral("send-42.c7@example.org");
        QTest::newRow("hard bounce (Postfix, message/rfc822)")
            << "dsn-hard-bounce.eml" << FeedbackReport::Kind::HardBounce << someone << sent << "5.1.1"
            << "20261123140211.4Zq1k23vXYz9sTL@mx.example.org";
        QTest::newRow("soft bounce (sendmail warning, text/rfc822-headers)")
            << "dsn-soft-bounce.eml" << FeedbackReport::Kind::SoftBounce << someone << sent << "4.2.2"
            << "202611231840.2ANIe2aB031337@relay.example.com";
        QTest::newRow("ARF complaint") << "arf-complaint.eml" << FeedbackReport::Kind::Complaint << someone << sent << "abuse"
                                       << "arf-20261123161103-8c1e@feedback.example.com";
        QTest::newRow("mailto unsubscribe") << "mailto-unsubscribe.eml" << FeedbackReport::Kind::Unsubscribe << someone << sent
                                            << "" << "CAF=unsub-5521@mail.example.net";
        QTest::newRow("out of office") << "not-a-report.eml" << FeedbackReport::Kind::Unrecognised << "" << "" << ""
                                       << "ooo-7781@example.net";
        QTest::newRow("truncated report") << "dsn-truncated.eml" << FeedbackReport::Kind::Unrecognised << "" << "" << ""
                                          << "20261123150000.TRUNCATED@mx.example.org";
        QTest::newRow("bounce of a message Herald did not send")
            << "dsn-unknown-message.eml" << FeedbackReport::Kind::HardBounce << "nobody-herald-mailed@example.net"
            << "handwritten-1@example.org" << "5.1.1" << "20261123150500.STRANGER@mx.example.org";
    }

    void classifiesEachSample()
    {
        QFETCH(QString, file);
        QFETCH(FeedbackReport::Kind, kind);
        QFETCH(QString, recipient);
        QFETCH(QString, originalMessageId);
        QFETCH(QString, statusCode);
        QFETCH(QString, reportId);
        const FeedbackReport report = FeedbackReport::read(sample(file));
        QCOMPARE(FeedbackReport::kindName(report.kind), FeedbackReport::kindName(kind));
        QCOMPARE(report.recipient, recipient);
        QCOMPARE(report.originalMessageId, originalMessageId);
        QCOMPARE(report.statusCode, statusCode);
        QCOMPARE(report.reportId, reportId);
    }

    void aBounceKeepsTheRemoteServersWords()
    {
        const FeedbackReport report = FeedbackReport::read(sample(QStringLiteral("dsn-hard-bounce.eml")));
        QCOMPARE(report.diagnostic, QStringLiteral("550 5.1.1 <Someone@Example.NET>: Recipient address rejected: User unknown "
                                                   "in virtual mailbox table"));
    }

    void notSpamFeedbackIsNoComplaint()
    {
        QByteArray raw = sample(QStringLiteral("arf-complaint.eml"));
        raw.replace("Feedback-Type: abuse", "Feedback-Type: not-spam");
        QCOMPARE(FeedbackReport::read(raw).kind, FeedbackReport::Kind::Unrecognised);
    }

    void aDeliveredNotificationIsNoBounce()
    {
        QByteArray raw = sample(QStringLiteral("dsn-hard-bounce.eml"));
        raw.replace("Action: failed\nStatus: 5.1.1", "Action: delivered\nStatus: 2.0.0");
        QCOMPARE(FeedbackReport::read(raw).kind, FeedbackReport::Kind::Unrecognised);
    }

    void crlfAndBase64AreReadAlike()
    {
        QByteArray raw = sample(QStringLiteral("arf-complaint.eml"));
        // The feedback part base64-encoded, the whole message with CRLF line ends as IMAP delivers it.
        const qsizetype start = raw.indexOf("Feedback-Type:");
        const qsizetype end = raw.indexOf("\n--part1_13d", start);
        const QByteArray fields = raw.mid(start, end - start);
        raw.replace(start, end - start, fields.toBase64() + '\n');
        raw.replace("Content-Type: message/feedback-report\n", "Content-Type: message/feedback-report\nContent-Transfer-Encoding: base64\n");
        raw.replace("\n", "\r\n");
        const FeedbackReport report = FeedbackReport::read(raw);
        QCOMPARE(report.kind, FeedbackReport::Kind::Complaint);
        QCOMPARE(report.recipient, QStringLiteral("someone@example.net"));
        QCOMPARE(report.originalMessageId, QStringLiteral("send-42.c7@example.org"));
    }

    void anUnsubscribeMayCarryTheSignedToken()
    {
        const UnsubscribeToken signer(QByteArrayLiteral("secret"));
        const QString token = signer.issue(7, QStringLiteral("someone@example.net"));
        QByteArray raw = sample(QStringLiteral("mailto-unsubscribe.eml"));
        raw.replace("Subject: unsubscribe", "Subject: unsubscribe " + token.toLatin1());
        const FeedbackReport report = FeedbackReport::read(raw);
        QCOMPARE(report.kind, FeedbackReport::Kind::Unsubscribe);
        QCOMPARE(report.unsubscribeToken, token);
    }

    void oneClickBodies_data()
    {
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("oneClick");
        QTest::newRow("form") << QByteArray("application/x-www-form-urlencoded") << QByteArray("List-Unsubscribe=One-Click") << true;
        QTest::newRow("form, encoded, trailing newline")
            << QByteArray("application/x-www-form-urlencoded; charset=utf-8") << QByteArray("List%2DUnsubscribe=One%2DClick\r\n") << true;
        QTest::newRow("no content type") << QByteArray() << QByteArray("List-Unsubscribe=One-Click") << true;
        QTest::newRow("multipart (as Gmail sends it)")
            << QByteArray("multipart/form-data; boundary=xYzZY")
            << QByteArray("--xYzZY\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\nOne-Click\r\n--xYzZY--\r\n")
            << true;
        QTest::newRow("empty") << QByteArray("application/x-www-form-urlencoded") << QByteArray() << false;
        QTest::newRow("other value") << QByteArray("application/x-www-form-urlencoded") << QByteArray("List-Unsubscribe=Yes") << false;
        QTest::newRow("json") << QByteArray("application/json") << QByteArray("{\"List-Unsubscribe\":\"One-Click\"}") << false;
        QTest::newRow("garbage") << QByteArray("application/x-www-form-urlencoded") << QByteArray("%%%=&&=") << false;
        QTest::newRow("multipart without boundary")
            << QByteArray("multipart/form-data") << QByteArray("List-Unsubscribe=One-Click") << false;
    }

    void oneClickBodies()
    {
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(bool, oneClick);
        QCOMPARE(OneClickUnsubscribe::isOneClickBody(contentType, body), oneClick);
    }
};

QTEST_GUILESS_MAIN(TestFeedbackReport)
#include "TestFeedbackReport.moc"
