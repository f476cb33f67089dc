#include "TestDatabase.h"
#include "itemmodels/NonprofitTableModel.h"
#include "storage/NonprofitRepository.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace herald;

class TestNonprofitTableModel : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> m_scratch;
    std::unique_ptr<Database> m_database;

private slots:
    void init()
    {
        m_scratch = std::make_unique<test::TestDatabase>();
        QVERIFY2(m_scratch->isReady(), qPrintable(m_scratch->setupError()));
        m_database = m_scratch->open();
        NonprofitRepository repository(*m_database);
        for (int i = 0; i < 120; ++i) {
            Nonprofit row;
            row.name = QStringLiteral("%1 Org %2").arg(i % 2 ? QStringLiteral("Arts") : QStringLiteral("Food")).arg(i, 3, 10, QLatin1Char('0'));
            row.email = QStringLiteral("org%1@example.org").arg(i);
            row.city = i % 3 ? QStringLiteral("Dover") : QStringLiteral("Burlington");
            QVERIFY(repository.insert(row).ok());
        }
    }

    void cleanup()
    {
        m_database.reset();
        m_scratch.reset();
    }

    void passesTheModelTester()
    {
        NonprofitTableModel model(*m_database);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(7);
        model.refresh();
        model.setSearchText(QStringLiteral("arts"));
        model.sort(NonprofitTableModel::Email, Qt::DescendingOrder);
        while (model.canFetchMore({}))
            model.fetchMore({});
        QCOMPARE(model.rowCount(), 60);
    }

    void fetchesPagesOnDemand()
    {
        NonprofitTableModel model(*m_database);
        model.setPageSize(50);
        model.refresh();
        QCOMPARE(model.rowCount(), 50);
        QCOMPARE(model.totalCount(), qint64(120));
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 100);
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 120);
        QVERIFY(!model.canFetchMore({}));
    }

    void sortsAndFiltersInTheDatabase()
    {
        NonprofitTableModel model(*m_database);
        QSignalSpy counts(&model, &NonprofitTableModel::totalCountChanged);
        model.setPageSize(10);
        model.setSearchText(QStringLiteral("food"));
        QCOMPARE(model.totalCount(), qint64(60));
        QCOMPARE(counts.last().at(0).toLongLong(), qint64(60));
        QCOMPARE(model.rowCount(), 10);
        model.sort(NonprofitTableModel::Name, Qt::DescendingOrder);
        QCOMPARE(model.index(0, NonprofitTableModel::Name).data().toString(), QStringLiteral("Food Org 118"));
        model.sort(NonprofitTableModel::City, Qt::AscendingOrder);
        QCOMPARE(model.index(0, NonprofitTableModel::City).data().toString(), QStringLiteral("Burlington"));
        QCOMPARE(model.headerData(NonprofitTableModel::Ein, Qt::Horizontal).toString(), QStringLiteral("EIN"));
    }
};

QTEST_GUILESS_MAIN(TestNonprofitTableModel)
#include "TestNonprofitTableModel.moc"
