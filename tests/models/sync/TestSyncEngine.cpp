#include "PrivateCluster.h"
#include "storage/CampaignRepository.h"
#include "storage/NonprofitRepository.h"
#include "storage/SegmentRepository.h"
#include "storage/SenderIdentityRepository.h"
#include "storage/TemplateRepository.h"
#include "sync/LocalStore.h"
#include "sync/SyncEngine.h"

#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace herald;

// The sync engine against a real PostgreSQL server of this test's own, which it stops and starts again: drafting
// while the server is away, conflicts and their three resolutions, a sync cut off midway, deletions on one side
// against edits on the other, and a thousand drafts.
class TestSyncEngine : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::PrivateCluster> m_cluster;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_server;
    std::unique_ptr<LocalStore> m_local;
    int m_databases = 0;

    Template makeTemplate(const QString& name, const QString& subject)
    {
        Template t;
        t.name = name;
        t.subject = subject;
        t.textBody = QStringLiteral("Dear {{name}},\n%1\n").arg(subject);
        return t;
    }

    Template stored(Database& database, Template t)
    {
        const Status done = TemplateRepository(database).insert(t);
        if (!done)
            qWarning("insert: %s", qPrintable(done.error().message));
        return t;
    }

    Result<SyncSummary> sync(const SyncEngine::ProgressCallback& progress = {})
    {
        SyncEngine engine(*m_server, *m_local);
        return engine.run(progress);
    }

    Result<Template> serverTemplate(const QString& uuid) { return TemplateRepository(*m_server).findByUuid(uuid); }
    Result<Template> localTemplate(const QString& uuid) { return TemplateRepository(m_local->database()).findByUuid(uuid); }

    int count(Database& database, const QString& sql)
    {
        QSqlQuery query(database.connection());
        if (!query.exec(sql) || !query.next())
            return -1;
        return query.value(0).toInt();
    }

    // A template synced to both sides; returns its UUID.
    QString syncedTemplate(const QString& name)
    {
        const Template t = stored(*m_server, makeTemplate(name, QStringLiteral("Original")));
        auto done = sync();
        if (!done)
            qWarning("sync: %s", qPrintable(done.error().message));
        return t.uuid;
    }

private slots:
    void initTestCase()
    {
        m_cluster = std::make_unique<test::PrivateCluster>();
        QVERIFY2(m_cluster->isRunning(), qPrintable(m_cluster->error()));
    }

    void init()
    {
        if (!m_cluster->isRunning())
            QVERIFY2(m_cluster->resume(), qPrintable(m_cluster->error()));
        const ConnectionProfile profile = m_cluster->createDatabase(QStringLiteral("sync_%1").arg(++m_databases));
        QVERIFY2(!profile.name.isEmpty(), qPrintable(m_cluster->error()));
        m_server = std::make_unique<Database>(profile);
        const Status opened = m_server->open();
        QVERIFY2(opened.ok(), qPrintable(opened.error().message));
        m_dir = std::make_unique<QTemporaryDir>();
        m_local = std::make_unique<LocalStore>(profile, m_dir->filePath(QStringLiteral("offline.sqlite")));
        const Status local = m_local->open();
        QVERIFY2(local.ok(), qPrintable(local.error().message));
    }

    void cleanup()
    {
        m_local.reset();
        m_server.reset();
        m_dir.reset();
    }

    void firstSyncCopiesReadDataAndMapsReferences()
    {
        SenderIdentity office;
        office.name = QStringLiteral("Office");
        office.fromEmail = QStringLiteral("office@example.org");
        QVERIFY(SenderIdentityRepository(*m_server).insert(office).ok());
        Segment gala;
        gala.name = QStringLiteral("Gala");
        gala.definition.anyOfTags = {QStringLiteral("gala")};
        QVERIFY(SegmentRepository(*m_server).insert(gala).ok());
        for (int i = 0; i < 30; ++i) {
            Nonprofit n;
            n.name = QStringLiteral("Org %1").arg(i);
            n.email = QStringLiteral("org%1@example.org").arg(i);
            if (i >= 25)
                n.tags = {QStringLiteral("gala")};
            QVERIFY(NonprofitRepository(*m_server).insert(n).ok());
        }
        const Template invitation = stored(*m_server, makeTemplate(QStringLiteral("Invitation"), QStringLiteral("Come")));
        Campaign campaign;
        campaign.name = QStringLiteral("Gala 2026");
        campaign.templateId = invitation.id;
        campaign.senderIdentityId = office.id;
        campaign.segmentId = gala.id;
        campaign.audience = QStringLiteral("{\"segment\":%1}").arg(gala.id);
        campaign.fromEmail = office.fromEmail;
        QVERIFY(CampaignRepository(*m_server).insert(campaign).ok());

        SyncEngine engine(*m_server, *m_local);
        engine.setNonprofitLimit(10);
        auto summary = engine.run();
        QVERIFY2(summary.ok(), qPrintable(summary.error().message));
        QCOMPARE(summary->pulled, 4);
        QCOMPARE(summary->pushed, 0);
        // The segment's five first, then the lowest ids up to the limit.
        QCOMPARE(summary->cachedNonprofits, 10);
        QCOMPARE(count(m_local->database(), QStringLiteral("SELECT count(*) FROM nonprofit_tags WHERE tag = 'gala'")), 5);

        auto local = CampaignRepository(m_local->database()).findByUuid(campaign.uuid);
        QVERIFY2(local.ok(), qPrintable(local.error().message));
        auto localTemplate = TemplateRepository(m_local->database()).find(local->templateId);
        QVERIFY(localTemplate.ok());
        QCOMPARE(localTemplate->uuid, invitation.uuid);
        auto localSegment = SegmentRepository(m_local->database()).find(local->segmentId);
        QVERIFY(localSegment.ok());
        QCOMPARE(localSegment->uuid, gala.uuid);
        QCOMPARE(local->audience, QStringLiteral("{\"segment\":%1}").arg(local->segmentId));
        auto identity = SenderIdentityRepository(m_local->database()).find(local->senderIdentityId);
        QVERIFY(identity.ok());
        QCOMPARE(identity->uuid, office.uuid);

        auto again = engine.run();
        QVERIFY(again.ok());
        QCOMPARE(again->pulled + again->pushed + again->newConflicts, 0);
    }

    void draftsMadeWhileTheServerIsDownArePushedWhenItIsBack()
    {
        const QString existing = syncedTemplate(QStringLiteral("Newsletter"));
        QVERIFY(m_cluster->pause());

        // Offline: a new template, a campaign from it, and an edit of the synced one, all in the local store.
        Template appeal = stored(m_local->database(), makeTemplate(QStringLiteral("Spring appeal"), QStringLiteral("Help")));
        QVERIFY(appeal.id > 0);
        Campaign campaign;
        campaign.name = QStringLiteral("Spring 2026");
        campaign.templateId = appeal.id;
        QVERIFY(CampaignRepository(m_local->database()).insert(campaign).ok());
        auto edited = localTemplate(existing);
        QVERIFY(edited.ok());
        Template newsletter = edited.value();
        newsletter.subject = QStringLiteral("Written on the train");
        newsletter.language = QStringLiteral("fr"); // a column added after sync was written travels too
        QVERIFY(TemplateRepository(m_local->database()).update(newsletter).ok());

        auto failed = sync();
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().kind, Error::Kind::Connection);

        QVERIFY2(m_cluster->resume(), qPrintable(m_cluster->error()));
        auto summary = sync();
        QVERIFY2(summary.ok(), qPrintable(summary.error().message));
        QCOMPARE(summary->pushed, 3);
        QCOMPARE(summary->newConflicts, 0);

        auto onServer = serverTemplate(existing);
        QVERIFY(onServer.ok());
        QCOMPARE(onServer->subject, QStringLiteral("Written on the train"));
        QCOMPARE(onServer->language, QStringLiteral("fr"));
        QCOMPARE(onServer->version, 2);
        QCOMPARE(TemplateRepository(*m_server).versions(onServer->id)->size(), 2); // the server keeps the history
        QCOMPARE(TemplateRepository(*m_server).findVersion(onServer->id, 1)->language, QString());
        auto serverCampaign = CampaignRepository(*m_server).findByUuid(campaign.uuid);
        QVERIFY(serverCampaign.ok());
        auto serverAppeal = serverTemplate(appeal.uuid);
        QVERIFY(serverAppeal.ok());
        QCOMPARE(serverCampaign->templateId, serverAppeal->id);

        auto quiet = sync();
        QVERIFY(quiet.ok());
        QCOMPARE(quiet->pushed + quiet->pulled + quiet->newConflicts, 0);
    }

    void editsOnBothSidesAreAConflict_data()
    {
        QTest::addColumn<Resolution>("resolution");
        QTest::addColumn<QString>("serverSubject");
        QTest::addColumn<QString>("localSubject");
        QTest::addColumn<int>("templatesAfter");
        QTest::newRow("keep mine") << Resolution::KeepMine << "Mine" << "Mine" << 1;
        QTest::newRow("keep the server's") << Resolution::KeepServer << "Theirs" << "Theirs" << 1;
        QTest::newRow("keep both") << Resolution::KeepBoth << "Theirs" << "Theirs" << 2;
    }

    void editsOnBothSidesAreAConflict()
    {
        QFETCH(Resolution, resolution);
        QFETCH(QString, serverSubject);
        QFETCH(QString, localSubject);
        QFETCH(int, templatesAfter);
        const QString uuid = syncedTemplate(QStringLiteral("Thanks"));

        Template theirs = serverTemplate(uuid).value();
        theirs.subject = QStringLiteral("Theirs");
        QVERIFY(TemplateRepository(*m_server).update(theirs).ok());
        Template mine = localTemplate(uuid).value();
        mine.subject = QStringLiteral("Mine");
        QVERIFY(TemplateRepository(m_local->database()).update(mine).ok());

        auto summary = sync();
        QVERIFY2(summary.ok(), qPrintable(summary.error().message));
        QCOMPARE(summary->newConflicts, 1);
        QCOMPARE(summary->openConflicts, 1);
        // Nothing was overwritten on either side.
        QCOMPARE(serverTemplate(uuid)->subject, QStringLiteral("Theirs"));
        QCOMPARE(localTemplate(uuid)->subject, QStringLiteral("Mine"));
        // A later sync leaves it waiting for the user.
        auto again = sync();
        QVERIFY(again.ok());
        QCOMPARE(again->newConflicts, 0);
        QCOMPARE(again->openConflicts, 1);

        auto conflicts = m_local->openConflicts();
        QVERIFY(conflicts.ok());
        QCOMPARE(conflicts->size(), 1);
        QVERIFY(conflicts->first().kind == ConflictKind::EditedOnBoth);
        SyncEngine engine(*m_server, *m_local);
        auto sides = engine.sides(conflicts->first().id);
        QVERIFY(sides.ok());
        QVERIFY(sides->mine && sides->server);
        QCOMPARE(sides->mine->values.at(1).toString(), QStringLiteral("Mine"));
        QCOMPARE(sides->server->values.at(1).toString(), QStringLiteral("Theirs"));

        const Status resolved = engine.resolve(conflicts->first().id, resolution);
        QVERIFY2(resolved.ok(), qPrintable(resolved.error().message));
        auto after = sync();
        QVERIFY2(after.ok(), qPrintable(after.error().message));
        QCOMPARE(after->openConflicts, 0);

        QCOMPARE(serverTemplate(uuid)->subject, serverSubject);
        QCOMPARE(localTemplate(uuid)->subject, localSubject);
        QCOMPARE(count(*m_server, QStringLiteral("SELECT count(*) FROM templates")), templatesAfter);
        QCOMPARE(count(m_local->database(), QStringLiteral("SELECT count(*) FROM templates")), templatesAfter);
        if (resolution == Resolution::KeepBoth) {
            QCOMPARE(count(*m_server, QStringLiteral("SELECT count(*) FROM templates WHERE name = 'Thanks (my copy)' "
                                                     "AND subject = 'Mine'")),
                     1);
        }
        auto quiet = sync();
        QVERIFY(quiet.ok());
        QCOMPARE(quiet->pushed + quiet->pulled + quiet->newConflicts, 0);

        auto log = m_local->logEntries();
        QVERIFY(log.ok());
        bool loggedResolution = false;
        for (const SyncLogEntry& entry : log.value())
            loggedResolution = loggedResolution || (entry.action == QLatin1String("resolved") && entry.uuid == uuid);
        QVERIFY(loggedResolution);
    }

    void deletedOnServerWhileEditedLocally()
    {
        const QString uuid = syncedTemplate(QStringLiteral("Old appeal"));
        QVERIFY(TemplateRepository(*m_server).remove(serverTemplate(uuid)->id).ok());
        Template mine = localTemplate(uuid).value();
        mine.subject = QStringLiteral("Still needed");
        QVERIFY(TemplateRepository(m_local->database()).update(mine).ok());

        auto summary = sync();
        QVERIFY(summary.ok());
        QCOMPARE(summary->newConflicts, 1);
        auto conflicts = m_local->openConflicts();
        QVERIFY(conflicts->first().kind == ConflictKind::DeletedOnServer);
        QVERIFY(localTemplate(uuid).ok()); // not deleted under the user's feet

        SyncEngine engine(*m_server, *m_local);
        QVERIFY(engine.resolve(conflicts->first().id, Resolution::KeepMine).ok());
        QCOMPARE(serverTemplate(uuid)->subject, QStringLiteral("Still needed"));

        // And the other way round: deleted here, edited there; keeping the server's brings it back.
        const QString other = syncedTemplate(QStringLiteral("Receipt"));
        QVERIFY(TemplateRepository(m_local->database()).remove(localTemplate(other)->id).ok());
        Template theirs = serverTemplate(other).value();
        theirs.subject = QStringLiteral("Edited there");
        QVERIFY(TemplateRepository(*m_server).update(theirs).ok());
        summary = sync();
        QVERIFY(summary.ok());
        QCOMPARE(summary->newConflicts, 1);
        conflicts = m_local->openConflicts();
        QVERIFY(conflicts->first().kind == ConflictKind::DeletedLocally);
        QVERIFY(engine.resolve(conflicts->first().id, Resolution::KeepServer).ok());
        QCOMPARE(localTemplate(other)->subject, QStringLiteral("Edited there"));

        // Deleted on the server and untouched here: simply removed here.
        QVERIFY(TemplateRepository(*m_server).remove(serverTemplate(other)->id).ok());
        summary = sync();
        QVERIFY(summary.ok());
        QCOMPARE(summary->pulled, 1);
        QVERIFY(!localTemplate(other).ok());
    }

    void syncCutOffMidwayCompletesNextTime()
    {
        constexpr int Drafts = 40;
        for (int i = 0; i < Drafts; ++i)
            stored(m_local->database(), makeTemplate(QStringLiteral("Draft %1").arg(i), QStringLiteral("Subject %1").arg(i)));
        // The server goes away after the tenth row went up.
        auto cut = sync([this](const SyncProgress& progress) {
            if (progress.pushed == 10)
                m_cluster->pause();
            return true;
        });
        QVERIFY(!cut.ok());
        QVERIFY2(m_cluster->resume(), qPrintable(m_cluster->error()));

        // Consistent: every row the journal says is synced is on the server, whole.
        auto synced = m_local->syncedRows(QStringLiteral("template"));
        QVERIFY(synced.ok());
        QCOMPARE(synced->size(), 10);
        QCOMPARE(count(*m_server, QStringLiteral("SELECT count(*) FROM templates")), 10);
        for (auto it = synced->cbegin(); it != synced->cend(); ++it)
            QCOMPARE(serverTemplate(it.key())->subject, localTemplate(it.key())->subject);

        // A push whose reply was lost: the row is on the server but not in the journal. Recognised, not a conflict.
        auto lost = TemplateRepository(m_local->database()).list();
        QVERIFY(lost.ok());
        Template unjournaled;
        for (const Template& t : lost.value()) {
            if (!synced->contains(t.uuid))
                unjournaled = t;
        }
        Template copy = unjournaled;
        copy.id = 0;
        QVERIFY(TemplateRepository(*m_server).insert(copy).ok());

        auto rest = sync();
        QVERIFY2(rest.ok(), qPrintable(rest.error().message));
        QCOMPARE(rest->newConflicts, 0);
        QCOMPARE(rest->pushed, Drafts - 11);
        QCOMPARE(count(*m_server, QStringLiteral("SELECT count(*) FROM templates")), Drafts);
        QCOMPARE(m_local->syncedRows(QStringLiteral("template"))->size(), Drafts);
    }

    void aThousandDrafts()
    {
        constexpr int Drafts = 1000;
        const Template base = stored(m_local->database(), makeTemplate(QStringLiteral("Base"), QStringLiteral("Base")));
        {
            QSqlDatabase db = m_local->database().connection();
            db.transaction();
            for (int i = 0; i < Drafts - 1; ++i) {
                Campaign campaign;
                campaign.name = QStringLiteral("Draft %1").arg(i);
                campaign.templateId = base.id;
                campaign.subject = QStringLiteral("Subject %1").arg(i);
                campaign.textBody = QStringLiteral("Body %1").arg(i);
                QVERIFY(CampaignRepository(m_local->database()).insert(campaign).ok());
            }
            db.commit();
        }
        QElapsedTimer timer;
        timer.start();
        auto summary = sync();
        const qint64 elapsed = timer.elapsed();
        QVERIFY2(summary.ok(), qPrintable(summary.error().message));
        QCOMPARE(summary->pushed, Drafts);
        qInfo("%d drafts (1 template, %d campaigns) pushed in %lld ms", Drafts, Drafts - 1, elapsed);
        QCOMPARE(count(*m_server, QStringLiteral("SELECT count(*) FROM campaigns")), Drafts - 1);
        timer.restart();
        auto quiet = sync();
        QVERIFY(quiet.ok());
        QCOMPARE(quiet->pushed + quiet->pulled, 0);
        qInfo("a sync with nothing to do over %d rows took %lld ms", Drafts, timer.elapsed());
    }

    void cleanupTestCase() { m_cluster.reset(); }
};

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "TestSyncEngine.moc"
