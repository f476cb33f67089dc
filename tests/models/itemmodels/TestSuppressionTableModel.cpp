#include "TestDatabase.h"
#include "domain/AnonymisedEmail.h"
#include "itemmodels/SuppressionTableModel.h"
#include "storage/SuppressionRepository.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>

using namespace herald;

class TestSuppressionTableModel : public QObject
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
        SuppressionRepository repository(*m_database);
        const QDateTime base(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC);
        for (int i = 0; i < 45; ++i) {
            Suppression row;
            row.email = i == 44 ? AnonymisedEmail::of(QStringLiteral("erased@example.org"))
                                : QStringLiteral("user%1@%2.example.org").arg(i).arg(i % 2 ? "odd" : "even");
            row.reason = i % 3 ? SuppressionReason::Unsubscribed : SuppressionReason::Complaint;
            row.source = QStringLiteral("test");
            row.createdAt = base.addSecs(i * 60);
            QVERIFY(repository.add(row).value());
        }
    }

    void cleanup()
    {
        m_database.reset();
        m_scratch.reset();
    }

    void passesTheModelTester()
    {
        SuppressionTableModel model(*m_database);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(7);
        model.refresh();
        model.setSearchText(QStringLiteral("odd"));
        model.setReason(SuppressionReason::Unsubscribed);
        while (model.canFetchMore({}))
            model.fetchMore({});
        QCOMPARE(model.rowCount(), 15);
        QCOMPARE(model.totalCount(), qint64(15));
    }

    void fetchesPagesOnDemandNewestFirst()
    {
        SuppressionTableModel model(*m_database);
        QSignalSpy counts(&model, &SuppressionTableModel::totalCountChanged);
        model.setPageSize(20);
        model.refresh();
        QCOMPARE(counts.size(), 1);
        QCOMPARE(counts.last().at(0).toLongLong(), qint64(45));
        QCOMPARE(model.rowCount(), 20);
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 40);
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 45);
        QVERIFY(!model.canFetchMore({}));
        QCOMPARE(model.suppressionAt(1).email, QStringLiteral("user43@odd.example.org"));
        QCOMPARE(model.index(1, SuppressionTableModel::Reason).data().toString(), QStringLiteral("Unsubscribed"));
        QCOMPARE(model.index(1, SuppressionTableModel::Added).data().toString(),
            QLocale().toString(QDateTime(QDate(2026, 3, 1), QTime(12, 43), Qt::UTC).toLocalTime(), QLocale::ShortFormat));
    }

    void erasedEntriesShowNoAddress()
    {
        SuppressionTableModel model(*m_database);
        const QString hash = AnonymisedEmail::of(QStringLiteral("erased@example.org"));
        const QModelIndex address = model.index(0, SuppressionTableModel::Address);
        QCOMPARE(address.data(SuppressionTableModel::EmailRole).toString(), hash);
        QCOMPARE(address.data().toString(), SuppressionTableModel::erasedText());
        QVERIFY(address.data(Qt::ToolTipRole).toString().contains(hash));
        QCOMPARE(model.index(1, SuppressionTableModel::Address).data(Qt::ToolTipRole).toString(),
            QStringLiteral("user43@odd.example.org"));
    }
};

QTEST_GUILESS_MAIN(TestSuppressionTableModel)
#include "TestSuppressionTableModel.moc"
