#include "DatabaseTestCase.h"
#include "sending/SendQueue.h"
#include "storage/AudienceCounter.h"
#include "storage/NonprofitRepository.h"
#include "storage/SegmentRepository.h"
#include "storage/SuppressionRepository.h"

#include <QSqlQuery>
#include <QTest>

using namespace herald;

// Audience counts for the campaign editor: recipients and suppressed, counted in the database, equal to what the
// queue then takes; and the recipients whose consent allows per-recipient tracking.
class TestAudienceCounter : public test::DatabaseTestCase
{
    Q_OBJECT

    void add(const QString& name, const QString& email, const QStringList& tags,
             NonprofitStatus status = NonprofitStatus::Active, const QString& consent = QStringLiteral("unknown"))
    {
        Nonprofit row;
        row.name = name;
        row.email = email;
        row.region = QStringLiteral("DE");
        row.tags = tags;
        row.status = status;
        row.consent = consent;
        const Status stored = NonprofitRepository(database()).insert(row);
        QVERIFY2(stored.ok(), qPrintable(stored.error().message));
    }

    void suppress(const QString& email)
    {
        Suppression suppression;
        suppression.email = email;
        QVERIFY(SuppressionRepository(database()).add(suppression).ok());
    }

    void seed()
    {
        const QString gala = QStringLiteral("2026-gala");
        const QString consent = perRecipientTrackingConsent();
        const NonprofitStatus active = NonprofitStatus::Active;
        add(QStringLiteral("Food Bank"), QStringLiteral("info@food.example.org"), {gala}, active, consent);
        // Consent, but suppressed or not active: not a recipient, so not tracked either.
        add(QStringLiteral("Library"), QStringLiteral("Books@Library.example.org"), {gala}, active, consent);
        add(QStringLiteral("Shelter"), QStringLiteral("stay@shelter.example.org"), {gala}, active,
            QStringLiteral("legitimate_interest"));
        add(QStringLiteral("Arts"), QStringLiteral("art@arts.example.org"), {QStringLiteral("arts")});
        add(QStringLiteral("Gone"), QStringLiteral("gone@gone.example.org"), {gala}, NonprofitStatus::Unsubscribed,
            consent);
        add(QStringLiteral("Museum"), QStringLiteral("hello@museum.example.org"), {}, active, consent);
        // Suppressions are kept in lower case; the nonprofit's address is compared ignoring case.
        suppress(QStringLiteral("books@library.example.org"));
        suppress(QStringLiteral("art@arts.example.org"));
        suppress(QStringLiteral("gone@gone.example.org")); // not active: neither a recipient nor counted suppressed
        suppress(QStringLiteral("nobody@elsewhere.example.org"));
    }

private slots:
    void countsRecipientsAndSuppressed_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<qint64>("recipients");
        QTest::addColumn<qint64>("suppressed");
        QTest::addColumn<qint64>("trackable"); // recipients whose consent allows per-recipient tracking
        QTest::newRow("all active") << QStringLiteral("{\"all\":true}") << qint64(3) << qint64(2) << qint64(2);
        QTest::newRow("tag") << QStringLiteral("{\"tags\":[\"2026-gala\"]}") << qint64(2) << qint64(1) << qint64(1);
        QTest::newRow("no match") << QStringLiteral("{\"tags\":[\"none\"]}") << qint64(0) << qint64(0) << qint64(0);
        QTest::newRow("text") << QStringLiteral("{\"text\":\"arts\"}") << qint64(0) << qint64(1) << qint64(0);
    }

    void countsRecipientsAndSuppressed()
    {
        QFETCH(QString, json);
        QFETCH(qint64, recipients);
        QFETCH(qint64, suppressed);
        QFETCH(qint64, trackable);
        seed();
        AudienceCounter counter(database());
        const auto size = counter.count(Audience::fromJson(json));
        QVERIFY2(size.ok(), qPrintable(size.error().message));
        QCOMPARE(size->recipients, recipients);
        QCOMPARE(size->suppressed, suppressed);
        QCOMPARE(size->trackablePerRecipient, trackable);

        // The queue takes exactly that: pending rows for recipients, suppressed rows for the rest.
        QVERIFY(QSqlQuery(database().connection())
                    .exec(QStringLiteral("INSERT INTO campaigns (id, uuid, name) VALUES (1, 'c1', 'Gala')")));
        const auto queued = SendQueue(database(), QStringLiteral("test")).enqueue(1, Audience::fromJson(json));
        QVERIFY2(queued.ok(), qPrintable(queued.error().message));
        QCOMPARE(queued->pending, recipients);
        QCOMPARE(queued->suppressed, suppressed);
    }

    void countsASavedSegmentByReference()
    {
        seed();
        Segment segment;
        segment.name = QStringLiteral("Gala guests");
        segment.definition.anyOfTags = {QStringLiteral("2026-gala")};
        QVERIFY(SegmentRepository(database()).insert(segment).ok());
        AudienceCounter counter(database());
        const auto size = counter.countCampaignAudience(QStringLiteral("{\"segment\":%1}").arg(segment.id));
        QVERIFY2(size.ok(), qPrintable(size.error().message));
        QCOMPARE(size->recipients, qint64(2));
        QCOMPARE(size->suppressed, qint64(1));

        suppress(QStringLiteral("info@food.example.org"));
        const auto after = counter.countCampaignAudience(QStringLiteral("{\"segment\":%1}").arg(segment.id));
        QCOMPARE(after->recipients, qint64(1));
        QCOMPARE(after->suppressed, qint64(2));

        const auto gone = counter.countCampaignAudience(QStringLiteral("{\"segment\":999}"));
        QCOMPARE(gone.error().kind, Error::Kind::NotFound);
        QVERIFY(gone.error().message.contains(QLatin1String("999")));
    }
};

QTEST_GUILESS_MAIN(TestAudienceCounter)
#include "TestAudienceCounter.moc"
