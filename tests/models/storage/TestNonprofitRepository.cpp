#include "TestDatabase.h"
#include "storage/NonprofitRepository.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <algorithm>
#include <tuple>

using namespace herald;

class TestNonprofitRepository : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> m_scratch;
    std::unique_ptr<Database> m_database;

    static Nonprofit make(const QString& name, const QString& email, const QString& ein = {})
    {
        Nonprofit nonprofit;
        nonprofit.name = name;
        nonprofit.email = email;
        nonprofit.ein = ein;
        nonprofit.city = QStringLiteral("Dover");
        nonprofit.region = QStringLiteral("DE");
        return nonprofit;
    }

private slots:
    void init()
    {
        m_scratch = std::make_unique<test::TestDatabase>();
        QVERIFY2(m_scratch->isReady(), qPrintable(m_scratch->setupError()));
        m_database = m_scratch->open();
        QVERIFY(m_database->schemaVersion() > 0);
    }

    void cleanup()
    {
        m_database.reset();
        m_scratch.reset();
    }

    void insertAndFindRoundTrip()
    {
        NonprofitRepository repository(*m_database);
        Nonprofit bank = make(QStringLiteral("  Food Bank of Delaware "), QStringLiteral("info@fbd.example.org"),
                              QStringLiteral("01-0211530"));
        bank.tags = {QStringLiteral("2026-gala"), QStringLiteral("food"), QStringLiteral("food")};
        const Status inserted = repository.insert(bank);
        QVERIFY2(inserted.ok(), qPrintable(inserted.error().message));
        QVERIFY(bank.id > 0);
        QCOMPARE(bank.version, 1);
        QVERIFY(bank.createdAt.isValid());

        const auto found = repository.find(bank.id);
        QVERIFY2(found.ok(), qPrintable(found.error().message));
        QCOMPARE(found->name, QStringLiteral("Food Bank of Delaware"));
        QCOMPARE(found->ein, QStringLiteral("010211530")); // leading zero kept, dash dropped
        QCOMPARE(found->tags, (QStringList{QStringLiteral("2026-gala"), QStringLiteral("food")}));
        QVERIFY(found->status == NonprofitStatus::Active);
        QCOMPARE(found->createdAt, bank.createdAt);

        const auto byEmail = repository.findByEmail(QStringLiteral("INFO@fbd.example.org"));
        QVERIFY(byEmail.ok());
        QCOMPARE(byEmail->id, bank.id);
    }

    void duplicateEmailNamesTheRowThatHasIt()
    {
        NonprofitRepository repository(*m_database);
        Nonprofit first = make(QStringLiteral("Delaware Humane Association"), QStringLiteral("hello@dha.example.org"));
        QVERIFY(repository.insert(first).ok());
        Nonprofit second = make(QStringLiteral("Another"), QStringLiteral("Hello@DHA.example.org"));
        const Status inserted = repository.insert(second);
        QVERIFY(!inserted.ok());
        QCOMPARE(inserted.error().kind, Error::Kind::Duplicate);
        QCOMPARE(inserted.error().field, QStringLiteral("email"));
        QVERIFY2(inserted.error().message.contains(QLatin1String("Delaware Humane Association")), qPrintable(inserted.error().message));
        QVERIFY2(inserted.error().message.contains(QStringLiteral("#%1").arg(first.id)), qPrintable(inserted.error().message));
    }

    void duplicateEinNamesTheRowThatHasIt()
    {
        NonprofitRepository repository(*m_database);
        Nonprofit first = make(QStringLiteral("Chapter A"), QStringLiteral("a@example.org"), QStringLiteral("010211530"));
        QVERIFY(repository.insert(first).ok());
        Nonprofit second = make(QStringLiteral("Chapter B"), QStringLiteral("b@example.org"), QStringLiteral("01-0211530"));
        const Status inserted = repository.insert(second);
        QVERIFY(!inserted.ok());
        QCOMPARE(inserted.error().field, QStringLiteral("ein"));
        QVERIFY2(inserted.error().message.contains(QLatin1String("Chapter A")), qPrintable(inserted.error().message));
    }

    void invalidInputIsRefusedBeforeTheDatabase_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("field");
        QTest::newRow("empty name") << "" << "x@example.org" << "name";
        QTest::newRow("invalid email") << "Name" << "not-an-address" << "email";
    }

    void invalidInputIsRefusedBeforeTheDatabase()
    {
        QFETCH(QString, name);
        QFETCH(QString, email);
        QFETCH(QString, field);
        NonprofitRepository repository(*m_database);
        Nonprofit bad = make(name, email);
        const Status inserted = repository.insert(bad);
        QVERIFY(!inserted.ok());
        QCOMPARE(inserted.error().kind, Error::Kind::Validation);
        QCOMPARE(inserted.error().field, field);
        QCOMPARE(repository.count({}).value(), qint64(0));
    }

    void concurrentEditIsAConflictNotAnOverwrite()
    {
        NonprofitRepository repository(*m_database);
        Nonprofit original = make(QStringLiteral("Vermont Foodbank"), QStringLiteral("vf@example.org"));
        QVERIFY(repository.insert(original).ok());

        Nonprofit mine = repository.find(original.id).value();
        Nonprofit theirs = repository.find(original.id).value();
        theirs.city = QStringLiteral("Barre");
        QVERIFY(repository.update(theirs).ok());
        QCOMPARE(theirs.version, 2);

        mine.city = QStringLiteral("Montpelier");
        const Status saved = repository.update(mine);
        QVERIFY(!saved.ok());
        QCOMPARE(saved.error().kind, Error::Kind::Conflict);
        QVERIFY2(saved.error().message.contains(QLatin1String("changed by someone else")), qPrintable(saved.error().message));
        QCOMPARE(repository.find(original.id)->city, QStringLiteral("Barre"));
    }

    void updateOfADeletedRowSaysSo()
    {
        NonprofitRepository repository(*m_database);
        Nonprofit row = make(QStringLiteral("Gone"), QStringLiteral("gone@example.org"));
        QVERIFY(repository.insert(row).ok());
        QCOMPARE(repository.remove({row.id}).value(), 1);
        const Status saved = repository.update(row);
        QCOMPARE(saved.error().kind, Error::Kind::NotFound);
    }

    void tagsAreReplacedOnUpdate()
    {
        NonprofitRepository repository(*m_database);
        Nonprofit row = make(QStringLiteral("Tagged"), QStringLiteral("t@example.org"));
        row.tags = {QStringLiteral("a"), QStringLiteral("b")};
        QVERIFY(repository.insert(row).ok());
        row.tags = {QStringLiteral("c")};
        QVERIFY(repository.update(row).ok());
        QCOMPARE(repository.find(row.id)->tags, QStringList{QStringLiteral("c")});
    }

    void keysetPagesCoverEveryRowOnceInOrder_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<bool>("descending");
        QTest::newRow("name asc") << int(NonprofitQuery::SortColumn::Name) << false;
        QTest::newRow("name desc") << int(NonprofitQuery::SortColumn::Name) << true;
        QTest::newRow("city asc (ties)") << int(NonprofitQuery::SortColumn::City) << false;
        QTest::newRow("ein desc (nulls)") << int(NonprofitQuery::SortColumn::Ein) << true;
        QTest::newRow("updated asc") << int(NonprofitQuery::SortColumn::Updated) << false;
    }

    void keysetPagesCoverEveryRowOnceInOrder()
    {
        QFETCH(int, column);
        QFETCH(bool, descending);
        NonprofitRepository repository(*m_database);
        const QStringList cities = {QStringLiteral("Dover"), QStringLiteral("Lewes"), QStringLiteral("Newark")};
        for (int i = 0; i < 53; ++i) {
            Nonprofit row = make(QStringLiteral("Org %1").arg(i % 17, 2, 10, QLatin1Char('0')), QStringLiteral("org%1@example.org").arg(i),
                                 i % 3 == 0 ? QString() : QStringLiteral("%1").arg(100000000 + i));
            row.city = cities.at(i % 3);
            QVERIFY(repository.insert(row).ok());
        }
        NonprofitQuery query;
        query.sortColumn = NonprofitQuery::SortColumn(column);
        query.descending = descending;
        QList<qint64> seen;
        NonprofitCursor cursor;
        for (int pages = 0; pages < 20; ++pages) {
            const auto page = repository.page(query, cursor, 10);
            QVERIFY2(page.ok(), qPrintable(page.error().message));
            for (const Nonprofit& row : page->rows)
                seen << row.id;
            cursor = page->next;
            if (page->atEnd)
                break;
        }
        QCOMPARE(seen.size(), 53);
        QCOMPARE(QSet<qint64>(seen.begin(), seen.end()).size(), 53);
        const auto all = repository.page(query, {}, 1000);
        QList<qint64> inOneGo;
        for (const Nonprofit& row : all->rows)
            inOneGo << row.id;
        QCOMPARE(seen, inOneGo);
    }

    void searchMatchesNameOrEmailIgnoringCaseAndWildcards()
    {
        NonprofitRepository repository(*m_database);
        for (const auto& [name, email] : {std::pair{"Food Bank of Delaware", "fbd@example.org"},
                                          std::pair{"Delaware Humane", "food@dha.example.org"},
                                          std::pair{"100% Kids", "kids@example.org"},
                                          std::pair{"Arts Council", "arts@example.org"}}) {
            Nonprofit row = make(QString::fromUtf8(name), QString::fromUtf8(email));
            QVERIFY(repository.insert(row).ok());
        }
        NonprofitQuery query;
        query.searchText = QStringLiteral("FOOD");
        QCOMPARE(repository.count(query).value(), qint64(2));
        query.searchText = QStringLiteral("100%");
        QCOMPARE(repository.count(query).value(), qint64(1));
        query.searchText = QStringLiteral("%");
        QCOMPARE(repository.count(query).value(), qint64(1));
        query.searchText = QStringLiteral("_");
        QCOMPARE(repository.count(query).value(), qint64(0));
        query.searchText = QStringLiteral("'; DROP TABLE nonprofits; --");
        QCOMPARE(repository.count(query).value(), qint64(0));
        QCOMPARE(repository.count({}).value(), qint64(4));
    }

    // A text matching 20,000 rows or more is looked for along the sort order (SQLite: LIKE instead of the search
    // index); fewer matches are collected first. Either way the pages hold the same rows in the same order.
    void denseAndSparseSearchesPageInSortOrder()
    {
        const int rows = 25000; // every fifth is "Lakeside": 5,000 sparse matches, 20,000 dense "Riverside" ones
        QSqlQuery insert(m_database->connection());
        QVERIFY2(insert.exec(QStringLiteral(
                     "WITH RECURSIVE g(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < %1) "
                     "INSERT INTO nonprofits (name, email, city) SELECT CASE WHEN i % 5 = 0 THEN 'Lakeside Club ' "
                     "ELSE 'Riverside Club ' END || i, 'org' || i || '@example.org', 'Dover' FROM g").arg(rows)),
                 qPrintable(insert.lastError().text()));
        const auto expected = [rows](bool lakeside) {
            QStringList names;
            for (int i = 1; i <= rows; ++i)
                if ((i % 5 == 0) == lakeside)
                    names << (lakeside ? QStringLiteral("Lakeside Club ") : QStringLiteral("Riverside Club ")) + QString::number(i);
            std::sort(names.begin(), names.end(), [](const QString& a, const QString& b) { return a.toLower() < b.toLower(); });
            return names;
        };
        const QList<std::tuple<QString, QStringList, bool>> cases = {
            {QStringLiteral("RIVERSIDE"), expected(false), false},
            {QStringLiteral("lakeside"), expected(true), false},
            {QStringLiteral("riverside"), expected(false), true},
        };
        NonprofitRepository repository(*m_database);
        for (const auto& [text, names, descending] : cases) {
            NonprofitQuery query;
            query.searchText = text;
            query.descending = descending;
            QStringList wanted = names;
            if (descending)
                std::reverse(wanted.begin(), wanted.end());
            QStringList seen;
            NonprofitCursor cursor;
            for (int pages = 0; pages < 3; ++pages) {
                const auto page = repository.page(query, cursor, 100);
                QVERIFY2(page.ok(), qPrintable(page.error().message));
                QVERIFY(!page->atEnd);
                for (const Nonprofit& row : page->rows)
                    seen << row.name;
                cursor = page->next;
            }
            QCOMPARE(seen, wanted.mid(0, 300));
            QCOMPARE(repository.count(query).value(), qint64(names.size()));
        }
    }

    void bulkRemoveIsAllOrNothing()
    {
        NonprofitRepository repository(*m_database);
        QList<qint64> ids;
        for (int i = 0; i < 5; ++i) {
            Nonprofit row = make(QStringLiteral("R%1").arg(i), QStringLiteral("r%1@example.org").arg(i));
            QVERIFY(repository.insert(row).ok());
            ids << row.id;
        }
        QCOMPARE(repository.remove(ids.mid(0, 3)).value(), 3);
        QCOMPARE(repository.count({}).value(), qint64(2));
    }

    void bulkTagAndUntagChangeOnlyTheRowsThatChange()
    {
        NonprofitRepository repository(*m_database);
        QList<Nonprofit> rows;
        for (int i = 0; i < 4; ++i) {
            Nonprofit row = make(QStringLiteral("T%1").arg(i), QStringLiteral("t%1@example.org").arg(i));
            if (i == 0)
                row.tags = {QStringLiteral("gala")};
            QVERIFY(repository.insert(row).ok());
            rows << row;
        }
        const QList<qint64> firstThree = {rows[0].id, rows[1].id, rows[2].id};
        // Row 0 already has "gala": only rows 1 and 2 change.
        QCOMPARE(repository.addTags(firstThree, {QStringLiteral(" gala "), QStringLiteral("gala")}).value(), 2);
        QCOMPARE(repository.find(rows[0].id)->version, 1);
        QCOMPARE(repository.find(rows[1].id)->version, 2);
        QCOMPARE(repository.find(rows[1].id)->tags, QStringList{QStringLiteral("gala")});
        QVERIFY(repository.find(rows[3].id)->tags.isEmpty());

        NonprofitQuery tagged;
        tagged.segment.anyOfTags = {QStringLiteral("gala")};
        QCOMPARE(repository.count(tagged).value(), qint64(3));
        tagged.searchText = QStringLiteral("t1@");
        QCOMPARE(repository.count(tagged).value(), qint64(1));

        // An editor holding row 1 from before the bulk tag is told, not allowed to overwrite.
        Nonprofit stale = rows[1];
        stale.city = QStringLiteral("Lewes");
        QVERIFY(repository.update(stale).error().kind == Error::Kind::Conflict);

        QCOMPARE(repository.removeTags({rows[1].id, rows[3].id}, {QStringLiteral("gala")}).value(), 1);
        QVERIFY(repository.find(rows[1].id)->tags.isEmpty());
        QCOMPARE(repository.find(rows[1].id)->version, 3);

        const auto bad = repository.addTags(firstThree, {QStringLiteral("a,b")});
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().field, QStringLiteral("tags"));
    }
};

QTEST_GUILESS_MAIN(TestNonprofitRepository)
#include "TestNonprofitRepository.moc"
