#include "ImapTestServer.h"
#include "SendingFixture.h"
#include "SmtpTestServer.h"
#include "TestDatabase.h"
#include "deliverability/FeedbackIntake.h"
#include "sending/SendEngineFactory.h"
#include "storage/AuditLogRepository.h"
#include "storage/FeedbackRepository.h"
#include "storage/SuppressionRepository.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QTest>

using namespace herald;

// The bounce and complaint intake against a real Dovecot on loopback (STARTTLS), on both backends. The
// campaign is really sent first, through the engine to the SMTP test server, and the sample reports in
// tests/data/feedback name those messages' Message-IDs and recipients.
class TestFeedbackIntake : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> m_scratch;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<test::SmtpTestServer> m_smtp;
    std::unique_ptr<test::ImapTestServer> m_imap;
    QHash<QString, QString> m_messageIdByEmail;

    qint64 count(const QString& sql) { return test::SendingFixture::count(*m_database, sql); }

    static QByteArray sample(const QString& name, const QString& recipient, const QString& messageId)
    {
        QFile file(QStringLiteral(HERALD_TEST_DATA_DIR "/feedback/") + name);
        if (!file.open(QIODevice::ReadOnly))
            qWarning("missing sample %s", qPrintable(name));
        return file.readAll().replace("{{RECIPIENT}}", recipient.toUtf8()).replace("{{MESSAGE_ID}}", messageId.toUtf8());
    }

    QByteArray sampleFor(const QString& name, int org) const
    {
        const QString email = QStringLiteral("org%1@example.net").arg(org);
        return sample(name, email, m_messageIdByEmail.value(email));
    }

    MailboxSettings mailbox() const
    {
        MailboxSettings settings;
        settings.host = QStringLiteral("127.0.0.1");
        settings.port = m_imap->port();
        settings.tls = MailboxSettings::Tls::StartTls;
        settings.verifyCertificate = false; // the test server's certificate is self-signed
        settings.username = test::ImapTestServer::user();
        settings.password = test::ImapTestServer::password();
        return settings;
    }

    // Sends campaign 1 to `recipients` nonprofits for real and remembers each message's Message-ID.
    void sendCampaign(int recipients)
    {
        QVERIFY(test::SendingFixture::addNonprofits(*m_database, recipients));
        QVERIFY(test::SendingFixture::addSmtpProvider(*m_database, QStringLiteral("local"), m_smtp->port()));
        QVERIFY(test::SendingFixture::startCampaign(*m_database));
        EngineSettings settings;
        settings.senders = 2;
        settings.flushIntervalMs = 20;
        auto engine = SendEngineFactory::create(*m_database, settings, [](const Provider&) { return QString(); });
        QVERIFY2(engine, qPrintable(engine.error().message));
        QVERIFY(engine.value()->start().ok());
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 30000 && count(QStringLiteral("SELECT count(*) FROM campaigns WHERE id = 1 AND status = 'completed'")) != 1)
            QTest::qWait(50);
        engine.value()->stop();
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sends WHERE status = 'sent'")), qint64(recipients));
        QVERIFY(m_smtp->waitForMessages(recipients));
        // The Message-IDs as the recipients' servers saw them, which is what reports quote.
        for (const QJsonObject& message : m_smtp->messages()) {
            const QString email = message.value(QStringLiteral("rcpt_tos")).toArray().first().toString();
            QString id = message.value(QStringLiteral("message_id")).toString();
            id.remove(QLatin1Char('<')).remove(QLatin1Char('>'));
            m_messageIdByEmail.insert(email, id);
        }
        QCOMPARE(m_messageIdByEmail.size(), recipients);
    }

    QString suppressionReason(const QString& email)
    {
        auto found = SuppressionRepository(*m_database).find(email);
        return found ? toString(found->reason) : QString();
    }

private slots:
    void init()
    {
        m_scratch = std::make_unique<test::TestDatabase>();
        QVERIFY2(m_scratch->isReady(), qPrintable(m_scratch->setupError()));
        m_database = m_scratch->open();
        QVERIFY(test::SendingFixture::addCampaign(*m_database));
        m_smtp = std::make_unique<test::SmtpTestServer>();
        QVERIFY2(m_smtp->start(), qPrintable(m_smtp->lastError()));
        m_imap = std::make_unique<test::ImapTestServer>();
        QVERIFY2(m_imap->start(), qPrintable(m_imap->lastError()));
        m_messageIdByEmail.clear();
    }

    void cleanup()
    {
        m_imap.reset();
        m_smtp.reset();
        m_database.reset();
        m_scratch.reset();
    }

    void eachReportIsClassifiedMatchedAndFlagged()
    {
        sendCampaign(6);
        QVERIFY(m_imap->deliver(sampleFor(QStringLiteral("dsn-hard-bounce.eml"), 0)));
        QVERIFY(m_imap->deliver(sampleFor(QStringLiteral("dsn-soft-bounce.eml"), 1)));
        QVERIFY(m_imap->deliver(sampleFor(QStringLiteral("arf-complaint.eml"), 2)));
        QVERIFY(m_imap->deliver(sampleFor(QStringLiteral("mailto-unsubscribe.eml"), 3)));
        QVERIFY(m_imap->deliver(sampleFor(QStringLiteral("not-a-report.eml"), 4)));
        QVERIFY(m_imap->deliver(sampleFor(QStringLiteral("dsn-truncated.eml"), 5)));
        QVERIFY(m_imap->deliver(sampleFor(QStringLiteral("dsn-unknown-message.eml"), 5)));

        FeedbackIntake intake(*m_database, mailbox(), QByteArrayLiteral("secret"));
        auto pass = intake.runOnce();
        QVERIFY2(pass, qPrintable(pass.error().message));
        QCOMPARE(pass->read, 7);
        QCOMPARE(pass->hardBounces, 1);
        QCOMPARE(pass->softBounces, 1);
        QCOMPARE(pass->complaints, 1);
        QCOMPARE(pass->unsubscribes, 1);
        QCOMPARE(pass->unmatched, 1);     // the bounce of a message a person sent by hand
        QCOMPARE(pass->unrecognised, 2);  // the out-of-office reply and the truncated report
        QVERIFY(pass->pausedCampaigns.isEmpty());

        QCOMPARE(suppressionReason(QStringLiteral("org0@example.net")), QStringLiteral("hard_bounce"));
        QCOMPARE(suppressionReason(QStringLiteral("org1@example.net")), QString()); // soft: only counted
        QCOMPARE(suppressionReason(QStringLiteral("org2@example.net")), QStringLiteral("complaint"));
        QCOMPARE(suppressionReason(QStringLiteral("org3@example.net")), QStringLiteral("unsubscribed"));
        QCOMPARE(suppressionReason(QStringLiteral("org4@example.net")), QString());
        QCOMPARE(suppressionReason(QStringLiteral("nobody-herald-mailed@example.net")), QString());
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM suppressions")), qint64(3));
        auto source = SuppressionRepository(*m_database).find(QStringLiteral("org0@example.net"));
        QVERIFY(source);
        QVERIFY2(source->source.startsWith(QStringLiteral("bounce 5.1.1: 550 5.1.1")), qPrintable(source->source));
        QVERIFY2(source->source.endsWith(QStringLiteral("(campaign #1)")), qPrintable(source->source));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM nonprofits WHERE email = 'org0@example.net' AND status = 'bounced'")), qint64(1));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM nonprofits WHERE email = 'org2@example.net' AND status = 'complained'")), qint64(1));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM nonprofits WHERE email = 'org3@example.net' AND status = 'unsubscribed'")), qint64(1));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM nonprofits WHERE email = 'org1@example.net' AND status = 'active'")), qint64(1));

        auto figures = FeedbackRepository(*m_database).campaignFeedback(1);
        QVERIFY2(figures, qPrintable(figures.error().message));
        QCOMPARE(figures->sent, qint64(6));
        QCOMPARE(figures->hardBounces, qint64(1));
        QCOMPARE(figures->softBounces, qint64(1));
        QCOMPARE(figures->complaints, qint64(1));
        QCOMPARE(figures->unsubscribes, qint64(1));
        QCOMPARE(figures->complaintRate(), 1.0 / 6.0);

        // Nothing deleted; everything flagged; what was not understood is still unread for a person.
        const QList<QJsonObject> listed = m_imap->listing();
        QCOMPARE(listed.size(), 7);
        QSet<QString> unread;
        for (const QJsonObject& message : listed) {
            const QJsonArray flags = message.value(QStringLiteral("flags")).toArray();
            QVERIFY2(flags.contains(QStringLiteral("$HeraldProcessed")), qPrintable(message.value(QStringLiteral("message_id")).toString()));
            if (!flags.contains(QStringLiteral("\\Seen")))
                unread << message.value(QStringLiteral("message_id")).toString();
        }
        QCOMPARE(unread, (QSet<QString>{QStringLiteral("<ooo-7781@example.net>"), QStringLiteral("<20261123150000.TRUNCATED@mx.example.org>"),
                                        QStringLiteral("<20261123150500.STRANGER@mx.example.org>")}));

        // The next pass finds nothing new; the figures stay as they are.
        auto again = intake.runOnce();
        QVERIFY2(again, qPrintable(again.error().message));
        QCOMPARE(again->read, 0);
        QCOMPARE(FeedbackRepository(*m_database).campaignFeedback(1)->complaints, qint64(1));
    }

    void aReportReadTwiceCountsOnce()
    {
        sendCampaign(2);
        FeedbackIntake intake(*m_database, mailbox(), QByteArrayLiteral("secret"));
        IntakeSummary summary;
        bool matched = false;
        const QByteArray complaint = sampleFor(QStringLiteral("arf-complaint.eml"), 1);
        QCOMPARE(intake.apply(complaint, &summary, &matched).value(), FeedbackReport::Kind::Complaint);
        QVERIFY(matched);
        QCOMPARE(intake.apply(complaint, &summary, &matched).value(), FeedbackReport::Kind::Complaint);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM feedback_reports")), qint64(1));
        QCOMPARE(FeedbackRepository(*m_database).campaignFeedback(1)->complaints, qint64(1));
    }

    void aCampaignPausesItselfWhenItsComplaintRatePassesTheLimit()
    {
        sendCampaign(20);
        // More recipients join the audience and the campaign is sending again: 20 sent, 5 still queued.
        QVERIFY(test::SendingFixture::addNonprofits(*m_database, 5, QString(), 20));
        QVERIFY(test::SendingFixture::startCampaign(*m_database));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sends WHERE status = 'pending'")), qint64(5));

        QVERIFY(m_imap->deliver(sampleFor(QStringLiteral("arf-complaint.eml"), 7)));
        MailboxSettings settings = mailbox();
        settings.complaintMinimumSent = 20; // 1 complaint in 20 sent: 5 %, far above 0.3 %
        FeedbackIntake intake(*m_database, settings, QByteArrayLiteral("secret"));
        auto pass = intake.runOnce();
        QVERIFY2(pass, qPrintable(pass.error().message));
        QCOMPARE(pass->complaints, 1);
        QCOMPARE(pass->pausedCampaigns, QList<qint64>{1});
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM campaigns WHERE id = 1 AND status = 'paused'")), qint64(1));
        auto audit = AuditLogRepository(*m_database).listFor(QStringLiteral("campaign"), QStringLiteral("1"));
        QVERIFY(audit);
        QVERIFY(!audit->isEmpty());
        QCOMPARE(audit->first().action, QStringLiteral("pause"));
        QVERIFY2(audit->first().detail.contains(QStringLiteral("complaint rate 5.00 % (1 of 20 sent) passed 0.30 %")),
                 qPrintable(audit->first().detail));
    }

    void belowTheMinimumSampleOneComplaintDoesNotPause()
    {
        sendCampaign(20);
        QVERIFY(test::SendingFixture::addNonprofits(*m_database, 5, QString(), 20));
        QVERIFY(test::SendingFixture::startCampaign(*m_database));
        QVERIFY(m_imap->deliver(sampleFor(QStringLiteral("arf-complaint.eml"), 7)));
        FeedbackIntake intake(*m_database, mailbox(), QByteArrayLiteral("secret")); // default: 1,000 sent at least
        auto pass = intake.runOnce();
        QVERIFY2(pass, qPrintable(pass.error().message));
        QCOMPARE(pass->complaints, 1);
        QVERIFY(pass->pausedCampaigns.isEmpty());
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM campaigns WHERE id = 1 AND status = 'sending'")), qint64(1));
    }

    void aWrongPasswordNamesTheMailbox()
    {
        MailboxSettings settings = mailbox();
        settings.password = QStringLiteral("wrong");
        FeedbackIntake intake(*m_database, settings, QByteArrayLiteral("secret"));
        auto pass = intake.runOnce();
        QVERIFY(!pass);
        QCOMPARE(pass.error().kind, Error::Kind::Authentication);
        QVERIFY2(pass.error().message.contains(QStringLiteral("bounces (127.0.0.1:%1)").arg(m_imap->port())),
                 qPrintable(pass.error().message));
    }
};

QTEST_GUILESS_MAIN(TestFeedbackIntake)
#include "TestFeedbackIntake.moc"
