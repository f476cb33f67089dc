#include "DatabaseTestCase.h"
#include "EngagementRows.h"
#include "itemmodels/EngagementRecipientsModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace herald;

// The "who opened, who clicked" table on both backends: pages fetched as the view scrolls, the search and the
// humans-only filter answered by the database, and what each column shows.
class TestEngagementRecipientsModel : public test::DatabaseTestCase
{
    Q_OBJECT

    qint64 m_campaign = 0;

    // 25 recipients engaged: every fifth only by machines; the first clicked links 3 and 1.
    void seed()
    {
        test::EngagementRows rows(database());
        m_campaign = rows.campaign(QStringLiteral("Gala"), QStringLiteral("per_recipient"));
        const QDateTime at(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);
        for (int i = 0; i < 25; ++i) {
            const QString email = QStringLiteral("org%1@%2.example.org").arg(i).arg(i < 10 ? "north" : "south");
            const qint64 send = rows.send(m_campaign, rows.nonprofit(QStringLiteral("Org %1").arg(i), email), email,
                                          QStringLiteral("sent"), at);
            if (i % 5 == 4)
                rows.recipient(send, m_campaign, {}, {}, 0, 0, 2, at.addSecs(1));
            else
                rows.recipient(send, m_campaign, at.addSecs(600 + i), i == 0 ? at.addSecs(700) : QDateTime(), 1, i == 0 ? 2 : 0, 0);
            if (i == 0) {
                rows.recipientLink(send, m_campaign, 3, 1, 0);
                rows.recipientLink(send, m_campaign, 1, 1, 0);
            }
        }
        QVERIFY2(rows.error().isEmpty(), qPrintable(rows.error()));
    }

private slots:
    void passesTheModelTesterAndFetchesPages()
    {
        seed();
        EngagementRecipientsModel model(database());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0); // no campaign yet
        model.setPageSize(10);
        model.setCampaign(m_campaign);
        QCOMPARE(model.totalCount(), qint64(25));
        QCOMPARE(model.rowCount(), 10);
        QVERIFY(model.canFetchMore({}));
        while (model.canFetchMore({}))
            model.fetchMore({});
        QCOMPARE(model.rowCount(), 25);

        QCOMPARE(model.data(model.index(0, EngagementRecipientsModel::Name)).toString(), QStringLiteral("Org 0"));
        QCOMPARE(model.data(model.index(0, EngagementRecipientsModel::Email)).toString(),
                 QStringLiteral("org0@north.example.org"));
        QVERIFY(!model.data(model.index(0, EngagementRecipientsModel::FirstOpened)).toString().isEmpty());
        QVERIFY(!model.data(model.index(0, EngagementRecipientsModel::FirstClicked)).toString().isEmpty());
        QCOMPARE(model.data(model.index(0, EngagementRecipientsModel::LinksClicked)).toString(), QStringLiteral("1, 3"));
        QCOMPARE(model.data(model.index(0, EngagementRecipientsModel::MachinesOnly)).toString(), QString());
        QVERIFY(model.data(model.index(1, EngagementRecipientsModel::FirstClicked)).toString().isEmpty());
        QCOMPARE(model.data(model.index(4, EngagementRecipientsModel::MachinesOnly)).toString(),
                 QStringLiteral("Machines only"));
        QVERIFY(model.data(model.index(4, EngagementRecipientsModel::FirstOpened)).toString().isEmpty());
        QVERIFY(model.data(model.index(3, EngagementRecipientsModel::Name), EngagementRecipientsModel::SendIdRole)
                    .toLongLong() > 0);
    }

    void searchAndHumansOnlyAreTheDatabases()
    {
        seed();
        EngagementRecipientsModel model(database());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCampaign(m_campaign);
        QSignalSpy counted(&model, &EngagementRecipientsModel::totalCountChanged);
        model.setHumansOnly(true);
        QCOMPARE(model.totalCount(), qint64(20));
        model.setSearchText(QStringLiteral("north"));
        QCOMPARE(model.totalCount(), qint64(8)); // org0..org9 less org4 and org9
        QCOMPARE(model.rowCount(), 8);
        model.setHumansOnly(false);
        QCOMPARE(model.rowCount(), 10);
        QCOMPARE(counted.size(), 3);
    }
};

QTEST_GUILESS_MAIN(TestEngagementRecipientsModel)
#include "TestEngagementRecipientsModel.moc"
