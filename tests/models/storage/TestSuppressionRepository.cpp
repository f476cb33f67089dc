#include "DatabaseTestCase.h"
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
            const auto page = repository.page(cursor, 5);
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
};

QTEST_GUILESS_MAIN(TestSuppressionRepository)
#include "TestSuppressionRepository.moc"
