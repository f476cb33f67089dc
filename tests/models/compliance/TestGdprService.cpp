#include "DatabaseTestCase.h"
#include "EngagementRows.h"
#include "ScratchFiles.h"
#include "compliance/GdprService.h"
#include "domain/AnonymisedEmail.h"
#include "importexport/NonprofitImporter.h"
#include "sending/SendQueue.h"
#include "storage/AuditLogRepository.h"
#include "storage/NonprofitRepository.h"
#include "storage/SuppressionRepository.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace herald;

class TestGdprService : public test::DatabaseTestCase
{
    Q_OBJECT

    test::ScratchFiles m_files;
    Nonprofit m_bank;
    const QString m_email = QStringLiteral("info@foodbank.example.org");

    void exec(const QString& sql)
    {
        QSqlQuery query(database().connection());
        QVERIFY2(query.exec(sql), qPrintable(query.lastError().text() + QStringLiteral(": ") + sql));
    }

    qint64 count(const QString& sql)
    {
        QSqlQuery query(database().connection());
        if (!query.exec(sql) || !query.next())
            return -1;
        return query.value(0).toLongLong();
    }

    // A nonprofit that was mailed, failed once, unsubscribed and was edited.
    void seed()
    {
        m_bank = Nonprofit();
        m_bank.name = QStringLiteral("Food Bank of Delaware");
        m_bank.email = QStringLiteral("Info@FoodBank.example.org");
        m_bank.ein = QStringLiteral("010211530");
        m_bank.tags = { QStringLiteral("2026-gala"), QStringLiteral("food") };
        QVERIFY(NonprofitRepository(database()).insert(m_bank).ok());
        Nonprofit other;
        other.name = QStringLiteral("Other");
        other.email = QStringLiteral("other@example.org");
        QVERIFY(NonprofitRepository(database()).insert(other).ok());
        exec(QStringLiteral("INSERT INTO campaigns (id, uuid, name) VALUES (1, 'c1', 'Spring appeal')"));
        QVERIFY(SendQueue(database(), QStringLiteral("test")).enqueue(1, {}).ok());
        exec(QStringLiteral("UPDATE sends SET status = 'failed', smtp_code = 450, "
                            "error = '450 4.2.2 <info@foodbank.example.org>: mailbox full' "
                            "WHERE email = 'info@foodbank.example.org'"));
        Suppression unsubscribed;
        unsubscribed.email = m_email;
        unsubscribed.reason = SuppressionReason::Unsubscribed;
        unsubscribed.source = QStringLiteral("unsubscribe link");
        QVERIFY(SuppressionRepository(database()).add(unsubscribed).ok());
        QVERIFY(AuditLogRepository(database())
                    .record(QStringLiteral("alice"), QStringLiteral("update"), QStringLiteral("nonprofit"),
                        QString::number(m_bank.id), QStringLiteral("email set to info@foodbank.example.org"))
                    .ok());
        seedEngagement();
    }

    // Both messages of campaign 1 were opened and one link clicked (per-recipient tracking), and one open came
    // with an anonymous token: nobody's.
    void seedEngagement()
    {
        const qint64 bankSend = count(QStringLiteral("SELECT id FROM sends WHERE email = 'info@foodbank.example.org'"));
        const qint64 otherSend = count(QStringLiteral("SELECT id FROM sends WHERE email = 'other@example.org'"));
        test::EngagementRows rows(database());
        rows.link(1, 1, QStringLiteral("https://example.org/give"));
        rows.totals(1, QStringLiteral("human"), 3, 1, 2, 1);
        const QDateTime at(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);
        for (const qint64 send : { bankSend, otherSend }) {
            rows.event(test::EngagementRows::Event::open(1, send, at));
            rows.recipient(send, 1, at, send == bankSend ? at.addSecs(60) : QDateTime(), 1, send == bankSend ? 1 : 0, 0);
        }
        rows.event(test::EngagementRows::Event::click(1, bankSend, 1, at.addSecs(60)));
        rows.recipientLink(bankSend, 1, 1, 1, 0);
        rows.event(test::EngagementRows::Event::open(1, 0, at.addSecs(5)));
        QVERIFY2(rows.error().isEmpty(), qPrintable(rows.error()));
    }

private slots:
    void exportHoldsEverythingAboutTheAddress()
    {
        seed();
        const auto data = GdprService(database()).exportData(QStringLiteral("INFO@foodbank.example.org"));
        QVERIFY2(data.ok(), qPrintable(data.error().message));
        const QJsonObject nonprofit = data->value(QStringLiteral("nonprofit")).toObject();
        QCOMPARE(nonprofit.value(QStringLiteral("name")).toString(), m_bank.name);
        QCOMPARE(nonprofit.value(QStringLiteral("ein")).toString(), QStringLiteral("010211530"));
        QCOMPARE(nonprofit.value(QStringLiteral("tags")).toArray().size(), 2);
        const QJsonArray sends = data->value(QStringLiteral("sends")).toArray();
        QCOMPARE(sends.size(), 1);
        QCOMPARE(
            sends.first().toObject().value(QStringLiteral("campaign")).toString(), QStringLiteral("Spring appeal"));
        QCOMPARE(sends.first().toObject().value(QStringLiteral("smtp_code")).toInt(), 450);
        QCOMPARE(data->value(QStringLiteral("suppression")).toObject().value(QStringLiteral("reason")).toString(),
            QStringLiteral("unsubscribed"));
        const QJsonArray audit = data->value(QStringLiteral("audit")).toArray();
        QCOMPARE(audit.size(), 1);
        QCOMPARE(audit.first().toObject().value(QStringLiteral("actor")).toString(),
                 test::TestDatabase::auditActor(QStringLiteral("alice")));
        // Its opens and clicks: the raw events of its message (not the other's, not the anonymous one), and what
        // the roll-ups hold of its message.
        const QJsonArray events = data->value(QStringLiteral("engagement_events")).toArray();
        QCOMPARE(events.size(), 2);
        QCOMPARE(events.at(0).toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("open"));
        QCOMPARE(events.at(0).toObject().value(QStringLiteral("occurred_at")).toString(),
            QStringLiteral("2026-03-02T09:00:00.000Z"));
        QCOMPARE(events.at(1).toObject().value(QStringLiteral("link_url")).toString(),
            QStringLiteral("https://example.org/give"));
        QCOMPARE(events.at(1).toObject().value(QStringLiteral("client_network")).toString(),
            QStringLiteral("192.0.2.0/24"));
        const QJsonArray engagement = data->value(QStringLiteral("engagement")).toArray();
        QCOMPARE(engagement.size(), 1);
        const QJsonObject message = engagement.first().toObject();
        QCOMPARE(message.value(QStringLiteral("first_human_click")).toString(),
            QStringLiteral("2026-03-02T09:01:00.000Z"));
        QCOMPARE(message.value(QStringLiteral("links")).toArray().size(), 1);
        QCOMPARE(message.value(QStringLiteral("links")).toArray().first().toObject().value(QStringLiteral("url")),
            QJsonValue(QStringLiteral("https://example.org/give")));

        const QString path = m_files.path(QStringLiteral("export.json"));
        QVERIFY(GdprService(database()).writeExport(m_email, path).ok());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("email")).toString(), m_email);
    }

    void eraseLeavesOnlyAnAnonymisedSuppression()
    {
        seed();
        const QString hash = AnonymisedEmail::of(m_email);
        const auto erased
            = GdprService(database()).erase(QStringLiteral(" Info@FoodBank.example.org "), QStringLiteral("dpo"));
        QVERIFY2(erased.ok(), qPrintable(erased.error().message));
        QCOMPARE(erased->nonprofitId, m_bank.id);
        QCOMPARE(erased->sendsAnonymised, qint64(1));
        QCOMPARE(erased->suppressionKey, hash);
        QCOMPARE(erased->engagementEventsDeleted, qint64(2));
        // Its opens and clicks are gone; the other recipient's, the anonymous one and the campaign's totals stay.
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM engagement_events")), qint64(2));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM engagement_events WHERE send_id IS NULL")), qint64(1));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM send_engagement")), qint64(1));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM send_link_engagement")), qint64(0));
        QCOMPARE(count(QStringLiteral("SELECT opens FROM campaign_engagement")), qint64(3));

        QCOMPARE(
            count(QStringLiteral("SELECT count(*) FROM nonprofits WHERE lower(email) = 'info@foodbank.example.org'")),
            qint64(0));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM nonprofit_tags")), qint64(0));
        QCOMPARE(count(QStringLiteral(
                     "SELECT count(*) FROM sends WHERE email LIKE '%foodbank%' OR error LIKE '%foodbank%'")),
            qint64(0));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sends WHERE nonprofit_id IS NULL AND status = 'failed'")),
            qint64(1));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE detail LIKE '%foodbank%'")), qint64(0));
        SuppressionRepository suppressions(database());
        // The plain address is gone from the list, yet it stays suppressed through its hash, so a
        // re-imported row with the same address is never mailed.
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM suppressions WHERE email LIKE '%foodbank%'")), qint64(0));
        QVERIFY(suppressions.isSuppressed(m_email).value());
        const auto kept = suppressions.find(hash);
        QVERIFY2(kept.ok(), qPrintable(kept.error().message));
        QVERIFY(kept->reason == SuppressionReason::Unsubscribed);
        const auto lines
            = AuditLogRepository(database()).listFor(QStringLiteral("nonprofit"), QString::number(m_bank.id));
        QCOMPARE(lines->first().action, QStringLiteral("erase"));
        QCOMPARE(lines->first().actor, test::TestDatabase::auditActor(QStringLiteral("dpo")));

        // What is left to export is the anonymised entry only.
        const auto after = GdprService(database()).exportData(m_email);
        QVERIFY(after.ok());
        QVERIFY(after->value(QStringLiteral("nonprofit")).isNull());
        QVERIFY(after->value(QStringLiteral("suppression")).isNull());
        QCOMPARE(
            after->value(QStringLiteral("erased_suppression")).toObject().value(QStringLiteral("email")).toString(),
            hash);
    }

    void erasedAddressIsNeverMailedAgain()
    {
        seed();
        QVERIFY(GdprService(database()).erase(m_email, QStringLiteral("dpo")).ok());

        // Added again by hand: stored, but unsubscribed.
        Nonprofit again;
        again.name = QStringLiteral("Food Bank of Delaware");
        again.email = QStringLiteral("INFO@foodbank.example.org");
        QVERIFY(NonprofitRepository(database()).insert(again).ok());
        QVERIFY(again.status == NonprofitStatus::Unsubscribed);
        again.status = NonprofitStatus::Active; // an edit cannot make it mailable either
        QVERIFY(NonprofitRepository(database()).update(again).ok());
        QVERIFY(NonprofitRepository(database()).find(again.id)->status == NonprofitStatus::Unsubscribed);
        QVERIFY(NonprofitRepository(database()).remove({ again.id }).ok());

        // Imported again: the same.
        const QString path = m_files.write(QStringLiteral("again.csv"),
            "name,email,status\nFood Bank of Delaware,"
            "info@foodbank.example.org,active\nNew,new@example.org,active\n");
        const ImportReport report = NonprofitImporter(database()).run(path, {});
        QVERIFY2(report.completed() && report.added == 2, qPrintable(report.summary()));
        QCOMPARE(report.markedUnmailable, qint64(1));
        QVERIFY(NonprofitRepository(database()).findByEmail(m_email)->status == NonprofitStatus::Unsubscribed);

        exec(QStringLiteral("INSERT INTO campaigns (id, uuid, name) VALUES (2, 'c2', 'Summer')"));
        const auto counts = SendQueue(database(), QStringLiteral("test")).enqueue(2, {});
        QVERIFY(counts.ok());
        QCOMPARE(counts->pending, qint64(2)); // other@ and new@
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sends WHERE campaign_id = 2 AND email LIKE 'info@%'")),
            qint64(0));
    }

    void addressHeldNowhereIsNotFoundButCanStillBeErased()
    {
        seed();
        const auto data = GdprService(database()).exportData(QStringLiteral("nobody@example.org"));
        QVERIFY(!data.ok());
        QCOMPARE(data.error().kind, Error::Kind::NotFound);
        const auto erased = GdprService(database()).erase(QStringLiteral("nobody@example.org"), QStringLiteral("dpo"));
        QVERIFY(erased.ok());
        QCOMPARE(erased->nonprofitId, qint64(0));
        QVERIFY(SuppressionRepository(database()).isSuppressed(erased->suppressionKey).value());
    }
};

QTEST_GUILESS_MAIN(TestGdprService)
#include "TestGdprService.moc"
