#include "EngagementRows.h"
#include "HeraldProcess.h"
#include "HttpProbe.h"
#include "ImapTestServer.h"
#include "RoleLogins.h"
#include "SendingFixture.h"
#include "TestDatabase.h"
#include "TestImages.h"
#include "compose/UnsubscribeToken.h"
#include "deliverability/MailboxSettings.h"
#include "engagement/TrackingToken.h"
#include "storage/AppSettingsRepository.h"
#include "storage/MediaRepository.h"

#include <QFile>
#include <QTest>
#include <QUrlQuery>

using namespace herald;

// The headless services on a team server log in with roles that may do what they need and nothing else (schema 26).
// `herald serve` faces the internet, as a member of herald_serve: a real serve as such a login answers an open, a
// click, a media image and a one-click unsubscribe, and records them, and gives /metrics; psql as the same login, bypassing Herald, is
// refused everything else. `herald intake` runs on a worker machine as a herald_worker login: it records a bounce and
// a complaint and pauses the campaign whose complaint rate passed the threshold. PostgreSQL only: SQLite is one
// person with every right.
class TestServiceRoles : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> m_scratch;
    std::unique_ptr<Database> m_owner;
    std::unique_ptr<test::RoleLogins> m_roles;
    test::HeraldProcess m_herald{QStringLiteral(HERALD_EXECUTABLE)};
    test::HttpProbe m_http;
    QString m_login;
    quint16 m_port = 0;
    qint64 m_campaignId = 0;
    qint64 m_sendId = 0;
    QByteArray m_secret;
    QString m_mediaSha;

    QString base() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }
    qint64 count(const QString& sql) { return test::SendingFixture::count(*m_owner, sql); }

    QString trackingUrl(TrackingToken::Kind kind, int linkNo) const
    {
        TrackingToken::Claims claims;
        claims.kind = kind;
        claims.campaignId = m_campaignId;
        claims.linkNo = linkNo;
        claims.sendId = m_sendId;
        return TrackingToken(m_secret).url(base(), claims);
    }

    void refused(const QString& sql, const QString& login = {})
    {
        const QString problem = m_roles->whyNotRefused(login.isEmpty() ? m_login : login, sql);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(test::TestDatabase::backendUnderTest() == Backend::Postgres, "TestServiceRoles runs on PostgreSQL only");
        m_scratch = std::make_unique<test::TestDatabase>();
        QVERIFY2(m_scratch->isReady(), qPrintable(m_scratch->setupError()));
        m_owner = m_scratch->open();
        QVERIFY(m_owner);
        m_roles = std::make_unique<test::RoleLogins>(m_scratch->profile());
        m_login = m_roles->createLogin(QStringLiteral("web"), QStringLiteral("serve"));
        QVERIFY(!m_login.isEmpty());

        // What an administrator and a sent campaign left: the public address, a per-recipient tracked campaign with
        // one sent message and one link, an image of the media library.
        m_port = test::HttpProbe::freePort();
        QVERIFY(AppSettingsRepository(*m_owner).setPublicBaseUrl(base()).ok());
        m_secret = AppSettingsRepository(*m_owner).unsubscribeSecret().value();
        test::EngagementRows rows(*m_owner);
        m_campaignId = rows.campaign(QStringLiteral("Spring appeal"), QStringLiteral("per_recipient"));
        const qint64 nonprofitId = rows.nonprofit(QStringLiteral("Food Bank"), QStringLiteral("food@example.org"));
        m_sendId = rows.send(m_campaignId, nonprofitId, QStringLiteral("food@example.org"), QStringLiteral("sent"),
                             QDateTime::currentDateTimeUtc().addSecs(-600));
        rows.link(m_campaignId, 1, QStringLiteral("https://example.org/donate"));
        QVERIFY2(rows.error().isEmpty(), qPrintable(rows.error()));
        const auto logo = MediaRepository(*m_owner).importImage(QStringLiteral("logo.png"), test::imageBytes(40, 20, Qt::red));
        QVERIFY2(logo.ok(), qPrintable(logo.error().message));
        m_mediaSha = logo->image.sha256;

        m_herald.setVariable(QStringLiteral("PGPASSWORD"), m_roles->password());
        QVERIFY(!m_roles->createLogin(QStringLiteral("mailer"), QStringLiteral("worker")).isEmpty());
        for (const auto& [name, login] : {std::pair{"Web", "web"}, std::pair{"Mailer", "mailer"}}) {
            const ConnectionProfile server = m_roles->profile(QLatin1String(login));
            const auto added = m_herald.run({QStringLiteral("profile"), QStringLiteral("add"), QLatin1String(name), QStringLiteral("--host"),
                                             server.host, QStringLiteral("--port"), QString::number(server.port), QStringLiteral("--database"),
                                             server.database, QStringLiteral("--user"), server.user, QStringLiteral("--sslmode"),
                                             QStringLiteral("disable")});
            QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        }
    }

    void cleanupTestCase()
    {
        m_roles.reset();
        m_owner.reset();
        m_scratch.reset();
    }

    void servesAndRecordsAsTheServeRole()
    {
        auto serve = m_herald.start({QStringLiteral("serve"), QStringLiteral("--profile"), QStringLiteral("Web"), QStringLiteral("--listen"),
                                     QStringLiteral("127.0.0.1:%1").arg(m_port), QStringLiteral("--flush-ms"), QStringLiteral("50")});
        QVERIFY(serve->waitForReadyRead(30000));
        const QByteArray started = serve->readLine();
        QVERIFY2(started.startsWith("Listening on"), started.constData());

        QCOMPARE(m_http.get(QUrl(base() + QStringLiteral("/healthz"))).status, 200);
        // The sending figures for Prometheus, which the shipped alert rules read (resources/monitoring).
        const auto metrics = m_http.get(QUrl(base() + QStringLiteral("/metrics")));
        QVERIFY2(metrics.status == 200, metrics.body.constData());
        QVERIFY(metrics.header("Content-Type").startsWith("text/plain; version=0.0.4"));
        for (const char* family : {"# TYPE herald_queue_messages gauge", "# TYPE herald_failure_rate_recent gauge",
                                   "# TYPE herald_provider_circuit gauge"})
            QVERIFY2(metrics.body.contains(family), family);
        QCOMPARE(m_http.request("POST", QUrl(base() + QStringLiteral("/metrics"))).status, 405);
        const auto open = m_http.get(QUrl(trackingUrl(TrackingToken::Kind::Open, 0)));
        QCOMPARE(open.status, 200);
        QCOMPARE(open.header("Content-Type"), QByteArray("image/gif"));
        const auto click = m_http.get(QUrl(trackingUrl(TrackingToken::Kind::Click, 1)));
        QCOMPARE(click.status, 302);
        QCOMPARE(click.header("Location"), QByteArray("https://example.org/donate"));
        const auto image = m_http.get(QUrl(base() + QStringLiteral("/m/%1/logo.png").arg(m_mediaSha)));
        QCOMPARE(image.status, 200);
        QCOMPARE(image.header("Content-Type"), QByteArray("image/png"));
        QUrl unsubscribe(base() + QStringLiteral("/unsubscribe"));
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("t"), UnsubscribeToken(m_secret).issue(m_campaignId, QStringLiteral("food@example.org")));
        unsubscribe.setQuery(query);
        const auto unsubscribed = m_http.request("POST", unsubscribe, "List-Unsubscribe=One-Click");
        QVERIFY2(unsubscribed.status == 200, unsubscribed.body.constData());

        serve->terminate();
        QVERIFY(serve->waitForFinished(30000));
        const QString output = QString::fromUtf8(serve->readAllStandardOutput());
        QVERIFY2(serve->exitCode() == 0, qPrintable(output));
        QVERIFY2(!output.contains(QLatin1String("permission"), Qt::CaseInsensitive), qPrintable(output));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM engagement_events WHERE campaign_id = %1").arg(m_campaignId)), qint64(2));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM suppressions WHERE email = 'food@example.org'")), qint64(1));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM nonprofits WHERE email = 'food@example.org' AND status = 'unsubscribed'")),
                 qint64(1));
    }

    void theServeRoleMayDoNothingElse()
    {
        refused(QStringLiteral("UPDATE campaigns SET status = 'draft' WHERE id = %1").arg(m_campaignId));
        refused(QStringLiteral("INSERT INTO campaigns (uuid, name) VALUES ('s', 's')"));
        refused(QStringLiteral("INSERT INTO sends (campaign_id, email, status) VALUES (%1, 'x@example.org', 'pending')").arg(m_campaignId));
        refused(QStringLiteral("UPDATE nonprofits SET name = 'Renamed' WHERE email = 'food@example.org'"));
        refused(QStringLiteral("DELETE FROM nonprofits"));
        refused(QStringLiteral("DELETE FROM suppressions"));
        refused(QStringLiteral("UPDATE templates SET subject = 'x'"));
        refused(QStringLiteral("SELECT secret_ref FROM providers"));
        refused(QStringLiteral("SELECT * FROM dkim_keys"));
        refused(QStringLiteral("UPDATE app_settings SET value = 'https://evil.example' WHERE key = 'public_base_url'"));
        refused(QStringLiteral("DELETE FROM audit_log"));
        refused(QStringLiteral("SELECT herald_prune_audit(interval '400 days')"));
        refused(QStringLiteral("CREATE TABLE loot (a text)"));

        // The public address stays an administrator's: serve as this login may not move it.
        const auto moved = m_herald.run({QStringLiteral("serve"), QStringLiteral("--profile"), QStringLiteral("Web"), QStringLiteral("--listen"),
                                         QStringLiteral("127.0.0.1:%1").arg(test::HttpProbe::freePort()), QStringLiteral("--public-url"),
                                         QStringLiteral("https://evil.example")});
        QVERIFY(moved.exitCode != 0);
        QVERIFY2(moved.err.contains(QLatin1String("app_settings")) && !moved.err.contains(QLatin1String("ERROR:")), qPrintable(moved.err));
        QCOMPARE(AppSettingsRepository(*m_owner).publicBaseUrl().value(), base());
    }

    void intakeRunsAsAWorker()
    {
        // A campaign still sending, one message sent, and its recipient's complaint in the feedback mailbox.
        test::EngagementRows rows(*m_owner);
        const qint64 campaignId = rows.campaign(QStringLiteral("Autumn appeal"), QStringLiteral("off"), QStringLiteral("sending"));
        const qint64 nonprofitId = rows.nonprofit(QStringLiteral("Shelter"), QStringLiteral("shelter@example.org"));
        const qint64 sendId = rows.send(campaignId, nonprofitId, QStringLiteral("shelter@example.org"), QStringLiteral("sent"),
                                        QDateTime::currentDateTimeUtc().addSecs(-600));
        QVERIFY2(rows.error().isEmpty(), qPrintable(rows.error()));
        const QString messageId = QStringLiteral("send-%1.c%2@example.org").arg(sendId).arg(campaignId);
        QVERIFY(test::SendingFixture::exec(*m_owner, QStringLiteral("UPDATE sends SET message_id = '%1' WHERE id = %2").arg(messageId).arg(sendId)));
        test::ImapTestServer imap;
        QVERIFY2(imap.start(), qPrintable(imap.lastError()));
        QFile complaint(QStringLiteral(HERALD_TEST_DATA_DIR "/feedback/arf-complaint.eml"));
        QVERIFY(complaint.open(QIODevice::ReadOnly));
        QVERIFY(imap.deliver(complaint.readAll().replace("{{RECIPIENT}}", "shelter@example.org").replace("{{MESSAGE_ID}}", messageId.toUtf8())));
        MailboxSettings settings;
        settings.host = QStringLiteral("127.0.0.1");
        settings.port = imap.port();
        settings.tls = MailboxSettings::Tls::StartTls;
        settings.verifyCertificate = false;
        settings.username = test::ImapTestServer::user();
        settings.complaintMinimumSent = 1;
        QVERIFY(settings.save(*m_owner).ok());

        m_herald.setVariable(MailboxSettings::passwordVariable(), test::ImapTestServer::password());
        const auto pass = m_herald.run({QStringLiteral("intake"), QStringLiteral("--once"), QStringLiteral("--profile"), QStringLiteral("Mailer")});
        QVERIFY2(pass.exitCode == 0, qPrintable(pass.err));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM feedback_reports WHERE kind = 'complaint' AND send_id = %1").arg(sendId)), qint64(1));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM suppressions WHERE email = 'shelter@example.org'")), qint64(1));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM campaigns WHERE id = %1 AND status = 'paused'").arg(campaignId)), qint64(1));
        QCOMPARE(m_roles->ownerValue(QStringLiteral("SELECT actor FROM audit_log WHERE action = 'pause' AND entity_id = '%1'").arg(campaignId)),
                 m_roles->login(QStringLiteral("mailer")));
        // What a worker may not: resume the campaign it paused, forget a report, or change a nonprofit's details.
        const QString mailer = m_roles->login(QStringLiteral("mailer"));
        // (row-level security hides a paused campaign from a worker's UPDATE: nothing happens rather than an error)
        m_roles->psql(mailer, QStringLiteral("UPDATE campaigns SET status = 'sending' WHERE id = %1").arg(campaignId));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM campaigns WHERE id = %1 AND status = 'paused'").arg(campaignId)), qint64(1));
        refused(QStringLiteral("DELETE FROM feedback_reports"), mailer);
        refused(QStringLiteral("UPDATE nonprofits SET name = 'x'"), mailer);
    }
};

QTEST_GUILESS_MAIN(TestServiceRoles)
#include "TestServiceRoles.moc"
