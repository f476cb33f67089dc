#include "DatabaseTestCase.h"
#include "domain/AnonymisedEmail.h"
#include "storage/SuppressionRepository.h"

#include <QSet>
#include <QTest>

using namespace herald;

class TestSuppressionRepository : public test::DatabaseTestCase
{
    Q_OBJECT

    static Suppression make(const QString& email, SuppressionReason reason = SuppressionReason::Manual,
                            const QString& source = QStringLiteral("alice"))
    {
        Suppression suppression;
        suppression.email = email;
        suppression.reason = reason;
        suppression.source = source;
        return suppression;
    }

    // Every address the filter lets through, read page by page (small pages, so the cursor and the filter meet).
    QStringList filtered(const SuppressionFilter& filter, int pageSize = 2)
    {
        SuppressionRepository repository(database());
        QStringList emails;
        SuppressionCursor cursor;
        for (int pages = 0; pages < 50; ++pages) {
            const auto page = repository.page(filter, cursor, pageSize);
            if (!page.ok()) {
                qWarning("%s", qPrintable(page.error().message));
                return { QStringLiteral("<error>") };
            }
            for (const Suppression& row : page->rows)
                emails << row.email;
            cursor = page->next;
            if (page->atEnd)
                break;
        }
        emails.sort();
        return emails;
    }

    void addFilterFixture()
    {
        SuppressionRepository repository(database());
        const QDateTime base(QDate(2026, 2, 1), QTime(9, 0), Qt::UTC);
        const struct
        {
            QString email;
            SuppressionReason reason;
        } rows[] = {
            { QStringLiteral("info@foodbank.example.org"), SuppressionReason::Unsubscribed },
            { QStringLiteral("director@FoodBank.example.org"), SuppressionReason::HardBounce },
            { QStringLiteral("c_d@arts.example.org"), SuppressionReason::Manual },
            { QStringLiteral("cxd@arts.example.org"), SuppressionReason::Complaint },
            { QStringLiteral("100%sure@arts.example.org"), SuppressionReason::Unsubscribed },
            { AnonymisedEmail::of(QStringLiteral("gone@foodbank.example.org")), SuppressionReason::Unsubscribed },
        };
        int i = 0;
        for (const auto& row : rows) {
            Suppression entry = make(row.email, row.reason);
            entry.createdAt = base.addSecs(i++ / 2); // pairs share a time: the email breaks the tie
            QVERIFY(repository.add(entry).value());
        }
    }

private slots:
    void addNormalizesAndReadsBack()
    {
        SuppressionRepository repository(database());
        Suppression bounce = make(QStringLiteral("  Info@FoodBank.Example.org "), SuppressionReason::HardBounce,
                                  QStringLiteral("smtp 550 5.1.1"));
        const auto added = repository.add(bounce);
        QVERIFY2(added.ok(), qPrintable(added.error().message));
        QVERIFY(added.value());
        QCOMPARE(bounce.email, QStringLiteral("info@foodbank.example.org"));
        QVERIFY(bounce.createdAt.isValid());

        const auto found = repository.find(QStringLiteral("INFO@foodbank.example.org"));
        QVERIFY2(found.ok(), qPrintable(found.error().message));
        QCOMPARE(found->email, bounce.email);
        QVERIFY(found->reason == SuppressionReason::HardBounce);
        QCOMPARE(found->source, QStringLiteral("smtp 550 5.1.1"));
        QCOMPARE(found->createdAt, bounce.createdAt);
        QCOMPARE(repository.isSuppressed(QStringLiteral("Info@foodbank.example.org")).value(), true);
        QCOMPARE(repository.isSuppressed(QStringLiteral("other@foodbank.example.org")).value(), false);
        QVERIFY(repository.find(QStringLiteral("other@foodbank.example.org")).error().kind == Error::Kind::NotFound);
    }

    void addingAgainKeepsTheFirstEntry()
    {
        SuppressionRepository repository(database());
        Suppression first = make(QStringLiteral("a@example.org"), SuppressionReason::Unsubscribed,
                                 QStringLiteral("unsubscribe link"));
        QVERIFY(repository.add(first).value());
        Suppression second = make(QStringLiteral("A@Example.org"), SuppressionReason::Complaint,
                                  QStringLiteral("feedback loop"));
        const auto again = repository.add(second);
        QVERIFY2(again.ok(), qPrintable(again.error().message));
        QCOMPARE(again.value(), false);
        const Suppression stored = repository.find(QStringLiteral("a@example.org")).value();
        QVERIFY(stored.reason == SuppressionReason::Unsubscribed);
        QCOMPARE(stored.source, QStringLiteral("unsubscribe link"));
        QCOMPARE(stored.createdAt, first.createdAt);
        QCOMPARE(repository.count().value(), qint64(1));
    }

    void anInvalidAddressIsRefused_data()
    {
        QTest::addColumn<QString>("email");
        QTest::newRow("empty") << "";
        QTest::newRow("no at") << "info.example.org";
        QTest::newRow("no domain") << "info@";
    }

    void anInvalidAddressIsRefused()
    {
        QFETCH(QString, email);
        SuppressionRepository repository(database());
        Suppression bad = make(email);
        const auto added = repository.add(bad);
        QVERIFY(!added.ok());
        QVERIFY(added.error().kind == Error::Kind::Validation);
        QCOMPARE(added.error().field, QStringLiteral("email"));
        QCOMPARE(repository.count().value(), qint64(0));
    }

    void removeLiftsTheSuppression()
    {
        SuppressionRepository repository(database());
        Suppression manual = make(QStringLiteral("b@example.org"));
        QVERIFY(repository.add(manual).value());
        QCOMPARE(repository.remove(QStringLiteral("B@example.org")).value(), true);
        QCOMPARE(repository.isSuppressed(QStringLiteral("b@example.org")).value(), false);
        QCOMPARE(repository.remove(QStringLiteral("b@example.org")).value(), false);
        QCOMPARE(repository.count().value(), qint64(0));
    }

    void aGivenTimeIsKept()
    {
        SuppressionRepository repository(database());
        Suppression imported = make(QStringLiteral("old@example.org"), SuppressionReason::Unsubscribed);
        imported.createdAt = QDateTime(QDate(2019, 5, 1), QTime(12, 0, 0, 500), Qt::UTC);
        QVERIFY(repository.add(imported).value());
        QCOMPARE(imported.createdAt, QDateTime(QDate(2019, 5, 1), QTime(12, 0, 0, 500), Qt::UTC));
        QCOMPARE(repository.find(imported.email)->createdAt, imported.createdAt);
    }

    void pagesAreNewestFirstAndCoverEveryAddressOnce()
    {
        SuppressionRepository repository(database());
        // Several addresses share a time (one import), so the email decides among them.
        const QDateTime base(QDate(2026, 1, 1), QTime(8, 0), Qt::UTC);
        for (int i = 0; i < 23; ++i) {
            Suppression row = make(QStringLiteral("user%1@example.org").arg(22 - i, 2, 10, QLatin1Char('0')));
            row.createdAt = base.addSecs(i / 4);
            QVERIFY(repository.add(row).value());
        }
        QCOMPARE(repository.count().value(), qint64(23));

        QList<Suppression> seen;
        SuppressionCursor cursor;
        for (int pages = 0; pages < 20; ++pages) {
            const auto page = repository.page({}, cursor, 5);
            QVERIFY2(page.ok(), qPrintable(page.error().message));
            seen += page->rows;
            cursor = page->next;
            if (page->atEnd)
                break;
        }
        QCOMPARE(seen.size(), 23);
        QSet<QString> emails;
        for (int i = 0; i < seen.size(); ++i) {
            emails.insert(seen.at(i).email);
            if (i == 0)
                continue;
            const Suppression& before = seen.at(i - 1);
            const Suppression& row = seen.at(i);
            const bool inOrder = before.createdAt > row.createdAt
                || (before.createdAt == row.createdAt && before.email < row.email);
            QVERIFY2(inOrder, qPrintable(row.email));
        }
        QCOMPARE(emails.size(), 23);
        QCOMPARE(seen.first().createdAt, base.addSecs(5));
        QCOMPARE(seen.first().email, QStringLiteral("user00@example.org"));
    }

    void filterMatchesSubstringsOfTheAddress_data()
    {
        QTest::addColumn<QString>("search");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("everything") << QString() << QStringList { QStringLiteral("100%sure@arts.example.org"),
            QStringLiteral("c_d@arts.example.org"), QStringLiteral("cxd@arts.example.org"),
            QStringLiteral("director@foodbank.example.org"), QStringLiteral("info@foodbank.example.org"),
            AnonymisedEmail::of(QStringLiteral("gone@foodbank.example.org")) };
        QTest::newRow("case ignored") << QStringLiteral("  FOODBANK ")
                                      << QStringList { QStringLiteral("director@foodbank.example.org"),
                                             QStringLiteral("info@foodbank.example.org") };
        QTest::newRow("underscore is no wildcard") << QStringLiteral("c_d")
                                                   << QStringList { QStringLiteral("c_d@arts.example.org") };
        QTest::newRow("percent is no wildcard") << QStringLiteral("%s")
                                                << QStringList { QStringLiteral("100%sure@arts.example.org") };
        QTest::newRow("no match") << QStringLiteral("library") << QStringList {};
        // An erased address holds no text to match, but its complete address finds its hash.
        QTest::newRow("part of an erased address") << QStringLiteral("gone@") << QStringList {};
        QTest::newRow("complete erased address") << QStringLiteral("Gone@FoodBank.example.org")
                                                 << QStringList { AnonymisedEmail::of(
                                                        QStringLiteral("gone@foodbank.example.org")) };
    }

    void filterMatchesSubstringsOfTheAddress()
    {
        QFETCH(QString, search);
        QFETCH(QStringList, expected);
        addFilterFixture();
        expected.sort();
        SuppressionFilter filter;
        filter.searchText = search;
        QCOMPARE(filter.isEverything(), search.trimmed().isEmpty());
        QCOMPARE(filtered(filter), expected);
        const auto count = SuppressionRepository(database()).count(filter);
        QVERIFY2(count.ok(), qPrintable(count.error().message));
        QCOMPARE(count.value(), qint64(expected.size()));
    }

    void filterByReasonAndSearchTogether()
    {
        addFilterFixture();
        SuppressionRepository repository(database());
        SuppressionFilter unsubscribed;
        unsubscribed.reason = SuppressionReason::Unsubscribed;
        QCOMPARE(repository.count(unsubscribed).value(), qint64(3));
        QCOMPARE(filtered(unsubscribed, 1),
            (QStringList { QStringLiteral("100%sure@arts.example.org"), QStringLiteral("info@foodbank.example.org"),
                AnonymisedEmail::of(QStringLiteral("gone@foodbank.example.org")) }));

        SuppressionFilter both = unsubscribed;
        both.searchText = QStringLiteral("foodbank");
        QCOMPARE(repository.count(both).value(), qint64(1));
        QCOMPARE(filtered(both), QStringList { QStringLiteral("info@foodbank.example.org") });

        SuppressionFilter complaints;
        complaints.reason = SuppressionReason::Complaint;
        complaints.searchText = QStringLiteral("foodbank");
        QCOMPARE(repository.count(complaints).value(), qint64(0));
        QVERIFY(filtered(complaints).isEmpty());
        QVERIFY(!complaints.isEverything());
    }

    void removeAllLiftsTheGivenEntriesOnly()
    {
        addFilterFixture();
        SuppressionRepository repository(database());
        const QString erased = AnonymisedEmail::of(QStringLiteral("gone@foodbank.example.org"));
        const auto removed = repository.removeAll(
            { QStringLiteral("INFO@foodbank.example.org"), erased, QStringLiteral("never@example.org") });
        QVERIFY2(removed.ok(), qPrintable(removed.error().message));
        QCOMPARE(removed.value(), 2);
        QCOMPARE(repository.count().value(), qint64(4));
        QCOMPARE(repository.isSuppressed(QStringLiteral("info@foodbank.example.org")).value(), false);
        QCOMPARE(repository.isSuppressed(QStringLiteral("gone@foodbank.example.org")).value(), false);
        QCOMPARE(repository.isSuppressed(QStringLiteral("director@foodbank.example.org")).value(), true);
        QCOMPARE(repository.removeAll({}).value(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSuppressionRepository)
#include "TestSuppressionRepository.moc"
