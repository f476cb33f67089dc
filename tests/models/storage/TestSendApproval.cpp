#include "HeraldProcess.h"
#include "RoleLogins.h"
#include "SendingFixture.h"
#include "TestDatabase.h"
#include "sending/CampaignLauncher.h"
#include "storage/CampaignApprovalRepository.h"
#include "storage/CampaignRepository.h"
#include "storage/SegmentRepository.h"
#include "storage/SenderIdentityRepository.h"
#include "storage/TemplateRepository.h"

#include <QTest>

#include <memory>

using namespace herald;

// Approval of large sends (schema 24, issue 18), enforced by PostgreSQL: with the threshold on, a sender's campaign to
// more recipients cannot be queued or scheduled, through Herald (a sentence) or directly with psql (refused), until
// another sender approves it; its author may not; a change of template, audience or sender withdraws it. Real logins
// per role (RoleLogins) and the real herald executable for `herald campaign approve`.
class TestSendApproval : public QObject
{
    Q_OBJECT

    static constexpr int Nonprofits = 5;
    static constexpr int Threshold = 3;

    std::unique_ptr<test::TestDatabase> m_scratch;
    std::unique_ptr<Database> m_owner;
    std::unique_ptr<test::RoleLogins> m_roles;
    std::unique_ptr<test::HeraldProcess> m_herald;
    qint64 m_templateId = 0;
    qint64 m_otherTemplateId = 0;
    qint64 m_identityId = 0;
    qint64 m_otherIdentityId = 0;
    qint64 m_segmentId = 0;

    Database& as(const QString& role) { return m_roles->as(role); }
    QString login(const QString& role) const { return m_roles->login(role); }
    QString ownerValue(const QString& sql) const { return m_roles->ownerValue(sql); }

    // psql as the role's login must fail, for the reason given (not a typo in the test).
    void refused(const QString& role, const QString& sql, const QString& reason)
    {
        const QString problem = m_roles->whyNotRefused(m_roles->userOf(role), sql, reason);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void allowed(const QString& role, const QString& sql)
    {
        const QString problem = m_roles->whyNotAllowed(m_roles->userOf(role), sql);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    qint64 addTemplate(const QString& name)
    {
        Template letter;
        letter.name = name;
        letter.subject = QStringLiteral("Dear {{name}}");
        letter.htmlBody = QStringLiteral("<p>Hi {{name}}</p><a href=\"{{unsubscribe_url}}\">u</a> {{postal_address}}");
        letter.textBody = QStringLiteral("Hi {{name}} {{unsubscribe_url}} {{postal_address}}");
        const Status added = TemplateRepository(*m_owner).insert(letter);
        return added ? letter.id : 0;
    }

    qint64 addIdentity(const QString& name)
    {
        SenderIdentity identity;
        identity.name = name;
        identity.fromName = QStringLiteral("Dover Library");
        identity.fromEmail = QStringLiteral("news@example.org");
        identity.postalAddress = QStringLiteral("1 Main St, Dover, DE 19901");
        identity.unsubscribeBaseUrl = QStringLiteral("https://example.org/u");
        const Status added = SenderIdentityRepository(*m_owner).insert(identity);
        return added ? identity.id : 0;
    }

    // A draft to every active nonprofit, written by `role`.
    Campaign draftBy(const QString& role, const QString& name)
    {
        Campaign campaign;
        campaign.name = name;
        campaign.templateId = m_templateId;
        campaign.senderIdentityId = m_identityId;
        campaign.createdBy = QStringLiteral("mallory"); // the client's claim, which the database ignores
        const Status added = CampaignRepository(as(role)).insert(campaign);
        if (!added)
            qWarning("%s", qPrintable(added.error().message));
        return campaign;
    }

    QString statusOf(qint64 campaignId) { return ownerValue(QStringLiteral("SELECT status FROM campaigns WHERE id = %1").arg(campaignId)); }
    QString sendsOf(qint64 campaignId) { return ownerValue(QStringLiteral("SELECT count(*) FROM sends WHERE campaign_id = %1").arg(campaignId)); }

    Status setThreshold(std::optional<int> threshold) { return CampaignApprovalRepository(as(QStringLiteral("admin"))).setThreshold(threshold); }

    // Approved by the second sender through Herald.
    void approveAsOtherSender(qint64 campaignId)
    {
        auto campaign = CampaignRepository(as(QStringLiteral("sender2"))).find(campaignId);
        QVERIFY(campaign.ok());
        const Status approved = CampaignApprovalRepository(as(QStringLiteral("sender2"))).approve(campaign.value(), Nonprofits);
        QVERIFY2(approved.ok(), qPrintable(approved.error().message));
    }

    // Queueing through Herald as the author is refused with the sentence, and nothing is queued.
    void queueRefused(qint64 campaignId)
    {
        auto queued = CampaignLauncher(as(QStringLiteral("sender"))).sendNow(campaignId);
        QVERIFY(!queued.ok());
        QCOMPARE(queued.error().kind, Error::Kind::Validation);
        QVERIFY2(queued.error().message.contains(QStringLiteral("Waiting for approval from a sender or administrator other than %1")
                                                     .arg(login(QStringLiteral("sender")))),
                 qPrintable(queued.error().message));
        QCOMPARE(statusOf(campaignId), QStringLiteral("draft"));
        QCOMPARE(sendsOf(campaignId), QStringLiteral("0"));
    }

    test::HeraldProcess::Run herald(const QString& role, QStringList arguments)
    {
        return m_herald->run(arguments << QStringLiteral("--profile") << role, m_roles->password());
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(test::TestDatabase::backendUnderTest() == Backend::Postgres, "TestSendApproval runs on PostgreSQL only");
        m_scratch = std::make_unique<test::TestDatabase>();
        QVERIFY2(m_scratch->isReady(), qPrintable(m_scratch->setupError()));
        m_owner = m_scratch->open();
        QVERIFY(m_owner);
        m_roles = std::make_unique<test::RoleLogins>(m_scratch->profile());
        const QString created = m_roles->create();
        QVERIFY2(created.isEmpty(), qPrintable(created));
        QVERIFY(!m_roles->createLogin(QStringLiteral("sender2"), QStringLiteral("sender")).isEmpty());
        QVERIFY(test::SendingFixture::addNonprofits(*m_owner, Nonprofits));
        m_templateId = addTemplate(QStringLiteral("Appeal"));
        m_otherTemplateId = addTemplate(QStringLiteral("Other appeal"));
        m_identityId = addIdentity(QStringLiteral("Office"));
        m_otherIdentityId = addIdentity(QStringLiteral("Board"));
        QVERIFY(m_templateId > 0 && m_otherTemplateId > 0 && m_identityId > 0 && m_otherIdentityId > 0);
        Segment everyone;
        everyone.name = QStringLiteral("Everyone");
        QVERIFY(SegmentRepository(*m_owner).insert(everyone).ok());
        m_segmentId = everyone.id;

        // The CLI as two people: the author (sender) and another sender.
        m_herald = std::make_unique<test::HeraldProcess>(QStringLiteral(HERALD_EXECUTABLE));
        const ConnectionProfile server = m_scratch->profile();
        for (const char* role : {"sender", "sender2"}) {
            const auto added = m_herald->run({QStringLiteral("profile"), QStringLiteral("add"), QLatin1String(role),
                                              QStringLiteral("--host"), server.host, QStringLiteral("--port"),
                                              QString::number(server.port), QStringLiteral("--database"), server.database,
                                              QStringLiteral("--user"), login(QLatin1String(role)),
                                              QStringLiteral("--sslmode"), QStringLiteral("disable")});
            QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        }
    }

    void cleanupTestCase()
    {
        m_herald.reset();
        m_roles.reset();
        m_owner.reset();
        m_scratch.reset();
    }

    void offByDefaultSoASenderQueuesFreely()
    {
        QCOMPARE(ownerValue(QStringLiteral("SELECT coalesce(threshold::text, 'off') FROM approval_settings")), QStringLiteral("off"));
        const Campaign campaign = draftBy(QStringLiteral("sender"), QStringLiteral("Free"));
        auto queued = CampaignLauncher(as(QStringLiteral("sender"))).sendNow(campaign.id);
        QVERIFY2(queued.ok(), qPrintable(queued.error().message));
        QCOMPARE(queued->pending, qint64(Nonprofits));
        QCOMPARE(statusOf(campaign.id), QStringLiteral("sending"));
    }

    void theAuthorIsTheLogin()
    {
        const Campaign bySender = draftBy(QStringLiteral("sender"), QStringLiteral("Authored"));
        QCOMPARE(ownerValue(QStringLiteral("SELECT created_by FROM campaigns WHERE id = %1").arg(bySender.id)), login(QStringLiteral("sender")));
        const Campaign byEditor = draftBy(QStringLiteral("editor"), QStringLiteral("Edited"));
        QCOMPARE(ownerValue(QStringLiteral("SELECT created_by FROM campaigns WHERE id = %1").arg(byEditor.id)), login(QStringLiteral("editor")));
        // Claiming somebody else's campaign (to approve it oneself) changes nothing; an administrator may reassign it.
        allowed(QStringLiteral("sender2"), QStringLiteral("UPDATE campaigns SET created_by = 'mallory' WHERE id = %1").arg(bySender.id));
        allowed(QStringLiteral("editor"), QStringLiteral("UPDATE campaigns SET created_by = 'mallory' WHERE id = %1").arg(byEditor.id));
        QCOMPARE(ownerValue(QStringLiteral("SELECT created_by FROM campaigns WHERE id = %1").arg(bySender.id)), login(QStringLiteral("sender")));
        QCOMPARE(ownerValue(QStringLiteral("SELECT created_by FROM campaigns WHERE id = %1").arg(byEditor.id)), login(QStringLiteral("editor")));
        allowed(QStringLiteral("admin"), QStringLiteral("UPDATE campaigns SET created_by = 'mallory' WHERE id = %1").arg(byEditor.id));
        QCOMPARE(ownerValue(QStringLiteral("SELECT created_by FROM campaigns WHERE id = %1").arg(byEditor.id)), QStringLiteral("mallory"));
        // The move's setting (herald.moving, DatabaseCopier) keeps a given author for an administrator only.
        const QString moved = QStringLiteral("BEGIN; SET LOCAL herald.moving = 'on'; INSERT INTO campaigns (uuid, name, created_by) "
                                             "VALUES ('%1', '%1', 'mallory'); COMMIT;");
        allowed(QStringLiteral("sender"), moved.arg(QStringLiteral("moved-by-sender")));
        QCOMPARE(ownerValue(QStringLiteral("SELECT created_by FROM campaigns WHERE uuid = 'moved-by-sender'")), login(QStringLiteral("sender")));
        allowed(QStringLiteral("admin"), moved.arg(QStringLiteral("moved-by-admin")));
        QCOMPARE(ownerValue(QStringLiteral("SELECT created_by FROM campaigns WHERE uuid = 'moved-by-admin'")), QStringLiteral("mallory"));
    }

    void onlyAnAdministratorSetsTheThreshold()
    {
        for (const char* role : {"editor", "sender", "worker"})
            refused(QLatin1String(role), QStringLiteral("UPDATE approval_settings SET threshold = NULL"), QStringLiteral("permission denied"));
        const Status bySender = CampaignApprovalRepository(as(QStringLiteral("sender"))).setThreshold(1);
        QVERIFY(!bySender.ok());
        QCOMPARE(bySender.error().kind, Error::Kind::Permission);
        const Status set = setThreshold(Threshold);
        QVERIFY2(set.ok(), qPrintable(set.error().message));
        auto read = CampaignApprovalRepository(as(QStringLiteral("viewer"))).threshold();
        QVERIFY(read.ok());
        QCOMPARE(read->value_or(-1), Threshold);
        QCOMPARE(ownerValue(QStringLiteral("SELECT actor || ': ' || detail FROM audit_log WHERE action = 'approval threshold' "
                                           "ORDER BY id DESC LIMIT 1")),
                 login(QStringLiteral("admin")) + QStringLiteral(": more than 3 recipients need approval"));
    }

    void aLargeCampaignWaitsForAnotherSender()
    {
        const Campaign campaign = draftBy(QStringLiteral("sender"), QStringLiteral("Large"));
        queueRefused(campaign.id);
        const Status scheduled = CampaignLauncher(as(QStringLiteral("sender"))).schedule(campaign.id, QDateTime::currentDateTimeUtc().addDays(1));
        QVERIFY(!scheduled.ok());
        QVERIFY2(scheduled.error().message.contains(QLatin1String("Waiting for approval")), qPrintable(scheduled.error().message));
        QCOMPARE(statusOf(campaign.id), QStringLiteral("draft"));

        // Bypassing Herald: every way into the sending lifecycle is refused by the server.
        const QString sql = QStringLiteral("INSERT INTO sends (campaign_id, nonprofit_id, email) SELECT %1, id, email FROM nonprofits; ").arg(campaign.id);
        refused(QStringLiteral("sender"), QStringLiteral("BEGIN; %1 UPDATE campaigns SET status = 'sending' WHERE id = %2; COMMIT").arg(sql).arg(campaign.id),
                QStringLiteral("needs approval"));
        refused(QStringLiteral("sender"), QStringLiteral("BEGIN; %1 UPDATE campaigns SET status = 'paused' WHERE id = %2; COMMIT").arg(sql).arg(campaign.id),
                QStringLiteral("needs approval"));
        refused(QStringLiteral("sender"), QStringLiteral("UPDATE campaigns SET status = 'scheduled', scheduled_at = now() + interval '1 day' "
                                                         "WHERE id = %1").arg(campaign.id),
                QStringLiteral("needs approval"));
        refused(QStringLiteral("sender"), QStringLiteral("INSERT INTO campaigns (uuid, name, status, scheduled_at) VALUES ('s', 's', 'scheduled', now() + interval '1 day')"),
                QStringLiteral("needs approval"));
        // Sends added by hand to a campaign that left drafts empty (0 recipients, under the threshold).
        const Campaign empty = draftBy(QStringLiteral("sender"), QStringLiteral("Empty"));
        allowed(QStringLiteral("sender"), QStringLiteral("UPDATE campaigns SET status = 'sending' WHERE id = %1").arg(empty.id));
        refused(QStringLiteral("sender"), QStringLiteral("INSERT INTO sends (campaign_id, nonprofit_id, email) SELECT %1, id, email FROM nonprofits").arg(empty.id),
                QStringLiteral("needs approval"));
        QCOMPARE(statusOf(campaign.id), QStringLiteral("draft"));
        QCOMPARE(sendsOf(campaign.id), QStringLiteral("0"));

        // Its author may not approve it, nor may an editor; the CLI says so in a sentence.
        const Status own = CampaignApprovalRepository(as(QStringLiteral("sender"))).approve(campaign, Nonprofits);
        QVERIFY(!own.ok());
        QVERIFY2(own.error().message.contains(QLatin1String("You wrote campaign 'Large'")), qPrintable(own.error().message));
        refused(QStringLiteral("sender"), QStringLiteral("SELECT herald_approve_campaign(%1)").arg(campaign.id), QStringLiteral("may not approve it"));
        refused(QStringLiteral("editor"), QStringLiteral("SELECT herald_approve_campaign(%1)").arg(campaign.id), QStringLiteral("permission denied"));
        const auto ownByCli = herald(QStringLiteral("sender"), {QStringLiteral("campaign"), QStringLiteral("approve"), QString::number(campaign.id)});
        QCOMPARE(ownByCli.exitCode, 1);
        QVERIFY2(ownByCli.err.contains(QLatin1String("may not approve it")), qPrintable(ownByCli.err));
        const auto sendByCli = herald(QStringLiteral("sender"), {QStringLiteral("campaign"), QStringLiteral("send"), QString::number(campaign.id)});
        QCOMPARE(sendByCli.exitCode, 1);
        QVERIFY2(sendByCli.err.contains(QLatin1String("Waiting for approval")), qPrintable(sendByCli.err));
        QVERIFY2(!sendByCli.err.contains(QLatin1String("ERROR")), qPrintable(sendByCli.err));

        // Another sender approves with the CLI: recorded with the login as actor, and the author may queue.
        const auto approved = herald(QStringLiteral("sender2"), {QStringLiteral("campaign"), QStringLiteral("approve"), QString::number(campaign.id)});
        QVERIFY2(approved.exitCode == 0, qPrintable(approved.err));
        QVERIFY2(approved.out.contains(QStringLiteral("approved by %1 (5 recipients)").arg(login(QStringLiteral("sender2")))), qPrintable(approved.out));
        QCOMPARE(ownerValue(QStringLiteral("SELECT approved_by || ' ' || audience_count || ' ' || template_id FROM campaign_approvals "
                                           "WHERE campaign_id = %1").arg(campaign.id)),
                 QStringLiteral("%1 5 %2").arg(login(QStringLiteral("sender2"))).arg(m_templateId));
        QCOMPARE(ownerValue(QStringLiteral("SELECT actor FROM audit_log WHERE action = 'approve' AND entity_id = '%1'").arg(campaign.id)),
                 login(QStringLiteral("sender2")));
        auto queued = CampaignLauncher(as(QStringLiteral("sender"))).sendNow(campaign.id);
        QVERIFY2(queued.ok(), qPrintable(queued.error().message));
        QCOMPARE(statusOf(campaign.id), QStringLiteral("sending"));
        QCOMPARE(sendsOf(campaign.id), QString::number(Nonprofits));
    }

    void aChangeWithdrawsTheApproval_data()
    {
        QTest::addColumn<QString>("change");
        QTest::newRow("template") << QStringLiteral("template");
        QTest::newRow("segment") << QStringLiteral("segment");
        QTest::newRow("identity") << QStringLiteral("identity");
        QTest::newRow("template edited") << QStringLiteral("template edited");
    }

    void aChangeWithdrawsTheApproval()
    {
        QFETCH(QString, change);
        Campaign campaign = draftBy(QStringLiteral("sender"), QStringLiteral("Changed ") + change);
        approveAsOtherSender(campaign.id);
        auto state = CampaignApprovalRepository(as(QStringLiteral("sender"))).state(campaign);
        QVERIFY(state.ok() && state->approval);
        QCOMPARE(state->approval->approvedBy, login(QStringLiteral("sender2")));
        QVERIFY(!state->mayApprove); // the author
        if (change == QLatin1String("template edited")) {
            auto found = TemplateRepository(as(QStringLiteral("editor"))).find(m_templateId);
            QVERIFY(found.ok());
            Template letter = found.value();
            letter.subject = QStringLiteral("Dear {{name}}, again");
            QVERIFY(TemplateRepository(as(QStringLiteral("editor"))).update(letter).ok());
        } else {
            if (change == QLatin1String("template"))
                campaign.templateId = m_otherTemplateId;
            if (change == QLatin1String("segment")) {
                campaign.segmentId = m_segmentId;
                campaign.audience = Campaign::audienceFor(m_segmentId);
            }
            if (change == QLatin1String("identity"))
                campaign.senderIdentityId = m_otherIdentityId;
            const Status saved = CampaignRepository(as(QStringLiteral("sender"))).update(campaign);
            QVERIFY2(saved.ok(), qPrintable(saved.error().message));
        }
        state = CampaignApprovalRepository(as(QStringLiteral("sender"))).state(campaign);
        QVERIFY(state.ok());
        QVERIFY(!state->approval);
        QVERIFY(ownerValue(QStringLiteral("SELECT actor FROM audit_log WHERE action = 'approval withdrawn' AND entity_id = '%1'").arg(campaign.id))
                == login(QLatin1String(change == QLatin1String("template edited") ? "editor" : "sender")));
        queueRefused(campaign.id);
        refused(QStringLiteral("sender"), QStringLiteral("UPDATE campaigns SET status = 'scheduled', scheduled_at = now() + interval '1 day' "
                                                         "WHERE id = %1").arg(campaign.id),
                QStringLiteral("needs approval"));
    }

    void aScheduledCampaignWhoseApprovalWasWithdrawnIsADraftAgain()
    {
        Campaign campaign = draftBy(QStringLiteral("sender"), QStringLiteral("Scheduled"));
        approveAsOtherSender(campaign.id);
        const Status scheduled = CampaignLauncher(as(QStringLiteral("sender"))).schedule(campaign.id, QDateTime::currentDateTimeUtc().addDays(1));
        QVERIFY2(scheduled.ok(), qPrintable(scheduled.error().message));
        // A sender changes who it is from while it waits (senders may change a scheduled campaign), then it is due.
        allowed(QStringLiteral("sender"), QStringLiteral("UPDATE campaigns SET sender_identity_id = %1, scheduled_at = now() - interval '1 minute' "
                                                         "WHERE id = %2").arg(m_otherIdentityId).arg(campaign.id));
        auto started = CampaignLauncher(as(QStringLiteral("worker"))).startDueCampaigns(QStringLiteral("worker"));
        QVERIFY(!started.ok());
        QVERIFY2(started.error().message.contains(QLatin1String("Waiting for approval")), qPrintable(started.error().message));
        QCOMPARE(statusOf(campaign.id), QStringLiteral("draft"));
        QCOMPARE(sendsOf(campaign.id), QStringLiteral("0"));
    }

    void offAgainQueuesFreely()
    {
        QVERIFY(setThreshold(std::nullopt).ok());
        const Campaign campaign = draftBy(QStringLiteral("sender"), QStringLiteral("Free again"));
        auto queued = CampaignLauncher(as(QStringLiteral("sender"))).sendNow(campaign.id);
        QVERIFY2(queued.ok(), qPrintable(queued.error().message));
    }
};

QTEST_GUILESS_MAIN(TestSendApproval)
#include "TestSendApproval.moc"
