#include "HeraldBackend.h"
#include "ImapTestServer.h"
#include "SendingFixture.h"
#include "deliverability/MailboxSettings.h"
#include "storage/SuppressionRepository.h"

#include <QFile>
#include <QJsonArray>
#include <QTest>

using namespace herald;

// `herald intake --once` run as the real executable: it reads the mailbox saved in the database's settings
// (a real Dovecot on loopback), with the password from HERALD_INTAKE_PASSWORD as on a server without a keychain.
class TestIntakeCommand : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::HeraldProcess> m_herald;
    std::unique_ptr<test::HeraldBackend> m_backend;
    std::unique_ptr<test::ImapTestServer> m_imap;

    test::HeraldProcess::Run intake(const QString& password)
    {
        QProcess process;
        QProcessEnvironment env = m_herald->environment();
        env.insert(MailboxSettings::passwordVariable(), password);
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(HERALD_EXECUTABLE),
                      QStringList{QStringLiteral("intake"), QStringLiteral("--once")} + m_backend->profileArguments());
        if (!process.waitForFinished(60000))
            return {};
        return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
    }

private slots:
    void init()
    {
        m_herald = std::make_unique<test::HeraldProcess>(QStringLiteral(HERALD_EXECUTABLE));
        m_backend = std::make_unique<test::HeraldBackend>();
        const QString problem = m_backend->setUp(*m_herald);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        m_imap = std::make_unique<test::ImapTestServer>();
        QVERIFY2(m_imap->start(), qPrintable(m_imap->lastError()));
    }

    void cleanup()
    {
        m_imap.reset();
        m_backend.reset();
        m_herald.reset();
    }

    void aPassSuppressesTheBouncedAddress()
    {
        Database& database = m_backend->database();
        QVERIFY(test::SendingFixture::addCampaign(database));
        QVERIFY(test::SendingFixture::addNonprofits(database, 1));
        QVERIFY(test::SendingFixture::exec(database, QStringLiteral(
            "INSERT INTO sends (campaign_id, nonprofit_id, email, status, message_id)"
            " SELECT 1, id, email, 'sent', 'send-1.c1@example.org' FROM nonprofits")));
        QFile sample(QStringLiteral(HERALD_TEST_DATA_DIR "/feedback/dsn-hard-bounce.eml"));
        QVERIFY(sample.open(QIODevice::ReadOnly));
        QVERIFY(m_imap->deliver(sample.readAll().replace("{{RECIPIENT}}", "org0@example.net").replace("{{MESSAGE_ID}}", "send-1.c1@example.org")));

        MailboxSettings settings;
        settings.host = QStringLiteral("127.0.0.1");
        settings.port = m_imap->port();
        settings.tls = MailboxSettings::Tls::StartTls;
        settings.verifyCertificate = false;
        settings.username = test::ImapTestServer::user();
        QVERIFY(settings.save(database).ok());

        const auto refused = intake(QStringLiteral("wrong"));
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("Feedback mailbox bounces (127.0.0.1:%1)").arg(m_imap->port())), qPrintable(refused.err));

        const auto pass = intake(test::ImapTestServer::password());
        QVERIFY2(pass.exitCode == 0, qPrintable(pass.err));
        QVERIFY2(pass.out.contains(QLatin1String("read 1: 1 hard bounce(s), 0 soft bounce(s), 0 complaint(s)")), qPrintable(pass.out));
        auto suppressed = SuppressionRepository(database).find(QStringLiteral("org0@example.net"));
        QVERIFY2(suppressed, qPrintable(suppressed ? QString() : suppressed.error().message));
        QVERIFY(suppressed->reason == SuppressionReason::HardBounce);
        const QList<QJsonObject> listed = m_imap->listing();
        QCOMPARE(listed.size(), 1);
        QVERIFY(listed.first().value(QStringLiteral("flags")).toArray().contains(QStringLiteral("$HeraldProcessed")));
    }
};

QTEST_GUILESS_MAIN(TestIntakeCommand)
#include "TestIntakeCommand.moc"
