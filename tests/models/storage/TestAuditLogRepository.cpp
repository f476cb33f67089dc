#include "DatabaseTestCase.h"
#include "storage/AuditLogRepository.h"
#include "storage/ProviderRepository.h"

#include <QTest>

using namespace herald;

class TestAuditLogRepository : public test::DatabaseTestCase
{
    Q_OBJECT

private slots:
    void recordReturnsTheStoredLine()
    {
        AuditLogRepository log(database());
        const auto entry = log.record(QStringLiteral("alice"), QStringLiteral("update"), QStringLiteral("campaign"),
                                      QStringLiteral("7"), QStringLiteral("subject changed"));
        QVERIFY2(entry.ok(), qPrintable(entry.error().message));
        QVERIFY(entry->id > 0);
        QVERIFY(entry->at.isValid());
        QVERIFY(qAbs(entry->at.secsTo(QDateTime::currentDateTimeUtc())) < 60);

        const auto lines = log.listFor(QStringLiteral("campaign"), QStringLiteral("7"));
        QVERIFY2(lines.ok(), qPrintable(lines.error().message));
        QCOMPARE(lines->size(), 1);
        const AuditEntry& stored = lines->first();
        QCOMPARE(stored.id, entry->id);
        QCOMPARE(stored.at, entry->at);
        QCOMPARE(stored.actor, test::TestDatabase::auditActor(QStringLiteral("alice")));
        QCOMPARE(entry->actor, stored.actor);
        QCOMPARE(stored.action, QStringLiteral("update"));
        QCOMPARE(stored.entity, QStringLiteral("campaign"));
        QCOMPARE(stored.entityId, QStringLiteral("7"));
        QCOMPARE(stored.detail, QStringLiteral("subject changed"));
    }

    void anEmptyDetailIsStoredAsEmptyText()
    {
        AuditLogRepository log(database());
        const auto entry = log.record(QString(), QStringLiteral("import"), QStringLiteral("nonprofit"), QString());
        QVERIFY2(entry.ok(), qPrintable(entry.error().message));
        QCOMPARE(selectValue(QStringLiteral("SELECT count(*) FROM audit_log WHERE id = :id AND actor = '%1' AND "
                                            "entity_id = '' AND detail = ''")
                                 .arg(test::TestDatabase::auditActor(QString())),
                             entry->id)
                     .toInt(),
                 1);
    }

    void anActionAndAnEntityAreRequired()
    {
        AuditLogRepository log(database());
        QCOMPARE(log.record(QStringLiteral("alice"), QString(), QStringLiteral("campaign"), QStringLiteral("1"))
                     .error()
                     .field,
                 QStringLiteral("action"));
        QCOMPARE(log.record(QStringLiteral("alice"), QStringLiteral("send"), QStringLiteral(" "), QStringLiteral("1"))
                     .error()
                     .field,
                 QStringLiteral("entity"));
        QVERIFY(log.recent(10)->isEmpty());
    }

    void listForShowsOneEntityNewestFirst()
    {
        AuditLogRepository log(database());
        QList<qint64> campaignLines;
        for (const char* action : {"create", "update", "send"}) {
            const auto entry = log.record(QStringLiteral("alice"), QString::fromLatin1(action),
                                          QStringLiteral("campaign"), QStringLiteral("7"));
            QVERIFY(entry.ok());
            campaignLines.prepend(entry->id);
            QVERIFY(log.record(QStringLiteral("bob"), QStringLiteral("update"), QStringLiteral("campaign"),
                               QStringLiteral("8"))
                        .ok());
            QVERIFY(log.record(QStringLiteral("bob"), QStringLiteral("update"), QStringLiteral("template"),
                               QStringLiteral("7"))
                        .ok());
        }
        const auto lines = log.listFor(QStringLiteral("campaign"), QStringLiteral("7"));
        QVERIFY2(lines.ok(), qPrintable(lines.error().message));
        QList<qint64> ids;
        QStringList actions;
        for (const AuditEntry& line : lines.value()) {
            ids << line.id;
            actions << line.action;
        }
        QCOMPARE(ids, campaignLines);
        QCOMPARE(actions, (QStringList{QStringLiteral("send"), QStringLiteral("update"), QStringLiteral("create")}));
        QVERIFY(log.listFor(QStringLiteral("campaign"), QStringLiteral("9"))->isEmpty());
    }

    void recentIsTheNewestLinesUpToTheLimit()
    {
        AuditLogRepository log(database());
        QList<qint64> ids;
        for (int i = 0; i < 7; ++i) {
            const auto entry = log.record(QStringLiteral("alice"), QStringLiteral("update"),
                                          QStringLiteral("nonprofit"), QString::number(i));
            QVERIFY(entry.ok());
            ids.prepend(entry->id);
        }
        const auto latest = log.recent(3);
        QVERIFY2(latest.ok(), qPrintable(latest.error().message));
        QList<qint64> latestIds;
        for (const AuditEntry& line : latest.value())
            latestIds << line.id;
        QCOMPARE(latestIds, ids.mid(0, 3));
        QCOMPARE(log.recent(100)->size(), 7);
    }
    void pagesNewestFirstAndSearches()
    {
        // The audit view: keyset pages by id, newest first; the search looks in actor, action, entity and details.
        AuditLogRepository log(database());
        for (int i = 0; i < 5; ++i)
            QVERIFY(log.record(QStringLiteral("bob"), QStringLiteral("import"), QStringLiteral("nonprofit"),
                               QString::number(i), QStringLiteral("100% of row_%1").arg(i)).ok());
        QVERIFY(log.record(QStringLiteral("carol"), QStringLiteral("provider change"), QStringLiteral("provider"),
                           QStringLiteral("9"), QStringLiteral("Office Relay: smtp")).ok());
        QCOMPARE(log.count(QString()).value(), qint64(6));
        const auto first = log.page(QString(), 0, 4);
        QVERIFY2(first.ok(), qPrintable(first.error().message));
        QCOMPARE(first->rows.size(), 4);
        QVERIFY(!first->atEnd);
        QCOMPARE(first->rows.first().entity, QStringLiteral("provider"));
        const auto second = log.page(QString(), first->next, 4);
        QCOMPARE(second->rows.size(), 2);
        QVERIFY(second->atEnd);
        QCOMPARE(second->rows.last().entityId, QStringLiteral("0"));
        QVERIFY(second->rows.first().id < first->rows.last().id);

        QCOMPARE(log.count(QStringLiteral("office relay")).value(), qint64(1)); // details, any case
        QCOMPARE(log.count(QStringLiteral("PROVIDER")).value(), qint64(1));    // action and entity
        QCOMPARE(log.count(QStringLiteral("row_3")).value(), qint64(1));       // '_' is no wildcard
        QCOMPARE(log.count(QStringLiteral("100%")).value(), qint64(5));        // nor '%'
        QCOMPARE(log.count(QStringLiteral("0%")).value(), qint64(5));
        QCOMPARE(log.page(QStringLiteral("row_"), 0, 10)->rows.size(), 5);
    }

    void providerChangesAreRecorded()
    {
        // Issue 18: every provider change in the audit log, without its secret.
        Provider provider;
        provider.name = QStringLiteral("Office Relay");
        provider.host = QStringLiteral("smtp.example.org");
        provider.username = QStringLiteral("herald");
        provider.secretRef = QStringLiteral("provider/office-relay");
        ProviderRepository providers(database());
        QVERIFY(providers.insert(provider).ok());
        provider.ratePerSecond = 3;
        QVERIFY(providers.update(provider).ok());
        QVERIFY(providers.remove(provider.id).ok());
        const auto lines = AuditLogRepository(database()).listFor(QStringLiteral("provider"), QString::number(provider.id));
        QVERIFY(lines.ok());
        QCOMPARE(lines->size(), 3);
        QCOMPARE(lines->at(0).action, QStringLiteral("provider remove"));
        QCOMPARE(lines->at(1).action, QStringLiteral("provider change"));
        QCOMPARE(lines->at(2).action, QStringLiteral("provider add"));
        QVERIFY2(lines->at(1).detail.contains(QLatin1String("Office Relay: smtp smtp.example.org:587")),
                 qPrintable(lines->at(1).detail));
        QVERIFY(lines->at(1).detail.contains(QLatin1String("3/s")));
        for (const AuditEntry& line : lines.value())
            QVERIFY(!line.detail.contains(QLatin1String("provider/office-relay")));
    }
};

QTEST_GUILESS_MAIN(TestAuditLogRepository)
#include "TestAuditLogRepository.moc"
