#include "RoleLogins.h"
#include "TestDatabase.h"
#include "storage/CampaignRepository.h"
#include "storage/TemplateRepository.h"
#include "sync/LocalStore.h"
#include "sync/SyncEngine.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace herald;

// Offline drafting under the server's rules (issue 18): a viewer's login syncs its offline store with a real
// PostgreSQL; the drafts its role may not write are refused by the server, kept in the offline store, said once in
// the sync log and not pushed again until changed; once the role may, the next change goes through. An editor's edit
// of a draft that was queued on the server meanwhile becomes a conflict that keeps it, never an overwrite.
class TestSyncRefusals : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> m_scratch;
    std::unique_ptr<Database> m_owner;
    std::unique_ptr<test::RoleLogins> m_roles;
    QTemporaryDir m_dir;
    std::unique_ptr<LocalStore> m_local;

    Result<SyncSummary> syncAsViewer()
    {
        SyncEngine engine(m_roles->as(QStringLiteral("viewer")), *m_local);
        return engine.run();
    }

    int logLines(const QString& action)
    {
        const auto entries = m_local->logEntries();
        int lines = 0;
        for (const SyncLogEntry& entry : entries.value())
            lines += entry.action == action ? 1 : 0;
        return lines;
    }

    static Template letter(const QString& name)
    {
        Template t;
        t.name = name;
        t.subject = QStringLiteral("News");
        t.textBody = QStringLiteral("Dear {{name}}");
        return t;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(test::TestDatabase::backendUnderTest() == Backend::Postgres, "roles are PostgreSQL's");
        m_scratch = std::make_unique<test::TestDatabase>();
        QVERIFY2(m_scratch->isReady(), qPrintable(m_scratch->setupError()));
        m_owner = m_scratch->open();
        m_roles = std::make_unique<test::RoleLogins>(m_scratch->profile());
        const QString created = m_roles->create();
        QVERIFY2(created.isEmpty(), qPrintable(created));
        QVERIFY(m_dir.isValid());
        m_local = std::make_unique<LocalStore>(m_roles->profile(QStringLiteral("viewer")),
                                               m_dir.filePath(QStringLiteral("offline.sqlite")));
        const Status opened = m_local->open();
        QVERIFY2(opened.ok(), qPrintable(opened.error().message));
    }

    void cleanupTestCase()
    {
        m_local.reset();
        m_roles.reset();
        m_owner.reset();
        m_scratch.reset();
    }

    void viewersDraftsAreKeptAndExplained()
    {
        Template newsletter = letter(QStringLiteral("Newsletter"));
        QVERIFY(TemplateRepository(*m_owner).insert(newsletter).ok());
        auto first = syncAsViewer();
        QVERIFY2(first.ok(), qPrintable(first.error().message));
        QCOMPARE(first->pulled, 1);

        // Offline, the viewer edits the team's template and writes one of its own.
        auto mine = TemplateRepository(m_local->database()).findByUuid(newsletter.uuid);
        QVERIFY(mine.ok());
        Template edited = mine.value();
        edited.subject = QStringLiteral("Viewer's subject");
        QVERIFY(TemplateRepository(m_local->database()).update(edited).ok());
        Template idea = letter(QStringLiteral("Viewer's idea"));
        QVERIFY(TemplateRepository(m_local->database()).insert(idea).ok());

        auto refused = syncAsViewer();
        QVERIFY2(refused.ok(), qPrintable(refused.error().message));
        QCOMPARE(refused->pushed, 0);
        QCOMPARE(refused->refused.size(), 2);
        QVERIFY2(refused->failures.isEmpty(), qPrintable(refused->failures.join(QLatin1Char('\n'))));
        // The permission sentence (SqlErrors), never the server's SQL text.
        for (const QString& reason : refused->refused) {
            QVERIFY2(reason.contains(QLatin1String("does not allow this")), qPrintable(reason));
            QVERIFY2(reason.contains(QLatin1String("Kept on this computer")), qPrintable(reason));
            QVERIFY2(!reason.contains(QLatin1String("permission denied")), qPrintable(reason));
        }
        QCOMPARE(logLines(QStringLiteral("refused")), 2);

        // Not lost: both drafts are still here as written; the server has neither.
        QCOMPARE(TemplateRepository(m_local->database()).findByUuid(newsletter.uuid)->subject,
                 QStringLiteral("Viewer's subject"));
        QVERIFY(TemplateRepository(m_local->database()).findByUuid(idea.uuid).ok());
        QCOMPARE(TemplateRepository(*m_owner).findByUuid(newsletter.uuid)->subject, QStringLiteral("News"));
        QVERIFY(!TemplateRepository(*m_owner).findByUuid(idea.uuid).ok());

        // Not retried forever: unchanged, the next syncs leave them alone and say nothing new.
        for (int run = 0; run < 2; ++run) {
            auto again = syncAsViewer();
            QVERIFY2(again.ok(), qPrintable(again.error().message));
            QCOMPARE(again->refused.size(), 0);
            QCOMPARE(again->stillRefused, 2);
            QVERIFY(again->failures.isEmpty());
        }
        QCOMPARE(logLines(QStringLiteral("refused")), 2);
    }

    void aChangeOnceTheRoleMayGoesThrough()
    {
        // The login becomes an editor; the viewer's idea, changed once more, is pushed and its refusal forgotten.
        const auto granted = m_roles->psql({}, QStringLiteral("GRANT herald_editor TO \"%1\"").arg(m_roles->login(QStringLiteral("viewer"))));
        QVERIFY2(granted.exitCode == 0, qPrintable(granted.output));
        auto ideas = TemplateRepository(m_local->database()).list();
        QVERIFY(ideas.ok());
        Template idea;
        for (const Template& t : ideas.value()) {
            if (t.name == QLatin1String("Viewer's idea"))
                idea = t;
        }
        QVERIFY(!idea.uuid.isEmpty());
        idea.subject = QStringLiteral("Better news");
        QVERIFY(TemplateRepository(m_local->database()).update(idea).ok());

        auto pushed = syncAsViewer();
        QVERIFY2(pushed.ok(), qPrintable(pushed.error().message));
        QCOMPARE(pushed->pushed, 1);
        QCOMPARE(pushed->refused.size(), 0);
        QCOMPARE(pushed->stillRefused, 1); // the newsletter edit, unchanged since its refusal
        QCOMPARE(TemplateRepository(*m_owner).findByUuid(idea.uuid)->subject, QStringLiteral("Better news"));
        QVERIFY(!m_local->refusedRows(QStringLiteral("template"))->contains(idea.uuid));
    }

    void editorsEditOfAQueuedCampaignIsKept()
    {
        Campaign appeal;
        appeal.name = QStringLiteral("Spring appeal");
        appeal.subject = QStringLiteral("Hello {{name}}");
        appeal.textBody = QStringLiteral("Dear {{name}}");
        appeal.fromEmail = QStringLiteral("news@example.org");
        QVERIFY(CampaignRepository(*m_owner).insert(appeal).ok());
        LocalStore local(m_roles->profile(QStringLiteral("editor")), m_dir.filePath(QStringLiteral("editor.sqlite")));
        QVERIFY(local.open().ok());
        SyncEngine engine(m_roles->as(QStringLiteral("editor")), local);
        QVERIFY(engine.run().ok());

        // Offline, the editor improves the draft; meanwhile a sender queues it on the server.
        auto mine = CampaignRepository(local.database()).findByUuid(appeal.uuid);
        QVERIFY2(mine.ok(), qPrintable(mine.error().message));
        Campaign edited = mine.value();
        edited.subject = QStringLiteral("Editor's subject");
        QVERIFY(CampaignRepository(local.database()).update(edited).ok());
        QVERIFY(CampaignRepository(*m_owner).setStatus(appeal.id, CampaignStatus::Draft, CampaignStatus::Sending).ok());

        auto synced = engine.run();
        QVERIFY2(synced.ok(), qPrintable(synced.error().message));
        QCOMPARE(synced->newConflicts, 1);
        auto conflicts = local.openConflicts();
        QVERIFY(conflicts.ok());
        QCOMPARE(conflicts->size(), 1);
        // Keeping mine cannot replace a queued campaign: refused with the reason, the edit still here.
        const Status keepMine = engine.resolve(conflicts->first().id, Resolution::KeepMine);
        QVERIFY(!keepMine.ok());
        QVERIFY2(keepMine.error().message.contains(QLatin1String("no longer a draft")), qPrintable(keepMine.error().message));
        QCOMPARE(CampaignRepository(local.database()).findByUuid(appeal.uuid)->subject, QStringLiteral("Editor's subject"));
        QCOMPARE(CampaignRepository(*m_owner).findByUuid(appeal.uuid)->subject, QStringLiteral("Hello {{name}}"));
        // Keeping both makes the edit a new draft, which an editor may push.
        QVERIFY(engine.resolve(conflicts->first().id, Resolution::KeepBoth).ok());
        auto pushed = engine.run();
        QVERIFY2(pushed.ok(), qPrintable(pushed.error().message));
        QCOMPARE(pushed->pushed, 1);
        QVERIFY(pushed->refused.isEmpty());
        QCOMPARE(m_roles->ownerValue(QStringLiteral("SELECT count(*) FROM campaigns WHERE subject = 'Editor''s subject' "
                                                    "AND status = 'draft'")),
                 QStringLiteral("1"));
    }
};

QTEST_GUILESS_MAIN(TestSyncRefusals)
#include "TestSyncRefusals.moc"
