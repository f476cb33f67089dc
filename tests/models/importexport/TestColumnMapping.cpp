#include "importexport/ColumnMapping.h"

#include <QTest>

using namespace herald;

class TestColumnMapping : public QObject
{
    Q_OBJECT

private slots:
    void irsExtractHeaderMapsItsAddressColumns()
    {
        const QStringList header
            = QStringLiteral("EIN,NAME,ICO,STREET,CITY,STATE,ZIP,GROUP,SUBSECTION,AFFILIATION,"
                             "CLASSIFICATION,RULING,DEDUCTIBILITY,FOUNDATION,ACTIVITY,ORGANIZATION,"
                             "STATUS,TAX_PERIOD,ASSET_CD,INCOME_CD,FILING_REQ_CD,PF_FILING_REQ_CD,"
                             "ACCT_PD,ASSET_AMT,INCOME_AMT,REVENUE_AMT,NTEE_CD,SORT_NAME")
                  .split(QLatin1Char(','));
        const ColumnMapping mapping = ColumnMapping::guess(header);
        QCOMPARE(mapping.columnOf(NonprofitField::Ein), 0);
        QCOMPARE(mapping.columnOf(NonprofitField::Name), 1); // not SORT_NAME, not ORGANIZATION (a code there)
        QCOMPARE(mapping.columnOf(NonprofitField::Street), 3);
        QCOMPARE(mapping.columnOf(NonprofitField::City), 4);
        QCOMPARE(mapping.columnOf(NonprofitField::Region), 5);
        QCOMPARE(mapping.columnOf(NonprofitField::PostalCode), 6);
        QVERIFY(!mapping.has(NonprofitField::Status)); // the IRS status is an exemption code
        QVERIFY(!mapping.has(NonprofitField::Email));
    }

    void headerNamesAreReadLoosely_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("field");
        QTest::newRow("E-mail Address") << QStringLiteral("E-mail Address") << int(NonprofitField::Email);
        QTest::newRow("Organisation name") << QStringLiteral("Organisation name") << int(NonprofitField::Name);
        QTest::newRow("postal_code") << QStringLiteral("postal_code") << int(NonprofitField::PostalCode);
        QTest::newRow("Zip Code") << QStringLiteral("Zip Code") << int(NonprofitField::PostalCode);
        QTest::newRow("Province") << QStringLiteral("Province") << int(NonprofitField::Region);
        QTest::newRow("Tags") << QStringLiteral(" Tags ") << int(NonprofitField::Tags);
        QTest::newRow("unknown") << QStringLiteral("Notes") << int(NonprofitField::Ignore);
    }

    void headerNamesAreReadLoosely()
    {
        QFETCH(QString, name);
        QFETCH(int, field);
        QCOMPARE(int(ColumnMapping::guess({ name }).fieldAt(0)), field);
    }

    void exportKeysAreGuessedBack()
    {
        QStringList keys;
        for (const NonprofitField field : ColumnMapping::allFields())
            keys << ColumnMapping::key(field);
        const ColumnMapping mapping = ColumnMapping::guess(keys);
        for (int column = 0; column < keys.size(); ++column)
            QVERIFY(mapping.fieldAt(column) == ColumnMapping::allFields().at(column));
    }

    void aFieldHasOneColumnAtMost()
    {
        ColumnMapping mapping
            = ColumnMapping::guess({ QStringLiteral("email"), QStringLiteral("contact"), QStringLiteral("name") });
        mapping.set(1, NonprofitField::Email);
        QCOMPARE(mapping.columnOf(NonprofitField::Email), 1);
        QVERIFY(mapping.fieldAt(0) == NonprofitField::Ignore);
        mapping.set(2, NonprofitField::Ignore);
        QVERIFY(!mapping.has(NonprofitField::Name));
        mapping.set(7, NonprofitField::Name); // no such column: nothing changes
        QVERIFY(!mapping.has(NonprofitField::Name));
        QVERIFY(!ColumnMapping::label(NonprofitField::PostalCode).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestColumnMapping)
#include "TestColumnMapping.moc"
