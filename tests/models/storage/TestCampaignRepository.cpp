#include "DatabaseTestCase.h"
#include "storage/CampaignRepository.h"
#include "storage/NonprofitRepository.h"
#include "storage/SendRepository.h"
#include "storage/TemplateRepository.h"

#include <QTest>
#include <QUuid>

using namespace herald;

class TestCampaignRepository : public test::DatabaseTestCase
{
    Q_OBJECT

    static Campaign make(const QString& name)
    {
        Campaign campaign;
        campaign.name = name;
        campaign.subject = QStringLiteral("You are invited, {{name}}");
        campaign.textBody = QStringLiteral("Dear {{name}}, …");
        campaign.fromName = QStringLiteral("Friends of the Library");
        campaign.fromEmail = QStringLiteral("news@library.example.org");
        campaign.replyTo = QStringLiteral("office@library.example.org");
        campaign.postalAddress = QStringLiteral("1 Main St\nDover, DE 19901");
        campaign.createdBy = QStringLiteral("alice");
        return campaign;
    }

    static QString& headerField(Campaign& campaign, const QString& field)
    {
        if (field == QLatin1String("from_name"))
            return campaign.fromName;
        if (field == QLatin1String("from_email"))
            return campaign.fromEmail;
        if (field == QLatin1String("reply_to"))
            return campaign.replyTo;
        return campaign.subject;
    }

    Campaign inserted(const QString& name) { return stored<CampaignRepository>(make(name)); }

private slots:
    void insertAndFindRoundTrip()
    {
        Template invitation;
        invitation.name = QStringLiteral("Invitation");
        QVERIFY(TemplateRepository(database()).insert(invitation).ok());

        CampaignRepository repository(database());
        Campaign gala = make(QStringLiteral(" Gala 2026 "));
        gala.templateId = invitation.id;
        gala.templateVersion = invitation.version;
        gala.audience = QStringLiteral("{\"tag\":\"2026-gala\"}");
        gala.unsubscribeBaseUrl = QStringLiteral("https://library.example.org/u");
        gala.scheduledAt = QDateTime(QDate(2026, 3, 14), QTime(9, 30, 15, 250), Qt::UTC);
        gala.tracking = Tracking::PerRecipient;
        gala.publicBaseUrl = QStringLiteral("https://mail.library.example.org");
        gala.imageMode = ImageMode::Linked;
        const Status done = repository.insert(gala);
        QVERIFY2(done.ok(), qPrintable(done.error().message));
        QVERIFY(gala.id > 0);
        QCOMPARE(gala.version, 1);
        QCOMPARE(gala.name, QStringLiteral("Gala 2026"));
        QCOMPARE(QUuid::fromString(gala.uuid).version(), QUuid::Random);
        QVERIFY(gala.createdAt.isValid());

        const auto found = repository.find(gala.id);
        QVERIFY2(found.ok(), qPrintable(found.error().message));
        QCOMPARE(found->uuid, gala.uuid);
        QCOMPARE(found->name, gala.name);
        QCOMPARE(found->templateId, invitation.id);
        QCOMPARE(found->templateVersion, 1);
        QCOMPARE(found->subject, gala.subject);
        QCOMPARE(found->textBody, gala.textBody);
        QCOMPARE(found->audience, gala.audience);
        QCOMPARE(found->fromName, gala.fromName);
        QCOMPARE(found->fromEmail, gala.fromEmail);
        QCOMPARE(found->replyTo, gala.replyTo);
        QCOMPARE(found->postalAddress, gala.postalAddress);
        QCOMPARE(found->unsubscribeBaseUrl, gala.unsubscribeBaseUrl);
        QVERIFY(found->tracking == Tracking::PerRecipient);
        QCOMPARE(found->publicBaseUrl, gala.publicBaseUrl);
        QVERIFY(found->imageMode == ImageMode::Linked);
        QVERIFY(found->status == CampaignStatus::Draft);
        QCOMPARE(found->scheduledAt, gala.scheduledAt);
        // On PostgreSQL the author is the login, whatever the client says (schema 24), as the audit actor is.
        QCOMPARE(found->createdBy, test::TestDatabase::auditActor(QStringLiteral("alice")));
        QVERIFY(make(QStringLiteral("x")).tracking == Tracking::Anonymous); // the issue's default
        QVERIFY(make(QStringLiteral("x")).imageMode == ImageMode::Embedded);
        QCOMPARE(found->createdAt, gala.createdAt);
        QCOMPARE(found->updatedAt, gala.updatedAt);

        QCOMPARE(repository.findByUuid(gala.uuid)->id, gala.id);

        // The image mode goes back as it is edited.
        Campaign edited = found.value();
        edited.imageMode = ImageMode::Embedded;
        QVERIFY2(repository.update(edited).ok(), "update");
        QVERIFY(repository.find(gala.id)->imageMode == ImageMode::Embedded);
        QCOMPARE(selectValue(QStringLiteral("SELECT image_mode FROM campaigns WHERE id = :id"), gala.id).toString(),
                 QStringLiteral("embedded"));
    }

    void unsetTemplateAndScheduleAreNull()
    {
        CampaignRepository repository(database());
        Campaign draft;
        draft.name = QStringLiteral("Draft");
        QVERIFY2(repository.insert(draft).ok(), "insert");
        QCOMPARE(selectValue(QStringLiteral("SELECT count(*) FROM campaigns WHERE id = :id AND template_id IS NULL "
                                            "AND scheduled_at IS NULL AND from_email = '' AND subject = '' AND image_mode = 'embedded'"),
                             draft.id)
                     .toInt(),
                 1);
        const Campaign found = repository.find(draft.id).value();
        QCOMPARE(found.templateId, qint64(0));
        QVERIFY(!found.scheduledAt.isValid());
        QCOMPARE(found.audience, QStringLiteral("{\"all\":true}"));
        QVERIFY(found.fromEmail.isEmpty());
    }

    void aMissingTemplateIsNamed()
    {
        Campaign orphan = make(QStringLiteral("Orphan"));
        orphan.templateId = 4242;
        const Status done = CampaignRepository(database()).insert(orphan);
        QVERIFY(!done.ok());
        QVERIFY(done.error().kind == Error::Kind::Validation);
        QCOMPARE(done.error().field, QStringLiteral("template_id"));
        QVERIFY2(done.error().message.contains(QLatin1String("#4242")), qPrintable(done.error().message));
    }

    void headerInjectionIsRefused_data()
    {
        QTest::addColumn<QString>("field");
        QTest::newRow("from_name") << "from_name";
        QTest::newRow("from_email") << "from_email";
        QTest::newRow("reply_to") << "reply_to";
        QTest::newRow("subject") << "subject";
    }

    void headerInjectionIsRefused()
    {
        QFETCH(QString, field);
        CampaignRepository repository(database());
        const QString injected = QStringLiteral("x@example.org\r\nBcc: everyone@example.org");
        Campaign campaign = make(QStringLiteral("Injected"));
        headerField(campaign, field) = injected;
        const Status added = repository.insert(campaign);
        QVERIFY(added.error().kind == Error::Kind::Validation);
        QCOMPARE(added.error().field, field);
        QVERIFY(repository.list()->isEmpty());

        Campaign stored = inserted(QStringLiteral("Clean"));
        headerField(stored, field) = injected;
        const Status saved = repository.update(stored);
        QCOMPARE(saved.error().field, field);
        QCOMPARE(repository.find(stored.id)->version, 1);
    }

    void invalidAddressesAreRefused()
    {
        CampaignRepository repository(database());
        Campaign campaign = make(QStringLiteral("Bad sender"));
        campaign.fromEmail = QStringLiteral("news@");
        QCOMPARE(repository.insert(campaign).error().field, QStringLiteral("from_email"));
        campaign.fromEmail.clear(); // no sender yet is fine for a draft
        campaign.replyTo = QStringLiteral("office");
        QCOMPARE(repository.insert(campaign).error().field, QStringLiteral("reply_to"));
        campaign.replyTo.clear();
        const Status done = repository.insert(campaign);
        QVERIFY2(done.ok(), qPrintable(done.error().message));
    }

    void concurrentEditIsAConflictNotAnOverwrite()
    {
        CampaignRepository repository(database());
        const Campaign original = inserted(QStringLiteral("Gala 2026"));
        Campaign mine = repository.find(original.id).value();
        Campaign theirs = repository.find(original.id).value();
        theirs.subject = QStringLiteral("Theirs");
        QVERIFY(repository.update(theirs).ok());
        QCOMPARE(theirs.version, 2);
        QCOMPARE(repository.find(original.id)->updatedAt, theirs.updatedAt);

        mine.subject = QStringLiteral("Mine");
        const Status saved = repository.update(mine);
        QVERIFY(saved.error().kind == Error::Kind::Conflict);
        QVERIFY2(saved.error().message.contains(
                     QStringLiteral("Campaign 'Gala 2026' (#%1) was changed by someone else").arg(original.id)),
                 qPrintable(saved.error().message));
        QCOMPARE(repository.find(original.id)->subject, QStringLiteral("Theirs"));
    }

    void updateOfADeletedCampaignSaysSo()
    {
        CampaignRepository repository(database());
        Campaign gone = inserted(QStringLiteral("Gone"));
        QVERIFY(repository.remove(gone.id).ok());
        QVERIFY(repository.update(gone).error().kind == Error::Kind::NotFound);
        QVERIFY(repository.remove(gone.id).error().kind == Error::Kind::NotFound);
    }

    void updateLeavesTheStatusAlone()
    {
        CampaignRepository repository(database());
        Campaign campaign = inserted(QStringLiteral("Gala"));
        const auto version = repository.setStatus(campaign.id, CampaignStatus::Draft, CampaignStatus::Scheduled);
        QVERIFY2(version.ok(), qPrintable(version.error().message));
        campaign.version = version.value();
        campaign.status = CampaignStatus::Draft; // a stale copy of the status must not be written back
        campaign.subject = QStringLiteral("New subject");
        QVERIFY(repository.update(campaign).ok());
        QVERIFY(campaign.status == CampaignStatus::Scheduled);
        QVERIFY(repository.find(campaign.id)->status == CampaignStatus::Scheduled);
    }

    void setStatusMovesOnlyFromTheExpectedStatus()
    {
        CampaignRepository repository(database());
        const Campaign campaign = inserted(QStringLiteral("Gala 2026"));
        const auto scheduled = repository.setStatus(campaign.id, CampaignStatus::Draft, CampaignStatus::Scheduled);
        QVERIFY2(scheduled.ok(), qPrintable(scheduled.error().message));
        QCOMPARE(scheduled.value(), 2);

        // A second window still thinks it is a draft.
        const auto again = repository.setStatus(campaign.id, CampaignStatus::Draft, CampaignStatus::Sending);
        QVERIFY(!again.ok());
        QVERIFY(again.error().kind == Error::Kind::Conflict);
        const QString expected = QStringLiteral("'Gala 2026' (#%1) is scheduled, not draft").arg(campaign.id);
        QVERIFY2(again.error().message.contains(expected), qPrintable(again.error().message));
        const Campaign stored = repository.find(campaign.id).value();
        QVERIFY(stored.status == CampaignStatus::Scheduled);
        QCOMPARE(stored.version, 2);

        QVERIFY(repository.setStatus(campaign.id, CampaignStatus::Scheduled, CampaignStatus::Sending).ok());
        QVERIFY(repository.setStatus(campaign.id, CampaignStatus::Sending, CampaignStatus::Paused).ok());
        QVERIFY(repository.find(campaign.id)->status == CampaignStatus::Paused);
        QVERIFY(repository.setStatus(4242, CampaignStatus::Draft, CampaignStatus::Scheduled).error().kind
                == Error::Kind::NotFound);
    }

    void listFiltersByStatusNewestChangeFirst()
    {
        CampaignRepository repository(database());
        const Campaign first = inserted(QStringLiteral("First"));
        QTest::qWait(5);
        const Campaign second = inserted(QStringLiteral("Second"));
        QTest::qWait(5);
        Campaign third = inserted(QStringLiteral("Third"));
        QTest::qWait(5);
        QVERIFY(repository.setStatus(first.id, CampaignStatus::Draft, CampaignStatus::Completed).ok());

        const auto all = repository.list();
        QVERIFY2(all.ok(), qPrintable(all.error().message));
        QList<qint64> ids;
        for (const Campaign& row : all.value())
            ids << row.id;
        QCOMPARE(ids, (QList<qint64>{first.id, third.id, second.id}));

        const auto drafts = repository.list(CampaignStatus::Draft);
        QCOMPARE(drafts->size(), 2);
        QCOMPARE(drafts->first().id, third.id);
        const auto completed = repository.list(CampaignStatus::Completed);
        QCOMPARE(completed->size(), 1);
        QCOMPARE(completed->first().name, QStringLiteral("First"));
        QVERIFY(repository.list(CampaignStatus::Sending)->isEmpty());
    }

    void removeIsRefusedWhileSendingAndTakesTheQueueAlong()
    {
        CampaignRepository repository(database());
        const Campaign campaign = inserted(QStringLiteral("Gala 2026"));
        Nonprofit recipient;
        recipient.name = QStringLiteral("Food Bank");
        recipient.email = QStringLiteral("fb@example.org");
        QVERIFY(NonprofitRepository(database()).insert(recipient).ok());
        Send send;
        send.campaignId = campaign.id;
        send.nonprofitId = recipient.id;
        send.email = recipient.email;
        QVERIFY(SendRepository(database()).insert(send).ok());

        QVERIFY(repository.setStatus(campaign.id, CampaignStatus::Draft, CampaignStatus::Sending).ok());
        const Status refused = repository.remove(campaign.id);
        QVERIFY(refused.error().kind == Error::Kind::Conflict);
        QVERIFY2(refused.error().message.contains(QStringLiteral("'Gala 2026' (#%1) is sending").arg(campaign.id)),
                 qPrintable(refused.error().message));
        QVERIFY(SendRepository(database()).find(send.id).ok());

        QVERIFY(repository.setStatus(campaign.id, CampaignStatus::Sending, CampaignStatus::Cancelled).ok());
        QVERIFY(repository.remove(campaign.id).ok());
        QVERIFY(SendRepository(database()).find(send.id).error().kind == Error::Kind::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestCampaignRepository)
#include "TestCampaignRepository.moc"
