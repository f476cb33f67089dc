#include "DatabaseTestCase.h"
#include "storage/CampaignRepository.h"
#include "storage/TemplateRepository.h"

#include <QTest>
#include <QUuid>

using namespace herald;

class TestTemplateRepository : public test::DatabaseTestCase
{
    Q_OBJECT

    static Template make(const QString& name)
    {
        Template messageTemplate;
        messageTemplate.name = name;
        messageTemplate.subject = QStringLiteral("News from {{sender}}");
        messageTemplate.textBody = QStringLiteral("Dear {{name}},\n…");
        messageTemplate.htmlBody = QStringLiteral("<p>Dear {{name}},</p>");
        return messageTemplate;
    }

    Template inserted(const QString& name) { return stored<TemplateRepository>(make(name)); }

private slots:
    void insertAndFindRoundTrip()
    {
        TemplateRepository repository(database());
        Template spring = make(QStringLiteral("  Spring appeal "));
        const Status done = repository.insert(spring);
        QVERIFY2(done.ok(), qPrintable(done.error().message));
        QVERIFY(spring.id > 0);
        QCOMPARE(spring.version, 1);
        QCOMPARE(spring.name, QStringLiteral("Spring appeal"));
        const QUuid uuid = QUuid::fromString(spring.uuid);
        QVERIFY2(!uuid.isNull() && uuid.version() == QUuid::Random, qPrintable(spring.uuid));
        QVERIFY(!spring.uuid.startsWith(QLatin1Char('{')));
        QVERIFY(spring.createdAt.isValid());
        QCOMPARE(spring.updatedAt, spring.createdAt);

        const auto found = repository.find(spring.id);
        QVERIFY2(found.ok(), qPrintable(found.error().message));
        QCOMPARE(found->name, spring.name);
        QCOMPARE(found->uuid, spring.uuid);
        QCOMPARE(found->subject, spring.subject);
        QCOMPARE(found->textBody, spring.textBody);
        QCOMPARE(found->htmlBody, spring.htmlBody);
        QCOMPARE(found->createdAt, spring.createdAt);
        QCOMPARE(found->updatedAt, spring.updatedAt);
        QCOMPARE(found->version, 1);

        const auto byUuid = repository.findByUuid(spring.uuid);
        QVERIFY2(byUuid.ok(), qPrintable(byUuid.error().message));
        QCOMPARE(byUuid->id, spring.id);
    }

    void aGivenUuidIsKept()
    {
        TemplateRepository repository(database());
        Template synced = make(QStringLiteral("From the laptop"));
        synced.uuid = QStringLiteral("6f1c1a5e-6a0b-4c5e-9d43-3a1f2b7c9e10");
        QVERIFY(repository.insert(synced).ok());
        QCOMPARE(repository.findByUuid(synced.uuid)->id, synced.id);
        QVERIFY(repository.findByUuid(QStringLiteral("00000000-0000-4000-8000-000000000000")).error().kind
                == Error::Kind::NotFound);
    }

    void nullTextIsStoredAsEmpty()
    {
        TemplateRepository repository(database());
        Template bare;
        bare.name = QStringLiteral("Bare");
        QVERIFY(bare.subject.isNull());
        const Status done = repository.insert(bare);
        QVERIFY2(done.ok(), qPrintable(done.error().message));
        QCOMPARE(selectValue(QStringLiteral("SELECT count(*) FROM templates WHERE id = :id AND subject = '' AND "
                                            "html_body = '' AND text_body = ''"),
                             bare.id)
                     .toInt(),
                 1);
        QVERIFY(repository.find(bare.id)->subject.isEmpty());
    }

    void invalidTemplatesAreRefusedBeforeTheDatabase_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("subject");
        QTest::addColumn<QString>("field");
        QTest::newRow("empty name") << "" << "Hello" << "name";
        QTest::newRow("blank name") << "   " << "Hello" << "name";
        QTest::newRow("name too long") << QString(301, QLatin1Char('x')) << "Hello" << "name";
        QTest::newRow("LF in subject") << "Appeal" << "Hello\nBcc: everyone@example.org" << "subject";
        QTest::newRow("CR in subject") << "Appeal" << "Hello\rBcc: everyone@example.org" << "subject";
    }

    void languageIsKeptWithEachVersion()
    {
        TemplateRepository repository(database());
        Template row = make(QStringLiteral("Boletín"));
        row.language = QStringLiteral(" es ");
        QVERIFY(repository.insert(row).ok());
        QCOMPARE(row.language, QStringLiteral("es"));
        QCOMPARE(repository.find(row.id)->language, QStringLiteral("es"));
        row.language = QStringLiteral("fr_CA");
        const Status done = repository.update(row);
        QVERIFY2(done.ok(), qPrintable(done.error().message));
        QCOMPARE(repository.find(row.id)->language, QStringLiteral("fr_CA"));
        QCOMPARE(repository.findVersion(row.id, 1)->language, QStringLiteral("es"));
        QCOMPARE(inserted(QStringLiteral("No language")).language, QString());
    }

    void aLanguageThatIsNoLanguageCodeIsRefused_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("a word") << "Spanish";
        QTest::newRow("SQL") << "es'; DROP TABLE templates; --";
        QTest::newRow("one letter") << "e";
        QTest::newRow("region only") << "_ES";
    }

    void aLanguageThatIsNoLanguageCodeIsRefused()
    {
        QFETCH(QString, language);
        Template bad = make(QStringLiteral("Appeal"));
        bad.language = language;
        const Status done = TemplateRepository(database()).insert(bad);
        QVERIFY(!done.ok());
        QCOMPARE(done.error().field, QStringLiteral("language"));
        QVERIFY2(done.error().message.contains(language), qPrintable(done.error().message));
    }

    void invalidTemplatesAreRefusedBeforeTheDatabase()
    {
        QFETCH(QString, name);
        QFETCH(QString, subject);
        QFETCH(QString, field);
        TemplateRepository repository(database());
        Template bad = make(name);
        bad.subject = subject;
        const Status done = repository.insert(bad);
        QVERIFY(!done.ok());
        QVERIFY(done.error().kind == Error::Kind::Validation);
        QCOMPARE(done.error().field, field);
        QVERIFY(repository.list()->isEmpty());
    }

    void duplicateNameNamesTheTemplateThatHasIt()
    {
        TemplateRepository repository(database());
        const Template first = inserted(QStringLiteral("Spring appeal"));
        Template second = make(QStringLiteral("SPRING APPEAL"));
        const Status done = repository.insert(second);
        QVERIFY(!done.ok());
        QVERIFY(done.error().kind == Error::Kind::Duplicate);
        QCOMPARE(done.error().field, QStringLiteral("name"));
        QVERIFY2(done.error().message.contains(QLatin1String("'Spring appeal'")), qPrintable(done.error().message));
        QVERIFY2(done.error().message.contains(QStringLiteral("#%1").arg(first.id)), qPrintable(done.error().message));

        Template other = inserted(QStringLiteral("Autumn appeal"));
        other.name = QStringLiteral("spring appeal");
        const Status renamed = repository.update(other);
        QVERIFY(renamed.error().kind == Error::Kind::Duplicate);
        QVERIFY2(renamed.error().message.contains(QStringLiteral("#%1").arg(first.id)),
                 qPrintable(renamed.error().message));
        QCOMPARE(repository.find(other.id)->name, QStringLiteral("Autumn appeal"));
    }

    void renamingToItsOwnNameInAnotherCaseIsAllowed()
    {
        TemplateRepository repository(database());
        Template row = inserted(QStringLiteral("spring appeal"));
        row.name = QStringLiteral("Spring Appeal");
        const Status done = repository.update(row);
        QVERIFY2(done.ok(), qPrintable(done.error().message));
        QCOMPARE(repository.find(row.id)->name, QStringLiteral("Spring Appeal"));
    }

    void updateBumpsVersionAndReadsBackItsTime()
    {
        TemplateRepository repository(database());
        Template row = inserted(QStringLiteral("Newsletter"));
        const QDateTime created = row.createdAt;
        QTest::qWait(5);
        row.subject = QStringLiteral("June news");
        const Status done = repository.update(row);
        QVERIFY2(done.ok(), qPrintable(done.error().message));
        QCOMPARE(row.version, 2);
        QVERIFY(row.updatedAt > created);
        const Template stored = repository.find(row.id).value();
        QCOMPARE(stored.subject, QStringLiteral("June news"));
        QCOMPARE(stored.updatedAt, row.updatedAt);
        QCOMPARE(stored.createdAt, created);
        QCOMPARE(stored.version, 2);
    }

    void concurrentEditIsAConflictNotAnOverwrite()
    {
        TemplateRepository repository(database());
        const Template original = inserted(QStringLiteral("Spring appeal"));
        Template mine = repository.find(original.id).value();
        Template theirs = repository.find(original.id).value();
        theirs.subject = QStringLiteral("Theirs");
        QVERIFY(repository.update(theirs).ok());

        mine.subject = QStringLiteral("Mine");
        const Status saved = repository.update(mine);
        QVERIFY(saved.error().kind == Error::Kind::Conflict);
        const QString message = saved.error().message;
        const QString expected = QStringLiteral("Template 'Spring appeal' (#%1) was changed by someone else");
        QVERIFY2(message.contains(expected.arg(original.id)), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("your version 1, now 2")), qPrintable(message));
        QCOMPARE(repository.find(original.id)->subject, QStringLiteral("Theirs"));
        QCOMPARE(mine.version, 1);
    }

    void eachSaveKeepsThePreviousVersion()
    {
        TemplateRepository repository(database());
        Template row = inserted(QStringLiteral("Newsletter"));
        const Template first = row;
        for (const char* subject : {"June news", "July news"}) {
            QTest::qWait(5);
            row.subject = QString::fromLatin1(subject);
            const Status done = repository.update(row);
            QVERIFY2(done.ok(), qPrintable(done.error().message));
        }
        QCOMPARE(row.version, 3);
        QCOMPARE(selectValue(QStringLiteral("SELECT count(*) FROM template_versions WHERE template_id = :id"), row.id)
                     .toInt(),
                 2);

        const auto history = repository.versions(row.id);
        QVERIFY2(history.ok(), qPrintable(history.error().message));
        QCOMPARE(history->size(), 3);
        QCOMPARE(history->at(0).version, 3);
        QCOMPARE(history->at(0).subject, QStringLiteral("July news"));
        QCOMPARE(history->at(1).version, 2);
        QCOMPARE(history->at(1).subject, QStringLiteral("June news"));
        QCOMPARE(history->at(2).version, 1);
        QCOMPARE(history->at(2).subject, first.subject);
        QCOMPARE(history->at(2).htmlBody, first.htmlBody);
        QCOMPARE(history->at(2).textBody, first.textBody);
        QCOMPARE(history->at(2).updatedAt, first.updatedAt); // when version 1 was saved
        QVERIFY(history->at(1).updatedAt > history->at(2).updatedAt);
        QVERIFY(history->at(0).updatedAt > history->at(1).updatedAt);

        const auto old = repository.findVersion(row.id, 1);
        QVERIFY2(old.ok(), qPrintable(old.error().message));
        QCOMPARE(old->id, row.id);
        QCOMPARE(old->uuid, row.uuid);
        QCOMPARE(old->name, QStringLiteral("Newsletter"));
        QCOMPARE(old->subject, first.subject);
        QCOMPARE(old->version, 1);
        QCOMPARE(repository.findVersion(row.id, 3)->subject, QStringLiteral("July news"));
        const auto missing = repository.findVersion(row.id, 7);
        QVERIFY(missing.error().kind == Error::Kind::NotFound);
        QVERIFY2(missing.error().message.contains(QLatin1String("'Newsletter'")) &&
                     missing.error().message.contains(QLatin1String("no version 7")),
                 qPrintable(missing.error().message));
        QVERIFY(repository.versions(row.id + 1000).error().kind == Error::Kind::NotFound);
    }

    void aConflictingSaveKeepsNoVersion()
    {
        TemplateRepository repository(database());
        const Template original = inserted(QStringLiteral("Spring appeal"));
        Template mine = original;
        Template theirs = original;
        theirs.subject = QStringLiteral("Theirs");
        QVERIFY(repository.update(theirs).ok());
        mine.subject = QStringLiteral("Mine");
        const Status saved = repository.update(mine);
        QVERIFY(saved.error().kind == Error::Kind::Conflict);
        QVERIFY2(saved.error().message.contains(QLatin1String("your version 1, now 2")),
                 qPrintable(saved.error().message));
        const auto history = repository.versions(original.id);
        QCOMPARE(history->size(), 2);
        QCOMPARE(history->at(0).subject, QStringLiteral("Theirs"));
        QCOMPARE(history->at(1).subject, original.subject);

        // A failed save (the name is taken) keeps nothing either: the copy is rolled back with it.
        inserted(QStringLiteral("Taken"));
        Template renamed = repository.find(original.id).value();
        renamed.name = QStringLiteral("taken");
        QVERIFY(repository.update(renamed).error().kind == Error::Kind::Duplicate);
        QCOMPARE(repository.versions(original.id)->size(), 2);
        renamed.name = QStringLiteral("Spring appeal");
        QVERIFY(repository.update(renamed).ok());
        QCOMPARE(repository.versions(original.id)->size(), 3);
    }

    void aCampaignReadsTheVersionItRecorded()
    {
        TemplateRepository templates(database());
        Template row = inserted(QStringLiteral("Invitation"));
        Campaign gala;
        gala.name = QStringLiteral("Gala");
        gala.templateId = row.id;
        gala.templateVersion = row.version;
        QVERIFY(CampaignRepository(database()).insert(gala).ok());
        row.subject = QStringLiteral("Changed after the campaign was made");
        QVERIFY(templates.update(row).ok());

        // A draft follows the template: queueing snapshots the template as it is then.
        Campaign draft = CampaignRepository(database()).find(gala.id).value();
        QVERIFY(draft.status == CampaignStatus::Draft && draft.subject.isEmpty());
        QVERIFY(templates.fillSnapshot(draft).ok());
        QCOMPARE(draft.templateVersion, 2);
        QCOMPARE(draft.subject, QStringLiteral("Changed after the campaign was made"));

        // Past the draft, the campaign renders the version it recorded.
        Campaign read = CampaignRepository(database()).find(gala.id).value();
        read.status = CampaignStatus::Scheduled;
        const Status filled = templates.fillSnapshot(read);
        QVERIFY2(filled.ok(), qPrintable(filled.error().message));
        QCOMPARE(read.templateVersion, 1);
        QCOMPARE(read.subject, QStringLiteral("News from {{sender}}"));
        QCOMPARE(read.htmlBody, QStringLiteral("<p>Dear {{name}},</p>"));

        Campaign snapshotted = read;
        snapshotted.subject = QStringLiteral("Own snapshot");
        QVERIFY(templates.fillSnapshot(snapshotted).ok());
        QCOMPARE(snapshotted.subject, QStringLiteral("Own snapshot"));

        // Deleting the template (once no campaign uses it) takes its history with it.
        QVERIFY(CampaignRepository(database()).remove(gala.id).ok());
        QVERIFY(templates.remove(row.id).ok());
        QCOMPARE(selectValue(QStringLiteral("SELECT count(*) FROM template_versions WHERE template_id = :id"), row.id)
                     .toInt(),
                 0);
    }

    void updateOfADeletedTemplateSaysSo()
    {
        TemplateRepository repository(database());
        Template row = inserted(QStringLiteral("Gone"));
        QVERIFY(repository.remove(row.id).ok());
        const Status saved = repository.update(row);
        QVERIFY(saved.error().kind == Error::Kind::NotFound);
        QVERIFY2(saved.error().message.contains(QLatin1String("'Gone'")), qPrintable(saved.error().message));
        QVERIFY(repository.find(row.id).error().kind == Error::Kind::NotFound);
        QVERIFY(repository.remove(row.id).error().kind == Error::Kind::NotFound);
    }

    void listIsOrderedByNameIgnoringCase()
    {
        for (const char* name : {"beta", "Alpha", "gamma", "Delta"})
            inserted(QString::fromLatin1(name));
        const auto all = TemplateRepository(database()).list();
        QVERIFY2(all.ok(), qPrintable(all.error().message));
        QStringList names;
        for (const Template& row : all.value())
            names << row.name;
        QCOMPARE(names, (QStringList{QStringLiteral("Alpha"), QStringLiteral("beta"), QStringLiteral("Delta"),
                                     QStringLiteral("gamma")}));
    }

    void removeIsRefusedWhileCampaignsUseIt()
    {
        TemplateRepository templates(database());
        CampaignRepository campaigns(database());
        const Template used = inserted(QStringLiteral("Spring appeal"));
        QList<qint64> campaignIds;
        for (const char* name : {"Gala 2026", "April reminder"}) {
            Campaign campaign;
            campaign.name = QString::fromLatin1(name);
            campaign.templateId = used.id;
            QVERIFY(campaigns.insert(campaign).ok());
            campaignIds << campaign.id;
        }

        const Status removed = templates.remove(used.id);
        QVERIFY(removed.error().kind == Error::Kind::Conflict);
        const QString message = removed.error().message;
        QVERIFY2(message.contains(QStringLiteral("Template 'Spring appeal' (#%1)").arg(used.id)), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("'April reminder' (#%1), 'Gala 2026' (#%2)")
                                      .arg(campaignIds.at(1))
                                      .arg(campaignIds.at(0))),
                 qPrintable(message));
        QVERIFY(templates.find(used.id).ok());

        for (const qint64 id : campaignIds)
            QVERIFY(campaigns.remove(id).ok());
        const Status freed = templates.remove(used.id);
        QVERIFY2(freed.ok(), qPrintable(freed.error().message));
        QVERIFY(templates.find(used.id).error().kind == Error::Kind::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestTemplateRepository)
#include "TestTemplateRepository.moc"
