#include "DatabaseTestCase.h"
#include "sending/SendQueue.h"
#include "storage/NonprofitRepository.h"
#include "storage/SegmentRepository.h"
#include "storage/SuppressionRepository.h"

#include <QSqlQuery>
#include <QTest>

using namespace herald;

// Saved segments, their live count, and the one condition the count, the table's search and the queue share.
class TestSegmentRepository : public test::DatabaseTestCase
{
    Q_OBJECT

    void add(const QString& name, const QString& email, const QString& city, const QString& region,
        const QStringList& tags, NonprofitStatus status = NonprofitStatus::Active, const QString& ein = {})
    {
        Nonprofit row;
        row.name = name;
        row.email = email;
        row.city = city;
        row.region = region;
        row.tags = tags;
        row.status = status;
        row.ein = ein;
        const Status stored = NonprofitRepository(database()).insert(row);
        QVERIFY2(stored.ok(), qPrintable(stored.error().message));
    }

    void seed()
    {
        add(QStringLiteral("Food Bank of Delaware"), QStringLiteral("info@fbd.example.org"), QStringLiteral("Newark"),
            QStringLiteral("DE"), { QStringLiteral("food"), QStringLiteral("2026-gala") }, NonprofitStatus::Active,
            QStringLiteral("010211530"));
        add(QStringLiteral("Vermont Foodbank"), QStringLiteral("hello@vtfood.example.org"), QStringLiteral("Barre"),
            QStringLiteral("VT"), { QStringLiteral("food") });
        add(QStringLiteral("Dover Library"), QStringLiteral("books@dover.example.org"), QStringLiteral("Dover"),
            QStringLiteral("DE"), { QStringLiteral("2026-gala") });
        add(QStringLiteral("Lewes Arts"), QStringLiteral("art@lewes.example.org"), QStringLiteral("Lewes"),
            QStringLiteral("DE"), { QStringLiteral("arts") }, NonprofitStatus::Unsubscribed,
            QStringLiteral("020000001"));
        add(QStringLiteral("Wilmington Shelter"), QStringLiteral("stay@shelter.example.org"),
            QStringLiteral("Wilmington"), QStringLiteral("DE"), { QStringLiteral("2026-gala") });
        Suppression suppression;
        suppression.email = QStringLiteral("stay@shelter.example.org");
        QVERIFY(SuppressionRepository(database()).add(suppression).ok());
    }

    qint64 searchCount(const QString& text)
    {
        NonprofitQuery query;
        query.searchText = text;
        return NonprofitRepository(database()).count(query).value();
    }

private slots:
    void insertFindListUpdateRemove()
    {
        SegmentRepository repository(database());
        Segment gala;
        gala.name = QStringLiteral("  Gala guests ");
        gala.definition.anyOfTags = { QStringLiteral("2026-gala"), QStringLiteral(" 2026-gala") };
        gala.definition.region = QStringLiteral("DE");
        QVERIFY(repository.insert(gala).ok());
        QVERIFY(gala.id > 0 && !gala.uuid.isEmpty());
        QCOMPARE(gala.version, 1);
        const auto found = repository.find(gala.id);
        QVERIFY(found.ok());
        QCOMPARE(found->name, QStringLiteral("Gala guests"));
        QCOMPARE(found->definition.anyOfTags, QStringList { QStringLiteral("2026-gala") });
        QCOMPARE(found->definition.region, QStringLiteral("DE"));

        Segment duplicate;
        duplicate.name = QStringLiteral("GALA GUESTS");
        const Status refused = repository.insert(duplicate);
        QCOMPARE(refused.error().kind, Error::Kind::Duplicate);

        Segment stale = found.value();
        gala.definition.status = NonprofitStatus::Active;
        gala.definition.searchText = QStringLiteral("food");
        QVERIFY(repository.update(gala).ok());
        QCOMPARE(gala.version, 2);
        stale.name = QStringLiteral("Someone else's edit");
        QCOMPARE(repository.update(stale).error().kind, Error::Kind::Conflict);
        QVERIFY(repository.find(gala.id)->definition == gala.definition);
        QCOMPARE(repository.list()->size(), 1);
        QVERIFY(repository.remove(gala.id).value());
        QCOMPARE(repository.list()->size(), 0);
    }

    void liveCountMatchesWhatTheQueueTakes_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<qint64>("matching");
        QTest::addColumn<qint64>("mailable");
        QTest::newRow("everyone") << QStringLiteral("{\"all\":true}") << qint64(5) << qint64(3);
        QTest::newRow("tag") << QStringLiteral("{\"tags\":[\"2026-gala\"]}") << qint64(3) << qint64(2);
        QTest::newRow("any of two tags") << QStringLiteral("{\"tags\":[\"arts\",\"food\"]}") << qint64(3) << qint64(2);
        QTest::newRow("region") << QStringLiteral("{\"region\":\"DE\"}") << qint64(4) << qint64(2);
        QTest::newRow("status") << QStringLiteral("{\"status\":\"unsubscribed\"}") << qint64(1) << qint64(0);
        QTest::newRow("text in the name") << QStringLiteral("{\"text\":\"FOOD\"}") << qint64(2) << qint64(2);
        QTest::newRow("text and region") << QStringLiteral("{\"text\":\"food\",\"region\":\"DE\"}") << qint64(1)
                                         << qint64(1);
        QTest::newRow("text in the city") << QStringLiteral("{\"text\":\"wilm\"}") << qint64(1) << qint64(0);
    }

    void liveCountMatchesWhatTheQueueTakes()
    {
        QFETCH(QString, json);
        QFETCH(qint64, matching);
        QFETCH(qint64, mailable);
        seed();
        SegmentRepository repository(database());
        const Audience audience = Audience::fromJson(json);
        const auto counted = repository.count(audience);
        QVERIFY2(counted.ok(), qPrintable(counted.error().message));
        QCOMPARE(counted->matching, matching);
        QCOMPARE(counted->mailable, mailable);

        // Saved, and named by a campaign as its audience: the queue takes exactly the mailable ones.
        Segment segment;
        segment.name = QStringLiteral("Under test");
        segment.definition = audience;
        QVERIFY(repository.insert(segment).ok());
        const auto resolved = repository.resolve(QStringLiteral("{\"segment\":%1}").arg(segment.id));
        QVERIFY(resolved.ok());
        QVERIFY(resolved.value() == audience);
        QSqlQuery(database().connection())
            .exec(QStringLiteral("INSERT INTO campaigns (id, uuid, name) VALUES (1, 'c1', 'Gala')"));
        const auto queued = SendQueue(database(), QStringLiteral("test")).enqueue(1, resolved.value());
        QVERIFY2(queued.ok(), qPrintable(queued.error().message));
        QCOMPARE(queued->pending, mailable);
    }

    void searchLooksInNameEmailEinAndCity_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("found");
        QTest::newRow("name, any case") << QStringLiteral("fOoD") << qint64(2);
        QTest::newRow("email") << QStringLiteral("@dover.example") << qint64(1);
        QTest::newRow("city") << QStringLiteral("ewar") << qint64(1);
        QTest::newRow("EIN digits") << QStringLiteral("0211") << qint64(1);
        QTest::newRow("EIN with dash") << QStringLiteral("01-02115") << qint64(1);
        QTest::newRow("EIN prefix shared") << QStringLiteral("0") << qint64(2);
        QTest::newRow("wildcards are literal") << QStringLiteral("%") << qint64(0);
        QTest::newRow("nothing") << QStringLiteral("zzz") << qint64(0);
    }

    void searchLooksInNameEmailEinAndCity()
    {
        QFETCH(QString, text);
        QFETCH(qint64, found);
        seed();
        QCOMPARE(searchCount(text), found);
    }
};

QTEST_GUILESS_MAIN(TestSegmentRepository)
#include "TestSegmentRepository.moc"
