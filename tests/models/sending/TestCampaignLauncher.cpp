#include "DatabaseTestCase.h"
#include "SendingFixture.h"
#include "SmtpTestServer.h"
#include "sending/SendEngine.h"
#include "sending/providers/SmtpTransport.h"
#include "sending/CampaignLauncher.h"
#include "sending/SendQueue.h"
#include "storage/CampaignRepository.h"
#include "storage/SegmentRepository.h"
#include "storage/SenderIdentityRepository.h"
#include "storage/SuppressionRepository.h"
#include "storage/TemplateRepository.h"

#include <QSqlQuery>
#include <QJsonArray>
#include <QTest>

using namespace herald;

// Taking a campaign out of drafts: the checks and their named errors, the snapshot of the template version and
// the sender identity, queueing now, scheduling, and startDueCampaigns() starting what is due
// (with the same checks: a campaign that fails them is refused, not queued).
class TestCampaignLauncher : public test::DatabaseTestCase
{
    Q_OBJECT

    Template m_template;
    SenderIdentity m_identity;

    qint64 count(const QString& sql) { return test::SendingFixture::count(database(), sql); }

    Campaign draft(const QString& name, const QString& audience = {})
    {
        Campaign campaign;
        campaign.name = name;
        campaign.templateId = m_template.id;
        campaign.senderIdentityId = m_identity.id;
        campaign.audience = audience;
        const Status stored = CampaignRepository(database()).insert(campaign);
        if (!stored.ok())
            qWarning("%s", qPrintable(stored.error().message));
        return campaign;
    }

    // Moves a scheduled campaign's time into the past, as if the clock had run on.
    void makeDue(qint64 id)
    {
        QSqlQuery query(database().connection());
        query.prepare(QStringLiteral("UPDATE campaigns SET scheduled_at = :at WHERE id = :id"));
        query.bindValue(QStringLiteral(":at"),
                        SqlDialect(database().backend()).timestamp(QDateTime::currentDateTimeUtc().addSecs(-60)));
        query.bindValue(QStringLiteral(":id"), id);
        QVERIFY(query.exec());
    }

    // A send engine on our SMTP test server that looks for due campaigns every 100 ms.
    std::unique_ptr<SendEngine> engineOn(int port, const QString& owner = {})
    {
        Provider provider;
        provider.name = QStringLiteral("local");
        provider.host = QStringLiteral("127.0.0.1");
        provider.port = port;
        provider.tls = Provider::Tls::None;
        provider.ratePerSecond = 1000;
        auto pool = std::make_shared<ProviderPool>(QList<Provider>{provider}, [](const Provider& entry) {
            return std::unique_ptr<MailTransport>(std::make_unique<SmtpTransport>(SmtpSettings::fromProvider(entry, {})));
        });
        EngineSettings settings;
        settings.recoveryIntervalMs = 100;
        settings.owner = owner;
        return std::make_unique<SendEngine>(database(), settings, pool, QByteArrayLiteral("secret"));
    }

    void seed()
    {
        m_template = Template();
        m_template.name = QStringLiteral("Gala invitation");
        m_template.subject = QStringLiteral("Join us, {{name}}");
        m_template.textBody = QStringLiteral("Dear {{name}},\n{{postal_address}}\n{{unsubscribe_url}}");
        QVERIFY(TemplateRepository(database()).insert(m_template).ok());
        m_template.subject = QStringLiteral("You are invited, {{name}}");
        QVERIFY(TemplateRepository(database()).update(m_template).ok()); // version 2
        m_identity = SenderIdentity();
        m_identity.name = QStringLiteral("Office");
        m_identity.fromName = QStringLiteral("Friends");
        m_identity.fromEmail = QStringLiteral("news@friends.example.org");
        m_identity.postalAddress = QStringLiteral("1 Main St, Dover");
        m_identity.unsubscribeBaseUrl = QStringLiteral("https://friends.example.org/u");
        QVERIFY(SenderIdentityRepository(database()).insert(m_identity).ok());
        QVERIFY(test::SendingFixture::addNonprofits(database(), 5));
        Suppression suppression;
        suppression.email = QStringLiteral("org2@example.net");
        QVERIFY(SuppressionRepository(database()).add(suppression).ok());
    }

private slots:
    void sendNowSnapshotsAndQueues()
    {
        seed();
        const Campaign campaign = draft(QStringLiteral("Gala"));
        QVERIFY(campaign.id > 0);
        const auto queued = CampaignLauncher(database()).sendNow(campaign.id);
        QVERIFY2(queued.ok(), qPrintable(queued.error().message));
        QCOMPARE(queued->pending, qint64(4));
        QCOMPARE(queued->suppressed, qint64(1));

        const auto stored = CampaignRepository(database()).find(campaign.id);
        QVERIFY(stored->status == CampaignStatus::Sending);
        QCOMPARE(stored->templateVersion, 2);
        QCOMPARE(stored->subject, QStringLiteral("You are invited, {{name}}"));
        QCOMPARE(stored->fromEmail, QStringLiteral("news@friends.example.org"));
        QCOMPARE(stored->postalAddress, QStringLiteral("1 Main St, Dover"));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sends WHERE status = 'pending'")), qint64(4));

        // Only drafts are queued: a second press does nothing and says why.
        const auto again = CampaignLauncher(database()).sendNow(campaign.id);
        QCOMPARE(again.error().kind, Error::Kind::Conflict);
        QVERIFY(again.error().message.contains(QLatin1String("sending")));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sends")), qint64(5));
        // Issue 18: the send is in the audit log, once.
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'send' AND entity = 'campaign' "
                                      "AND entity_id = '%1' AND detail = '''Gala'': 4 queued'").arg(campaign.id)),
                 qint64(1));
    }

    void refusesWithTheFieldAtFault()
    {
        seed();
        Campaign campaign = draft(QStringLiteral("No sender"));
        campaign.senderIdentityId = 0;
        QVERIFY(CampaignRepository(database()).update(campaign).ok());
        auto refused = CampaignLauncher(database()).sendNow(campaign.id);
        QCOMPARE(refused.error().field, QStringLiteral("sender_identity_id"));
        QVERIFY(refused.error().message.contains(QLatin1String("No sender")));

        m_identity.postalAddress.clear();
        QVERIFY(SenderIdentityRepository(database()).update(m_identity).ok());
        campaign.senderIdentityId = m_identity.id;
        QVERIFY(CampaignRepository(database()).update(campaign).ok());
        refused = CampaignLauncher(database()).sendNow(campaign.id);
        QCOMPARE(refused.error().field, QStringLiteral("postal_address"));

        Template broken = m_template;
        broken.textBody = QStringLiteral("Dear {{name}} {{unsubscribe_url}}"); // no postal address
        QVERIFY(TemplateRepository(database()).update(broken).ok());
        refused = CampaignLauncher(database()).sendNow(campaign.id);
        QCOMPARE(refused.error().field, QStringLiteral("template_id"));
        QVERIFY2(refused.error().message.contains(QLatin1String("Gala invitation")), qPrintable(refused.error().message));

        // Nothing was queued and the campaign is still a draft.
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sends")), qint64(0));
        QVERIFY(CampaignRepository(database()).find(campaign.id)->status == CampaignStatus::Draft);
    }

    void cancelLeavesTheDraftAsItWas()
    {
        seed();
        const Campaign campaign = draft(QStringLiteral("Changed my mind"));
        const auto cancelled = CampaignLauncher(database()).sendNow(campaign.id, [] { return true; });
        QCOMPARE(cancelled.error().kind, Error::Kind::Cancelled);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sends")), qint64(0));
        const auto stored = CampaignRepository(database()).find(campaign.id);
        QVERIFY(stored->status == CampaignStatus::Draft);
        QCOMPARE(stored->templateVersion, 0); // the snapshot was rolled back too
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'campaign'")), qint64(0));
    }

    void startDueCampaignsStartsOnlyWhatIsDue()
    {
        seed();
        Segment segment;
        segment.name = QStringLiteral("Org 1");
        segment.definition.searchText = QStringLiteral("org1@");
        QVERIFY(SegmentRepository(database()).insert(segment).ok());

        const Campaign later = draft(QStringLiteral("Later"));
        const Campaign due = draft(QStringLiteral("Due"), QStringLiteral("{\"segment\":%1}").arg(segment.id));
        const QDateTime tomorrow = QDateTime::currentDateTimeUtc().addDays(1);
        CampaignLauncher launcher(database());
        QVERIFY(launcher.schedule(later.id, tomorrow).ok());
        QVERIFY(launcher.schedule(due.id, QDateTime::currentDateTimeUtc().addSecs(30)).ok());
        QVERIFY(CampaignRepository(database()).find(due.id)->status == CampaignStatus::Scheduled);
        QCOMPARE(CampaignRepository(database()).find(later.id)->scheduledAt, tomorrow);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sends")), qint64(0)); // nothing queued yet

        CampaignLauncher scheduler(database());
        QCOMPARE(scheduler.startDueCampaigns(QStringLiteral("test")).value(), 0);
        makeDue(due.id);
        const auto started = scheduler.startDueCampaigns(QStringLiteral("test"));
        QVERIFY2(started.ok(), qPrintable(started.error().message));
        QCOMPARE(started.value(), 1);
        QVERIFY(CampaignRepository(database()).find(due.id)->status == CampaignStatus::Sending);
        QVERIFY(CampaignRepository(database()).find(later.id)->status == CampaignStatus::Scheduled);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sends WHERE campaign_id = %1 AND status = 'pending'")
                           .arg(due.id)),
                 qint64(1)); // the segment's one address
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sends")), qint64(1));
        QCOMPARE(scheduler.startDueCampaigns(QStringLiteral("test")).value(), 0); // started once only
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'schedule'")), qint64(2));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'start' AND entity_id = '%1'")
                           .arg(due.id)),
                 qint64(1));
    }

    void aDueCampaignWhoseSegmentIsGoneReturnsToDraft()
    {
        seed();
        Segment segment;
        segment.name = QStringLiteral("Short-lived");
        QVERIFY(SegmentRepository(database()).insert(segment).ok());
        const Campaign orphan = draft(QStringLiteral("Orphan"), QStringLiteral("{\"segment\":%1}").arg(segment.id));
        const Campaign fine = draft(QStringLiteral("Fine"));
        CampaignLauncher launcher(database());
        QVERIFY(launcher.schedule(orphan.id, QDateTime::currentDateTimeUtc().addSecs(30)).ok());
        QVERIFY(launcher.schedule(fine.id, QDateTime::currentDateTimeUtc().addSecs(30)).ok());
        makeDue(orphan.id);
        makeDue(fine.id);
        QVERIFY(SegmentRepository(database()).remove(segment.id).value());

        const auto started = CampaignLauncher(database()).startDueCampaigns(QStringLiteral("test"));
        QVERIFY(!started.ok());
        QVERIFY2(started.error().message.contains(QLatin1String("'Orphan'")), qPrintable(started.error().message));
        QVERIFY(CampaignRepository(database()).find(orphan.id)->status == CampaignStatus::Draft);
        QVERIFY(CampaignRepository(database()).find(fine.id)->status == CampaignStatus::Sending);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sends WHERE campaign_id = %1").arg(fine.id)), qint64(5));
    }

    // The dispatcher's periodic recovery step starts due campaigns: a scheduled campaign goes out by itself.
    void theEngineStartsAScheduledCampaignWhenItIsDue()
    {
        seed();
        test::SmtpTestServer server;
        QVERIFY2(server.start(), qPrintable(server.lastError()));
        const Campaign campaign = draft(QStringLiteral("Timed"));
        QVERIFY(CampaignLauncher(database()).schedule(campaign.id, QDateTime::currentDateTimeUtc().addSecs(30)).ok());
        auto engine = engineOn(server.port());
        QVERIFY(engine->start().ok());
        QTest::qWait(400); // several recovery steps: not due yet, nothing goes out
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sends")), qint64(0));
        makeDue(campaign.id);
        QVERIFY2(server.waitForMessages(4, 15000), qPrintable(engine->snapshot().lastError));
        QTRY_COMPARE_WITH_TIMEOUT(count(QStringLiteral("SELECT count(*) FROM sends WHERE status = 'sent'")), qint64(4),
                                  10000);
        engine->stop();
        QCOMPARE(server.messages().size(), 4); // the suppressed address got nothing
    }

    // Issue 15 (4.7): a scheduled campaign whose sender went bad after it was scheduled is refused when it is
    // due, by the engine's scheduler with the Send button's checks: nothing queued (no row fails one by one), a
    // draft again, and the check's message recorded for the Campaigns page and on the engine's error.
    void theEngineRefusesADueCampaignWithAnInvalidSender_data()
    {
        QTest::addColumn<QString>("spoil");
        QTest::addColumn<QString>("expected");
        QTest::newRow("invalid from") << QStringLiteral("UPDATE campaigns SET from_email = 'news@@friends.example.org' WHERE id = %1")
                                      << QStringLiteral("news@@friends.example.org");
        QTest::newRow("no postal address") << QStringLiteral("UPDATE campaigns SET postal_address = '' WHERE id = %1")
                                           << QStringLiteral("no postal address");
        QTest::newRow("no unsubscribe link") << QStringLiteral("UPDATE campaigns SET unsubscribe_base_url = '' WHERE id = %1")
                                             << QStringLiteral("no unsubscribe link");
    }
    void theEngineRefusesADueCampaignWithAnInvalidSender()
    {
        QFETCH(QString, spoil);
        QFETCH(QString, expected);
        seed();
        test::SmtpTestServer server;
        QVERIFY2(server.start(), qPrintable(server.lastError()));
        const Campaign campaign = draft(QStringLiteral("Bad sender"));
        const Campaign fine = draft(QStringLiteral("Good sender"));
        CampaignLauncher launcher(database());
        QVERIFY(launcher.schedule(campaign.id, QDateTime::currentDateTimeUtc().addSecs(30)).ok());
        // Scheduled while it was fine; then its row changes under it (another client, an older version, SQL).
        QVERIFY(test::SendingFixture::exec(database(), spoil.arg(campaign.id)));
        makeDue(campaign.id);
        const QString sendButtonSays = launcher.checkSnapshot(CampaignRepository(database()).find(campaign.id).value()).error().message;
        QVERIFY2(sendButtonSays.contains(expected), qPrintable(sendButtonSays));

        auto engine = engineOn(server.port(), QStringLiteral("worker-under-test"));
        QVERIFY(engine->start().ok());
        QTRY_VERIFY_WITH_TIMEOUT(CampaignRepository(database()).find(campaign.id)->status == CampaignStatus::Draft, 10000);
        QTRY_VERIFY(engine->snapshot().lastError.contains(QLatin1String("'Bad sender'")));
        QTest::qWait(400); // several more looks: it stays a draft, nothing is queued or sent
        engine->stop();
        QVERIFY(CampaignRepository(database()).find(campaign.id)->status == CampaignStatus::Draft);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sends")), qint64(0));
        QCOMPARE(server.messages().size(), 0);
        QVERIFY2(engine->snapshot().lastError.contains(sendButtonSays), qPrintable(engine->snapshot().lastError));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'refused' AND entity = 'campaign' "
                                      "AND actor = '%2' AND entity_id = '%1'")
                                .arg(campaign.id)
                                .arg(test::TestDatabase::auditActor(QStringLiteral("worker-under-test")))),
                 qint64(1));

        // The Campaigns page's reading: the draft says why, until it is changed.
        auto campaigns = CampaignRepository(database()).list();
        QVERIFY(campaigns.ok());
        auto refusals = launcher.lastRefusals(campaigns.value());
        QVERIFY2(refusals.ok(), qPrintable(refusals.error().message));
        QCOMPARE(refusals->value(campaign.id), sendButtonSays);
        QVERIFY(!refusals->contains(fine.id));
        Campaign edited = CampaignRepository(database()).find(campaign.id).value();
        edited.fromEmail = m_identity.fromEmail; // fixed by the user in the editor
        edited.postalAddress = m_identity.postalAddress;
        edited.unsubscribeBaseUrl = m_identity.unsubscribeBaseUrl;
        QTest::qWait(5); // a later millisecond
        const Status saved = CampaignRepository(database()).update(edited);
        QVERIFY2(saved.ok(), qPrintable(saved.error().message));
        QVERIFY(!launcher.lastRefusals(CampaignRepository(database()).list().value())->contains(campaign.id));
    }

    void aDeletedSenderIdentityIsNamedWhenSaving()
    {
        seed();
        Campaign campaign = draft(QStringLiteral("Stale choice"));
        SenderIdentity other = m_identity;
        other.id = 0;
        other.uuid.clear();
        other.name = QStringLiteral("Short-lived office");
        QVERIFY(SenderIdentityRepository(database()).insert(other).ok());
        QVERIFY(SenderIdentityRepository(database()).remove(other.id).value());
        campaign.senderIdentityId = other.id; // chosen in an editor opened before someone deleted it
        const Status refused = CampaignRepository(database()).update(campaign);
        QCOMPARE(refused.error().field, QStringLiteral("sender_identity_id"));
        QVERIFY2(refused.error().message.contains(QStringLiteral("#%1").arg(other.id)), qPrintable(refused.error().message));
    }

    void refusesATimeInThePast()
    {
        seed();
        const Campaign campaign = draft(QStringLiteral("Yesterday"));
        const Status refused
            = CampaignLauncher(database()).schedule(campaign.id, QDateTime::currentDateTimeUtc().addSecs(-5));
        QCOMPARE(refused.error().field, QStringLiteral("scheduled_at"));
        QVERIFY(CampaignRepository(database()).find(campaign.id)->status == CampaignStatus::Draft);
    }
};

QTEST_GUILESS_MAIN(TestCampaignLauncher)
#include "TestCampaignLauncher.moc"
