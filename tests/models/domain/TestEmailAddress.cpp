#include "domain/EmailAddress.h"
#include "domain/NonprofitValidator.h"

#include <QTest>

using namespace herald;

class TestEmailAddress : public QObject
{
    Q_OBJECT

private slots:
    void validity_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("problem");
        QTest::newRow("plain") << "info@example.org" << true << "";
        QTest::newRow("plus and dots") << "first.last+news@mail.example.org" << true << "";
        QTest::newRow("unicode domain") << "kontakt@bücherei.example" << true << "";
        QTest::newRow("empty") << "" << false << "is empty";
        QTest::newRow("no at") << "info.example.org" << false << "has no '@'";
        QTest::newRow("no local") << "@example.org" << false << "has nothing before the '@'";
        QTest::newRow("no domain") << "info@" << false << "has no domain after the '@'";
        QTest::newRow("dotless domain") << "info@localhost" << false << "has an invalid domain 'localhost'";
        QTest::newRow("double dot") << "a..b@example.org" << false << "has characters that are not allowed before the '@'";
        QTest::newRow("space inside") << "a b@example.org" << false << "has characters that are not allowed before the '@'";
        QTest::newRow("spaces around") << " a@example.org" << false << "has spaces around it";
        QTest::newRow("header injection") << "a@example.org\r\nBcc: x@evil.example" << false << "has characters that are not allowed before the '@'";
    }

    void validity()
    {
        QFETCH(QString, address);
        QFETCH(bool, valid);
        QFETCH(QString, problem);
        QCOMPARE(EmailAddress::isValid(address), valid);
        QCOMPARE(EmailAddress::problem(address), problem);
    }

    void validatorNamesTheField_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("ein");
        QTest::addColumn<QString>("field");
        QTest::newRow("ok") << "Food Bank" << "fb@example.org" << "01-0211530" << "";
        QTest::newRow("empty name") << "  " << "fb@example.org" << "" << "name";
        QTest::newRow("bad email") << "Food Bank" << "fb@" << "" << "email";
        QTest::newRow("bad ein") << "Food Bank" << "fb@example.org" << "12345" << "ein";
    }

    void validatorNamesTheField()
    {
        QFETCH(QString, name);
        QFETCH(QString, email);
        QFETCH(QString, ein);
        QFETCH(QString, field);
        Nonprofit nonprofit;
        nonprofit.name = name;
        nonprofit.email = email;
        nonprofit.ein = ein;
        const Status status = NonprofitValidator::validate(nonprofit);
        QCOMPARE(status.ok(), field.isEmpty());
        if (!status.ok()) {
            QCOMPARE(status.error().field, field);
            QCOMPARE(status.error().kind, Error::Kind::Validation);
        }
    }
};

QTEST_GUILESS_MAIN(TestEmailAddress)
#include "TestEmailAddress.moc"
