#include "DatabaseTestCase.h"
#include "storage/SenderIdentityRepository.h"

#include <QTest>

using namespace herald;

// Sender identities: stored and read back, names unique ignoring case, concurrent edits detected, and header
// values with line breaks refused before they reach the database.
class TestSenderIdentityRepository : public test::DatabaseTestCase
{
    Q_OBJECT

    static SenderIdentity office()
    {
        SenderIdentity identity;
        identity.name = QStringLiteral("  Development office ");
        identity.fromName = QStringLiteral("Friends of the Library");
        identity.fromEmail = QStringLiteral(" news@friends.example.org ");
        identity.replyTo = QStringLiteral("help@friends.example.org");
        identity.postalAddress = QStringLiteral("1 Main St\nDover, DE 19901");
        identity.unsubscribeBaseUrl = QStringLiteral("https://friends.example.org/unsubscribe");
        return identity;
    }

private slots:
    void insertFindListUpdateRemove()
    {
        SenderIdentityRepository repository(database());
        SenderIdentity identity = office();
        const Status inserted = repository.insert(identity);
        QVERIFY2(inserted.ok(), qPrintable(inserted.error().message));
        QVERIFY(identity.id > 0 && !identity.uuid.isEmpty());
        QCOMPARE(identity.version, 1);

        const auto found = repository.find(identity.id);
        QVERIFY(found.ok());
        QCOMPARE(found->name, QStringLiteral("Development office"));
        QCOMPARE(found->fromEmail, QStringLiteral("news@friends.example.org"));
        QCOMPARE(found->postalAddress, QStringLiteral("1 Main St\nDover, DE 19901")); // body text: lines allowed
        QCOMPARE(found->unsubscribeBaseUrl, QStringLiteral("https://friends.example.org/unsubscribe"));
        QVERIFY(found->createdAt.isValid());

        SenderIdentity duplicate = office();
        duplicate.name = QStringLiteral("DEVELOPMENT OFFICE");
        const Status refused = repository.insert(duplicate);
        QCOMPARE(refused.error().kind, Error::Kind::Duplicate);
        QCOMPARE(refused.error().field, QStringLiteral("name"));

        SenderIdentity stale = found.value();
        identity.fromName = QStringLiteral("The Friends");
        QVERIFY(repository.update(identity).ok());
        QCOMPARE(identity.version, 2);
        stale.fromName = QStringLiteral("Someone else");
        QCOMPARE(repository.update(stale).error().kind, Error::Kind::Conflict);
        QCOMPARE(repository.find(identity.id)->fromName, QStringLiteral("The Friends"));

        SenderIdentity second = office();
        second.name = QStringLiteral("Board");
        QVERIFY(repository.insert(second).ok());
        const auto all = repository.list();
        QVERIFY(all.ok());
        QCOMPARE(all->size(), 2);
        QCOMPARE(all->first().name, QStringLiteral("Board")); // by name

        QVERIFY(repository.remove(second.id).value());
        QVERIFY(!repository.remove(second.id).value());
        QCOMPARE(repository.find(second.id).error().kind, Error::Kind::NotFound);
    }

    void refusesInvalidValues_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expectedField");
        QTest::newRow("no name") << "name" << "  " << "name";
        QTest::newRow("CR LF in the sender name") << "from_name" << "Friends\r\nBcc: everyone@example.org"
                                                  << "from_name";
        QTest::newRow("LF in the sender email") << "from_email" << "news@friends.example.org\nBcc: x@example.org"
                                                << "from_email";
        QTest::newRow("no sender email") << "from_email" << "" << "from_email";
        QTest::newRow("invalid sender email") << "from_email" << "news@friends" << "from_email";
        QTest::newRow("invalid reply-to") << "reply_to" << "help at friends.example.org" << "reply_to";
        QTest::newRow("CR in the reply-to") << "reply_to" << "help@friends.example.org\rBcc: x@example.org" << "reply_to";
        QTest::newRow("unsubscribe link not a web address") << "unsubscribe_base_url" << "mailto:x@example.org"
                                                            << "unsubscribe_base_url";
    }

    void refusesInvalidValues()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, expectedField);
        SenderIdentity identity = office();
        if (field == QLatin1String("name"))
            identity.name = value;
        else if (field == QLatin1String("from_name"))
            identity.fromName = value;
        else if (field == QLatin1String("from_email"))
            identity.fromEmail = value;
        else if (field == QLatin1String("reply_to"))
            identity.replyTo = value;
        else
            identity.unsubscribeBaseUrl = value;
        const Status refused = SenderIdentityRepository(database()).insert(identity);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().kind, Error::Kind::Validation);
        QCOMPARE(refused.error().field, expectedField);
        QVERIFY(!refused.error().message.isEmpty());
        QCOMPARE(SenderIdentityRepository(database()).list()->size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSenderIdentityRepository)
#include "TestSenderIdentityRepository.moc"
