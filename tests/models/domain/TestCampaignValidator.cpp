#include "domain/CampaignValidator.h"

#include <QTest>

using namespace herald;

class TestCampaignValidator : public QObject
{
    Q_OBJECT

    static Campaign valid()
    {
        Campaign campaign;
        campaign.name = QStringLiteral("Gala 2026");
        campaign.fromName = QStringLiteral("Friends of the Library");
        campaign.fromEmail = QStringLiteral("news@library.example.org");
        campaign.replyTo = QStringLiteral("office@library.example.org");
        campaign.subject = QStringLiteral("You are invited, {{name}}");
        campaign.audience = QStringLiteral("{\"segment\": 3}");
        campaign.postalAddress = QStringLiteral("1 Main St\nDover, DE 19901"); // a body line, not a header
        return campaign;
    }

private slots:
    void aCompleteCampaignIsValid()
    {
        const Status checked = CampaignValidator::validate(valid());
        QVERIFY2(checked.ok(), qPrintable(checked.error().message));
    }

    // Before queueing: every image the HTML shows must be in the library, and linked ones need herald serve's
    // public address; each refusal is a sentence naming what is wrong.
    void imagesAreCheckedBeforeQueueing()
    {
        Campaign campaign = valid();
        const QStringList shown{QStringLiteral("logo.png"), QStringLiteral("banner.png")};
        const QStringList library{QStringLiteral("banner.png"), QStringLiteral("logo.png"), QStringLiteral("other.gif")};
        QVERIFY(CampaignValidator::validateImages(campaign, shown, library).ok());
        QVERIFY(CampaignValidator::validateImages(campaign, {}, {}).ok());

        const Status missing = CampaignValidator::validateImages(campaign, shown, {QStringLiteral("logo.png")});
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().field, QStringLiteral("template_id"));
        QVERIFY2(missing.error().message.contains(QLatin1String("'banner.png'"))
                     && missing.error().message.contains(QLatin1String("not in the media library")),
                 qPrintable(missing.error().message));

        campaign.imageMode = ImageMode::Linked;
        const Status noAddress = CampaignValidator::validateImages(campaign, shown, library);
        QVERIFY(!noAddress.ok());
        QCOMPARE(noAddress.error().field, QStringLiteral("image_mode"));
        QVERIFY2(noAddress.error().message.contains(QLatin1String("public address of herald serve is not set")),
                 qPrintable(noAddress.error().message));
        QVERIFY(CampaignValidator::validateImages(campaign, {}, library).ok()); // no images: nothing to link
        campaign.publicBaseUrl = QStringLiteral("https://mail.library.example.org");
        QVERIFY(CampaignValidator::validateImages(campaign, shown, library).ok());
    }

    void optionalFieldsMayBeEmpty()
    {
        Campaign campaign;
        campaign.name = QStringLiteral("Draft");
        const Status checked = CampaignValidator::validate(campaign);
        QVERIFY2(checked.ok(), qPrintable(checked.error().message));
    }

    void problemsNameTheField_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expectedField");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("empty name") << "name" << "" << "name" << "Name is required";
        QTest::newRow("blank name") << "name" << " \t" << "name" << "Name is required";
        QTest::newRow("long name") << "name" << QString(301, QLatin1Char('n')) << "name" << "300";
        QTest::newRow("from email without @") << "fromEmail" << "news.example.org" << "from_email"
                                              << "'news.example.org'";
        QTest::newRow("from email without domain") << "fromEmail" << "news@" << "from_email" << "Sender email";
        QTest::newRow("bad reply-to") << "replyTo" << "office@@example.org" << "reply_to" << "Reply-to address";
        QTest::newRow("LF in from name") << "fromName" << "Library\nBcc: all@example.org" << "from_name"
                                         << "Sender name";
        QTest::newRow("CR in from name") << "fromName" << "Library\rX: y" << "from_name" << "one line";
        QTest::newRow("LF in from email") << "fromEmail" << "news@example.org\nBcc: all@example.org"
                                          << "from_email" << "Sender email";
        QTest::newRow("CRLF in reply-to") << "replyTo" << "a@example.org\r\nBcc: b@example.org" << "reply_to"
                                          << "Reply-to address";
        QTest::newRow("LF in subject") << "subject" << "Hello\nBcc: all@example.org" << "subject" << "Subject";
        QTest::newRow("CR in subject") << "subject" << "Hello\r" << "subject" << "Subject";
        QTest::newRow("line separator in subject") << "subject" << QStringLiteral("Hello\u2028there") << "subject"
                                                   << "Subject";
        QTest::newRow("audience not JSON") << "audience" << "tag = gala" << "audience" << "audience";
        QTest::newRow("audience a JSON array") << "audience" << "[1, 2]" << "audience" << "audience";
    }

    void problemsNameTheField()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, expectedField);
        QFETCH(QString, messagePart);
        Campaign campaign = valid();
        QString* const target = field == QLatin1String("name")        ? &campaign.name
                                : field == QLatin1String("fromEmail") ? &campaign.fromEmail
                                : field == QLatin1String("replyTo")   ? &campaign.replyTo
                                : field == QLatin1String("fromName")  ? &campaign.fromName
                                : field == QLatin1String("subject")   ? &campaign.subject
                                                                      : &campaign.audience;
        *target = value;
        const Status checked = CampaignValidator::validate(campaign);
        QVERIFY(!checked.ok());
        QVERIFY(checked.error().kind == Error::Kind::Validation);
        QCOMPARE(checked.error().field, expectedField);
        QVERIFY2(checked.error().message.contains(messagePart), qPrintable(checked.error().message));
    }

    void postalAddressMayHaveSeveralLines()
    {
        Campaign campaign = valid();
        campaign.postalAddress = QStringLiteral("Friends of the Library\r\n1 Main St\r\nDover, DE 19901");
        QVERIFY(CampaignValidator::validate(campaign).ok());
    }
};

QTEST_GUILESS_MAIN(TestCampaignValidator)
#include "TestCampaignValidator.moc"
