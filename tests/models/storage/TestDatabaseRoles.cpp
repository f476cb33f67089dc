#include "RoleLogins.h"
#include "SendingFixture.h"
#include "SmtpTestServer.h"
#include "TestDatabase.h"
#include "compliance/GdprService.h"
#include "sending/SendEngine.h"
#include "sending/SendEngineFactory.h"
#include "sending/SendQueue.h"
#include "storage/AuditLogRepository.h"
#include "storage/CampaignRepository.h"
#include "storage/Migrator.h"
#include "storage/NonprofitRepository.h"
#include "storage/ProviderRepository.h"
#include "storage/SendRepository.h"
#include "storage/SuppressionRepository.h"
#include "storage/TemplateRepository.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>
#include <QUuid>

#include <map>
#include <memory>

using namespace herald;

// Roles enforced by PostgreSQL (schema 23, issue 18): one login per group role. What a role may do succeeds through
// Herald's repositories connected as that login; what it may not is refused by the server when tried directly with
// psql, bypassing Herald. PostgreSQL only: SQLite is one person with every right.
class TestDatabaseRoles : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> m_scratch;
    std::unique_ptr<Database> m_owner;
    std::unique_ptr<test::RoleLogins> m_roles;
    QString m_databaseName;
    qint64 m_nonprofitId = 0;
    qint64 m_draftId = 0;

    QString login(const QString& role) const { return m_roles->login(role); }
    Database& as(const QString& role) { return m_roles->as(role); }
    test::RoleLogins::PsqlRun psql(const QString& user, const QString& sql, const QString& database = {})
    {
        return m_roles->psql(user, sql, database);
    }

    // psql as the role's login must fail, and for the reason that the role may not (not a typo in the test).
    void refused(const QString& role, const QString& sql)
    {
        const QString problem = m_roles->whyNotRefused(m_roles->userOf(role), sql);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void allowed(const QString& role, const QString& sql)
    {
        const QString problem = m_roles->whyNotAllowed(m_roles->userOf(role), sql);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    QString ownerValue(const QString& sql) { return m_roles->ownerValue(sql); }

    static Nonprofit nonprofit(const QString& name, const QString& email)
    {
        Nonprofit row;
        row.name = name;
        row.email = email;
        return row;
    }

    static Campaign draft(const QString& name)
    {
        Campaign campaign;
        campaign.name = name;
        campaign.subject = QStringLiteral("Hello {{name}}");
        campaign.textBody = QStringLiteral("Dear {{name}}");
        campaign.fromEmail = QStringLiteral("news@example.org");
        return campaign;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(test::TestDatabase::backendUnderTest() == Backend::Postgres, "TestDatabaseRoles runs on PostgreSQL only");
        m_scratch = std::make_unique<test::TestDatabase>();
        QVERIFY2(m_scratch->isReady(), qPrintable(m_scratch->setupError()));
        m_owner = m_scratch->open();
        m_databaseName = m_scratch->profile().database;
        QCOMPARE(m_owner->schemaVersion(), Migrator::latestVersion(Backend::Postgres));
        m_roles = std::make_unique<test::RoleLogins>(m_scratch->profile());
        const QString created = m_roles->create();
        QVERIFY2(created.isEmpty(), qPrintable(created));
        Nonprofit owned = nonprofit(QStringLiteral("Food Bank"), QStringLiteral("food@example.org"));
        QVERIFY(NonprofitRepository(*m_owner).insert(owned).ok());
        m_nonprofitId = owned.id;
        Campaign campaign = draft(QStringLiteral("Spring appeal"));
        QVERIFY(CampaignRepository(*m_owner).insert(campaign).ok());
        m_draftId = campaign.id;
        QVERIFY(test::SendingFixture::exec(*m_owner, QStringLiteral(
            "INSERT INTO providers (name, kind, host, username, secret_ref) "
            "VALUES ('relay', 'smtp', 'smtp.example.org', 'herald', 'provider/relay')")));
    }

    void cleanupTestCase()
    {
        m_roles.reset(); // closes its connections and drops the logins
        m_owner.reset();
        m_scratch.reset();
    }

    void everyTableIsGrantedToAdmin()
    {
        // Each migration grants what it creates (migrations/README.md); a table nobody decided about shows here.
        QCOMPARE(ownerValue(QStringLiteral(
                     "SELECT string_agg(c.relname, ',') FROM pg_class c WHERE c.relkind IN ('r', 'p', 'v') "
                     "AND c.relnamespace = current_schema()::regnamespace "
                     "AND NOT has_table_privilege('herald_admin', c.oid, 'SELECT')")),
                 QString());
    }

    void viewerReadsAndChangesNothing()
    {
        Database& viewer = as(QStringLiteral("viewer"));
        QVERIFY(NonprofitRepository(viewer).find(m_nonprofitId).ok());
        QVERIFY(CampaignRepository(viewer).find(m_draftId).ok());
        QVERIFY(TemplateRepository(viewer).list().ok());
        // Providers are listed, without the secret reference.
        const auto providers = ProviderRepository(viewer).list();
        QVERIFY2(providers.ok(), qPrintable(providers.error().message));
        QCOMPARE(providers->size(), 1);
        QCOMPARE(providers->first().host, QStringLiteral("smtp.example.org"));
        QCOMPARE(providers->first().secretRef, QString());

        // A change through Herald comes back as a sentence naming the table, not as SQL.
        auto found = NonprofitRepository(viewer).find(m_nonprofitId);
        Nonprofit changed = found.value();
        changed.name = QStringLiteral("Renamed by a viewer");
        const Status refusedUpdate = NonprofitRepository(viewer).update(changed);
        QVERIFY(!refusedUpdate.ok());
        QCOMPARE(refusedUpdate.error().kind, Error::Kind::Permission);
        QVERIFY2(refusedUpdate.error().message.contains(QLatin1String("nonprofits")), qPrintable(refusedUpdate.error().message));
        QVERIFY2(!refusedUpdate.error().message.contains(QLatin1String("UPDATE")), qPrintable(refusedUpdate.error().message));

        refused(QStringLiteral("viewer"), QStringLiteral("UPDATE nonprofits SET name = 'x' WHERE id = %1").arg(m_nonprofitId));
        refused(QStringLiteral("viewer"), QStringLiteral("INSERT INTO campaigns (uuid, name) VALUES ('v', 'v')"));
        refused(QStringLiteral("viewer"), QStringLiteral("INSERT INTO audit_log (action, entity) VALUES ('x', 'y')"));
        refused(QStringLiteral("viewer"), QStringLiteral("SELECT secret_ref FROM providers"));
        refused(QStringLiteral("viewer"), QStringLiteral("SELECT * FROM providers"));
        refused(QStringLiteral("viewer"), QStringLiteral("SELECT selector, public_key FROM dkim_keys"));
    }

    void editorEditsContentAndDraftsOnly()
    {
        Database& editor = as(QStringLiteral("editor"));
        auto found = NonprofitRepository(editor).find(m_nonprofitId);
        QVERIFY(found.ok());
        Nonprofit changed = found.value();
        changed.city = QStringLiteral("Dover");
        const Status updated = NonprofitRepository(editor).update(changed);
        QVERIFY2(updated.ok(), qPrintable(updated.error().message));
        Nonprofit added = nonprofit(QStringLiteral("Library Friends"), QStringLiteral("friends@example.org"));
        const Status inserted = NonprofitRepository(editor).insert(added);
        QVERIFY2(inserted.ok(), qPrintable(inserted.error().message));
        Template letter;
        letter.name = QStringLiteral("Editor's letter");
        letter.subject = QStringLiteral("News");
        letter.textBody = QStringLiteral("Dear {{name}}");
        const Status savedTemplate = TemplateRepository(editor).insert(letter);
        QVERIFY2(savedTemplate.ok(), qPrintable(savedTemplate.error().message));
        Campaign campaign = draft(QStringLiteral("Editor's draft"));
        const Status savedDraft = CampaignRepository(editor).insert(campaign);
        QVERIFY2(savedDraft.ok(), qPrintable(savedDraft.error().message));
        campaign.subject = QStringLiteral("Better subject");
        const Status redrafted = CampaignRepository(editor).update(campaign);
        QVERIFY2(redrafted.ok(), qPrintable(redrafted.error().message));
        Suppression suppression;
        suppression.email = QStringLiteral("gone@example.org");
        const auto suppressed = SuppressionRepository(editor).add(suppression);
        QVERIFY2(suppressed.ok(), qPrintable(suppressed.error().message));

        // Queueing is the sender's: through Herald the status change is a sentence, directly it is refused.
        const auto queued = CampaignRepository(editor).setStatus(campaign.id, CampaignStatus::Draft, CampaignStatus::Sending);
        QVERIFY(!queued.ok());
        QCOMPARE(queued.error().kind, Error::Kind::Permission);
        QVERIFY2(queued.error().message.contains(QLatin1String("campaigns")), qPrintable(queued.error().message));
        refused(QStringLiteral("editor"), QStringLiteral("UPDATE campaigns SET status = 'sending' WHERE id = %1").arg(campaign.id));
        refused(QStringLiteral("editor"), QStringLiteral("INSERT INTO campaigns (uuid, name, status) VALUES ('e', 'e', 'scheduled')"));
        refused(QStringLiteral("editor"), QStringLiteral("INSERT INTO sends (campaign_id, email) VALUES (%1, 'a@example.org')").arg(campaign.id));
        refused(QStringLiteral("editor"), QStringLiteral("DELETE FROM suppressions WHERE email = 'gone@example.org'"));
        refused(QStringLiteral("editor"), QStringLiteral("UPDATE providers SET host = 'evil.example.org'"));
        refused(QStringLiteral("editor"), QStringLiteral("SELECT secret_ref FROM providers"));
        refused(QStringLiteral("editor"), QStringLiteral("SELECT public_key FROM dkim_keys"));
    }

    void senderQueuesButAdministersNothing()
    {
        Database& sender = as(QStringLiteral("sender"));
        Campaign campaign = draft(QStringLiteral("Sender's campaign"));
        QVERIFY(CampaignRepository(sender).insert(campaign).ok());
        auto queued = SendQueue(sender, QStringLiteral("sender-test")).enqueue(campaign.id, Audience());
        QVERIFY2(queued.ok(), qPrintable(queued.error().message));
        const auto moved = CampaignRepository(sender).setStatus(campaign.id, CampaignStatus::Draft, CampaignStatus::Sending);
        QVERIFY2(moved.ok(), qPrintable(moved.error().message));
        const auto paused = CampaignRepository(sender).setStatus(campaign.id, CampaignStatus::Sending, CampaignStatus::Paused);
        QVERIFY2(paused.ok(), qPrintable(paused.error().message));
        const auto counts = SendRepository(sender).countsByStatus(campaign.id);
        QVERIFY2(counts.ok(), qPrintable(counts.error().message));
        QVERIFY(counts->value(SendStatus::Pending) >= 1);

        refused(QStringLiteral("sender"), QStringLiteral("DELETE FROM suppressions"));
        refused(QStringLiteral("sender"), QStringLiteral("UPDATE providers SET host = 'evil.example.org'"));
        refused(QStringLiteral("sender"), QStringLiteral("INSERT INTO dkim_keys (domain, selector, public_key, bits) "
                                                         "VALUES ('example.org', 's', 'k', 2048)"));
        refused(QStringLiteral("sender"), QStringLiteral("SELECT herald_prune_audit(interval '1 year')"));
        refused(QStringLiteral("sender"), QStringLiteral("DROP TABLE sends"));
    }

    void adminAndOwnerCannotRewriteTheAuditLog()
    {
        QVERIFY(AuditLogRepository(*m_owner).record(QStringLiteral("owner"), QStringLiteral("test"), QStringLiteral("audit"), {}).ok());
        for (const QString& role : {QStringLiteral("admin"), QStringLiteral("owner")}) {
            refused(role, QStringLiteral("DELETE FROM audit_log"));
            refused(role, QStringLiteral("UPDATE audit_log SET actor = 'nobody'"));
            refused(role, QStringLiteral("TRUNCATE audit_log"));
        }
        QVERIFY(ownerValue(QStringLiteral("SELECT count(*) FROM audit_log")).toInt() >= 1);
        // Everything else is the admin's.
        allowed(QStringLiteral("admin"), QStringLiteral("UPDATE providers SET host = 'smtp2.example.org' WHERE name = 'relay'"));
        allowed(QStringLiteral("admin"), QStringLiteral("DELETE FROM suppressions WHERE email = 'gone@example.org'"));
        allowed(QStringLiteral("admin"), QStringLiteral("SELECT secret_ref FROM providers"));
    }

    void retentionPrunesOnlyThroughItsFunction()
    {
        QVERIFY(test::SendingFixture::exec(*m_owner, QStringLiteral(
            "INSERT INTO audit_log (at, action, entity) VALUES (now() - interval '400 days', 'ancient', 'audit')")));
        refused(QStringLiteral("admin"), QStringLiteral("DELETE FROM audit_log WHERE action = 'ancient'"));
        const auto pruned = psql(login(QStringLiteral("admin")), QStringLiteral("SELECT herald_prune_audit(interval '365 days')"));
        QVERIFY2(pruned.exitCode == 0, qPrintable(pruned.output));
        QCOMPARE(ownerValue(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'ancient'")), QStringLiteral("0"));
        // The pruning is itself a line, by the admin's login; a day is the least it keeps.
        QCOMPARE(ownerValue(QStringLiteral("SELECT actor FROM audit_log WHERE action = 'prune' ORDER BY id DESC LIMIT 1")),
                 login(QStringLiteral("admin")));
        QVERIFY(psql(login(QStringLiteral("admin")), QStringLiteral("SELECT herald_prune_audit(interval '1 hour')")).exitCode != 0);
        // Outside the function the flag it sets does not help anyone else.
        refused(QStringLiteral("admin"), QStringLiteral("SET herald.audit_maintenance = 'on'; DELETE FROM audit_log"));
    }

    void onlyAnAdminErasesPersonalData()
    {
        Nonprofit person = nonprofit(QStringLiteral("Erase Me"), QStringLiteral("erase.me@example.org"));
        QVERIFY(NonprofitRepository(*m_owner).insert(person).ok());
        QVERIFY(AuditLogRepository(*m_owner).record({}, QStringLiteral("update"), QStringLiteral("nonprofit"),
                                                    QString::number(person.id), QStringLiteral("wrote to erase.me@example.org"))
                    .ok());
        const auto byEditor = GdprService(as(QStringLiteral("editor"))).erase(person.email, {});
        QVERIFY(!byEditor.ok());
        QCOMPARE(byEditor.error().kind, Error::Kind::Permission);
        QVERIFY(NonprofitRepository(*m_owner).find(person.id).ok());

        const auto byAdmin = GdprService(as(QStringLiteral("admin"))).erase(person.email, {});
        QVERIFY2(byAdmin.ok(), qPrintable(byAdmin.error().message));
        QVERIFY(!NonprofitRepository(*m_owner).find(person.id).ok());
        // The audit line kept its place; only the address in it became the hash, through herald_redact_audit.
        QCOMPARE(ownerValue(QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'nonprofit' AND entity_id = '%1' "
                                           "AND detail LIKE '%erase.me%'").arg(person.id)),
                 QStringLiteral("0"));
        QCOMPARE(ownerValue(QStringLiteral("SELECT actor FROM audit_log WHERE action = 'erase' AND entity_id = '%1'").arg(person.id)),
                 login(QStringLiteral("admin")));
    }

    void theAuditActorIsTheLogin_data()
    {
        QTest::addColumn<QString>("role");
        for (const char* role : {"editor", "sender", "admin", "worker"})
            QTest::newRow(role) << QString::fromLatin1(role);
    }
    void theAuditActorIsTheLogin()
    {
        QFETCH(QString, role);
        const auto entry = AuditLogRepository(as(role)).record(QStringLiteral("mallory"), QStringLiteral("claim"),
                                                               QStringLiteral("test"), role);
        QVERIFY2(entry.ok(), qPrintable(entry.error().message));
        QCOMPARE(entry->actor, login(role));
        allowed(role, QStringLiteral("INSERT INTO audit_log (actor, action, entity, entity_id) "
                                     "VALUES ('mallory', 'direct', 'test', '%1')").arg(role));
        QCOMPARE(ownerValue(QStringLiteral("SELECT string_agg(DISTINCT actor, ',') FROM audit_log "
                                           "WHERE entity = 'test' AND entity_id = '%1'").arg(role)),
                 login(role));
    }

    void workerDoesNoDdlAndErasesNothing()
    {
        for (const QString& sql : {QStringLiteral("CREATE TABLE stolen (id int)"), QStringLiteral("DROP TABLE sends"),
                                   QStringLiteral("ALTER TABLE sends ADD COLUMN x int"), QStringLiteral("TRUNCATE sends"),
                                   QStringLiteral("DELETE FROM sends"), QStringLiteral("DELETE FROM nonprofits"),
                                   QStringLiteral("UPDATE nonprofits SET name = 'x'"), QStringLiteral("DELETE FROM campaigns"),
                                   QStringLiteral("UPDATE campaigns SET name = 'x'"),
                                   QStringLiteral("UPDATE providers SET host = 'evil.example.org'"),
                                   QStringLiteral("INSERT INTO nonprofits (name, email) VALUES ('x', 'x@example.org')"),
                                   QStringLiteral("DELETE FROM audit_log")})
            refused(QStringLiteral("worker"), sql);
    }

    void workerSendsACampaignThroughTheEngine()
    {
        test::SmtpTestServer server;
        QVERIFY2(server.start(), qPrintable(server.lastError()));
        QVERIFY(test::SendingFixture::addNonprofits(*m_owner, 40, QStringLiteral("-w")));
        QVERIFY(test::SendingFixture::exec(*m_owner, QStringLiteral("UPDATE providers SET enabled = false")));
        QVERIFY(test::SendingFixture::addSmtpProvider(*m_owner, QStringLiteral("local"), server.port()));
        QVERIFY(test::SendingFixture::addCampaign(*m_owner, 900));
        // The sender queues it, with its own login.
        Database& sender = as(QStringLiteral("sender"));
        auto queued = SendQueue(sender, QStringLiteral("sender-test")).enqueue(900, Audience());
        QVERIFY2(queued.ok(), qPrintable(queued.error().message));
        QVERIFY(CampaignRepository(sender).setStatus(900, CampaignStatus::Draft, CampaignStatus::Sending).ok());
        const int recipients
            = ownerValue(QStringLiteral("SELECT count(*) FROM sends WHERE campaign_id = 900 AND status = 'pending'")).toInt();
        QVERIFY(recipients >= 40);

        // The worker's login runs the real engine: claims, sends, records, housekeeping.
        EngineSettings settings;
        settings.senders = 2;
        settings.recoveryIntervalMs = 200;
        auto created = SendEngineFactory::create(as(QStringLiteral("worker")), settings,
                                                 [](const Provider&) { return QString(); });
        QVERIFY2(created.ok(), qPrintable(created.error().message));
        SendEngine& engine = *created.value();
        QVERIFY(engine.start().ok());
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 60000
               && ownerValue(QStringLiteral("SELECT status FROM campaigns WHERE id = 900")) != QLatin1String("completed"))
            QTest::qWait(100);
        const EngineSnapshot snapshot = engine.snapshot();
        engine.stop();
        QCOMPARE(ownerValue(QStringLiteral("SELECT status FROM campaigns WHERE id = 900")), QStringLiteral("completed"));
        QCOMPARE(ownerValue(QStringLiteral("SELECT count(*) FROM sends WHERE campaign_id = 900 AND status = 'sent'")).toInt(),
                 recipients);
        QVERIFY(server.waitForMessages(recipients));
        QVERIFY2(snapshot.errors == 0, qPrintable(snapshot.lastError));
        QVERIFY(ownerValue(QStringLiteral("SELECT count(*) FROM send_metrics")).toInt() >= 1);
    }

    void aNonOwnerIsAskedToFetchTheOwner()
    {
        // An empty database: the viewer may not create the schema.
        test::TestDatabase empty;
        QVERIFY2(empty.isReady(), qPrintable(empty.setupError()));
        ConnectionProfile profile = empty.profile();
        profile.user = login(QStringLiteral("viewer"));
        Database fresh(profile, m_roles->password());
        const Status opened = fresh.open();
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().kind, Error::Kind::Permission);
        const QString expected = QStringLiteral("This database needs updating to schema %1; ask an administrator (the "
                                                "owner, postgres) to open it with Herald once.")
                                     .arg(Migrator::latestVersion(Backend::Postgres));
        QCOMPARE(opened.error().message, expected);

        // A database one migration behind (as after installing a newer Herald): the admin, not the owner, is told too.
        QVERIFY(test::SendingFixture::exec(*m_owner, QStringLiteral("DELETE FROM schema_migrations WHERE version = %1")
                                                         .arg(Migrator::latestVersion(Backend::Postgres))));
        ConnectionProfile behind = m_scratch->profile();
        behind.user = login(QStringLiteral("admin"));
        Database outdated(behind, m_roles->password());
        const Status reopened = outdated.open();
        QVERIFY(!reopened.ok());
        QCOMPARE(reopened.error().message, expected);
        QVERIFY(test::SendingFixture::exec(*m_owner, QStringLiteral("INSERT INTO schema_migrations (version, name, applied_at) "
                                                                    "VALUES (%1, 'back', '')")
                                                         .arg(Migrator::latestVersion(Backend::Postgres))));
    }
};

QTEST_GUILESS_MAIN(TestDatabaseRoles)
#include "TestDatabaseRoles.moc"
