#include "DatabaseTestCase.h"
#include "compose/TemplateValidator.h"
#include "onboarding/SampleData.h"
#include "sending/CampaignLauncher.h"
#include "storage/NonprofitRepository.h"
#include "storage/SegmentRepository.h"
#include "storage/TemplateRepository.h"

#include <QSqlQuery>
#include <QTest>

using namespace herald;

// The sample data a new user loads on an empty database, and removes again, on both backends: real organisations
// from the shipped IRS extract with example.org addresses, and a template, segment, identity and campaign that are
// ready to be sent; removal takes exactly what the sample made.
class TestSampleData : public test::DatabaseTestCase
{
    Q_OBJECT

    qint64 count(const QString& sql)
    {
        QSqlQuery query(database().connection());
        if (!query.exec(sql) || !query.next())
            return -1;
        return query.value(0).toLongLong();
    }

private slots:
    void loadsAReadyCampaignAndRemovesOnlyWhatItMade()
    {
        SampleData sample(database());
        QCOMPARE(sample.databaseIsEmpty().value(), true);
        QCOMPARE(sample.isLoaded().value(), false);
        qint64 lastDone = 0;
        JobControl control;
        control.progress = [&](qint64 done, qint64) { lastDone = done; };
        const auto loaded = sample.load(control);
        QVERIFY2(loaded.ok(), qPrintable(loaded.error().message));
        QCOMPARE(loaded->nonprofits, qint64(1242)); // every row of resources/data/irs-eo-bmf/eo_vt.csv
        QVERIFY(lastDone > 0);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM nonprofits WHERE email NOT LIKE '%@example.org'")), qint64(0));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM nonprofit_tags WHERE tag = 'sample'")), qint64(1242));
        QCOMPARE(sample.databaseIsEmpty().value(), false);
        QCOMPARE(sample.isLoaded().value(), true);

        // What it made passes the checks a real send goes through, and the segment selects some of the sample.
        const auto starter = TemplateRepository(database()).find(loaded->templateId);
        QVERIFY(starter.ok());
        for (const TemplateIssue& issue : TemplateValidator::validate(starter.value()))
            QVERIFY2(issue.severity != TemplateIssue::Severity::Error, qPrintable(issue.toString()));
        const auto prepared = CampaignLauncher(database()).prepare(loaded->campaignId);
        QVERIFY2(prepared.ok(), qPrintable(prepared.error().message));
        QVERIFY(prepared->postalAddress.contains(QLatin1String("SAMPLE")));
        SegmentRepository segments(database());
        const auto segment = segments.find(loaded->segmentId);
        QVERIFY(segment.ok());
        const auto inSegment = segments.count(segment->definition);
        QVERIFY(inSegment.ok());
        QVERIFY2(inSegment->mailable > 50 && inSegment->mailable < 1242, qPrintable(QString::number(inSegment->mailable)));

        // Once only.
        const auto again = sample.load();
        QVERIFY(!again.ok());
        QVERIFY2(again.error().message.contains(QLatin1String("already loaded")), qPrintable(again.error().message));

        // A person's own nonprofit, template and campaign stay when the sample goes.
        QSqlQuery own(database().connection());
        QVERIFY(own.exec(QStringLiteral("INSERT INTO nonprofits (name, email) VALUES ('Our Own Org', 'own@example.org')")));
        Template mine;
        mine.name = QStringLiteral("Mine");
        mine.subject = QStringLiteral("Hi");
        mine.textBody = QStringLiteral("{{postal_address}} {{unsubscribe_url}}");
        QVERIFY(TemplateRepository(database()).insert(mine).ok());
        const auto removed = sample.remove();
        QVERIFY2(removed.ok(), qPrintable(removed.error().message));
        qInfo("%s", qPrintable(removed->summary()));
        QCOMPARE(removed->nonprofits, qint64(1242));
        QCOMPARE(removed->templates, qint64(1));
        QCOMPARE(removed->segments, qint64(1));
        QCOMPARE(removed->identities, qint64(1));
        QCOMPARE(removed->campaigns, qint64(1));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM nonprofits")), qint64(1));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM templates")), qint64(1));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sample_rows")), qint64(0));
        QCOMPARE(sample.isLoaded().value(), false);
    }

    void aCancelledLoadIsRemovedWhole()
    {
        SampleData sample(database());
        JobControl control;
        control.isCancelled = [] { return true; }; // Cancel pressed at once
        const auto loaded = sample.load(control);
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().kind, Error::Kind::Cancelled);
        // What was committed before Cancel took effect (a batch) is sample data, tagged like the rest.
        const qint64 partial = count(QStringLiteral("SELECT count(*) FROM nonprofits"));
        QVERIFY2(partial > 0 && partial < 1242, qPrintable(QString::number(partial)));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sample_rows WHERE kind = 'nonprofit'")), partial);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM nonprofit_tags WHERE tag = 'sample'")), partial);
        QVERIFY(sample.remove().ok());
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM nonprofits")), qint64(0));
        QVERIFY(sample.load().ok()); // and it can be loaded again
    }
};

QTEST_GUILESS_MAIN(TestSampleData)
#include "TestSampleData.moc"
