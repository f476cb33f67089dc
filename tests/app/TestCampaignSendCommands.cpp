#include "DnsTestServer.h"
#include "HeraldCli.h"
#include "SendingFixture.h"
#include "TestDatabase.h"
#include "storage/CampaignRepository.h"
#include "storage/NonprofitRepository.h"
#include "storage/ProviderRepository.h"
#include "storage/SendRepository.h"
#include "storage/SenderIdentityRepository.h"
#include "storage/SuppressionRepository.h"
#include "storage/TemplateRepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace herald;

// From nothing to a queued campaign with the real executable on the backend under test: `identity add`,
// `campaign create`, `send` (as the editor's Send Now: suppressed addresses counted out, a second send changes
// nothing), `show`, `pause|resume|cancel`, and `provider add|list` with the secret in HERALD_PROVIDER_SECRET_<NAME>.
class TestCampaignSendCommands : public QObject
{
    Q_OBJECT

    using Run = test::HeraldProcess::Run;

    test::HeraldCli m_cli;

    Run herald(QStringList arguments) { return m_cli.run(std::move(arguments)); }
    Database& database() { return m_cli.database(); }

    static qint64 idIn(const Run& run)
    {
        bool isNumber = false;
        const qint64 id = run.out.trimmed().toLongLong(&isNumber);
        return isNumber ? id : 0;
    }

    // Three nonprofits, one of them suppressed, and a template that can be sent.
    qint64 storeAudienceAndTemplate()
    {
        for (const char* email : {"one@example.org", "two@example.org", "gone@example.org"}) {
            Nonprofit nonprofit;
            nonprofit.name = QString::fromLatin1(email).section(QLatin1Char('@'), 0, 0);
            nonprofit.email = QString::fromLatin1(email);
            if (const Status added = NonprofitRepository(database()).insert(nonprofit); !added)
                qWarning("%s", qPrintable(added.error().message));
        }
        Suppression gone;
        gone.email = QStringLiteral("gone@example.org");
        gone.reason = SuppressionReason::Unsubscribed;
        if (auto added = SuppressionRepository(database()).add(gone); !added)
            qWarning("%s", qPrintable(added.error().message));
        Template appeal;
        appeal.name = QStringLiteral("Appeal");
        appeal.subject = QStringLiteral("Dear {{name}}");
        appeal.htmlBody = QStringLiteral("<p>Hi {{name}}</p><a href=\"{{unsubscribe_url}}\">u</a> {{postal_address}}");
        appeal.textBody = QStringLiteral("Hi {{name}} {{unsubscribe_url}} {{postal_address}}");
        if (const Status added = TemplateRepository(database()).insert(appeal); !added)
            qWarning("%s", qPrintable(added.error().message));
        return appeal.id;
    }

    qint64 addIdentity()
    {
        const Run added = herald({QStringLiteral("identity"), QStringLiteral("add"), QStringLiteral("--name"),
                                  QStringLiteral("Office"), QStringLiteral("--from"), QStringLiteral("news@example.org"),
                                  QStringLiteral("--from-name"), QStringLiteral("Dover Library"),
                                  QStringLiteral("--postal-address"), QStringLiteral("1 Main St, Dover, DE 19901"),
                                  QStringLiteral("--unsubscribe-url"), QStringLiteral("https://example.org/u")});
        if (added.exitCode != 0)
            qWarning("%s", qPrintable(added.err));
        return idIn(added);
    }

    QHash<SendStatus, qint64> counts(qint64 campaignId)
    {
        auto counts = SendRepository(database()).countsByStatus(campaignId);
        return counts ? counts.value() : QHash<SendStatus, qint64>{{SendStatus::Cancelled, -1}};
    }

    QString statusOf(qint64 campaignId)
    {
        auto campaign = CampaignRepository(database()).find(campaignId);
        return campaign ? toString(campaign->status) : campaign.error().message;
    }

private slots:
    void init()
    {
        const QString problem = m_cli.setUp(QStringLiteral(HERALD_EXECUTABLE));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void cleanup()
    {
        m_cli.reset();
    }

    void identityAddChecksAsTheDialogDoes()
    {
        const Run invalid = herald({QStringLiteral("identity"), QStringLiteral("add"), QStringLiteral("--name"),
                                    QStringLiteral("Office"), QStringLiteral("--from"), QStringLiteral("news@"),
                                    QStringLiteral("--postal-address"), QStringLiteral("1 Main St")});
        QCOMPARE(invalid.exitCode, 1);
        // SenderIdentity::validate()'s words, as the sender identity dialog shows them.
        QVERIFY2(invalid.err.contains(QLatin1String("Sender email 'news@'")), qPrintable(invalid.err));
        QVERIFY(SenderIdentityRepository(database()).list()->isEmpty());
        // A missing required option is a usage error.
        QCOMPARE(herald({QStringLiteral("identity"), QStringLiteral("add"), QStringLiteral("--name"),
                         QStringLiteral("Office")})
                     .exitCode,
                 2);

        const qint64 id = addIdentity();
        QVERIFY(id > 0);
        const auto stored = SenderIdentityRepository(database()).find(id);
        QVERIFY2(stored.ok(), qPrintable(stored.error().message));
        QCOMPARE(stored->fromEmail, QStringLiteral("news@example.org"));
        QCOMPARE(stored->fromName, QStringLiteral("Dover Library"));
        QCOMPARE(stored->postalAddress, QStringLiteral("1 Main St, Dover, DE 19901"));
        const Run listed = herald({QStringLiteral("identity"), QStringLiteral("list")});
        QVERIFY2(listed.out.contains(QLatin1String("Dover Library <news@example.org>")), qPrintable(listed.out));
    }

    // As the editor's Send Now: a campaign to more than 5,000 recipients from a domain without SPF, DKIM and DMARC
    // is not queued (the warning names the domain) unless --anyway says so. DNS is our test server's, on an
    // address of each backend's own (both runs may go at once).
    void aBulkCampaignFromADomainThatIsNotReadyWaitsForAnyway()
    {
        test::DnsTestServer dns;
        const QString address = test::TestDatabase::backendUnderTest() == Backend::Postgres ? QStringLiteral("127.0.0.80")
                                                                                          : QStringLiteral("127.0.0.79");
        QVERIFY2(dns.start(address, QJsonObject{{QStringLiteral("example.org"), QJsonArray{}}}), qPrintable(dns.lastError()));
        m_cli.process().setVariable(QStringLiteral("HERALD_DNS_SERVER"), address);
        const qint64 templateId = storeAudienceAndTemplate();
        QVERIFY(test::SendingFixture::addNonprofits(database(), 5000));
        const qint64 identityId = addIdentity(); // news@example.org
        const Run created = herald({QStringLiteral("campaign"), QStringLiteral("create"), QStringLiteral("--name"),
                                    QStringLiteral("Newsletter"), QStringLiteral("--template"), QString::number(templateId),
                                    QStringLiteral("--identity"), QString::number(identityId), QStringLiteral("--all")});
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
        const qint64 id = idIn(created);

        const Run refused = herald({QStringLiteral("campaign"), QStringLiteral("send"), QString::number(id)});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QLatin1String("DNS records of example.org are not ready")), qPrintable(refused.err));
        QVERIFY2(refused.err.contains(QLatin1String("--anyway")), qPrintable(refused.err));
        QVERIFY2(dns.questions().contains(QStringLiteral("_dmarc.example.org")), qPrintable(dns.questions().join(u' ')));
        QCOMPARE(statusOf(id), toString(CampaignStatus::Draft));
        QVERIFY(counts(id).isEmpty());

        const Run anyway = herald({QStringLiteral("campaign"), QStringLiteral("send"), QString::number(id), QStringLiteral("--anyway")});
        QVERIFY2(anyway.exitCode == 0, qPrintable(anyway.err));
        QVERIFY2(anyway.err.contains(QLatin1String("Warning")), qPrintable(anyway.err));
        QCOMPARE(statusOf(id), toString(CampaignStatus::Sending));
        QCOMPARE(counts(id).value(SendStatus::Pending), 5002);
    }

    void createSendShowAndControlACampaign()
    {
        const qint64 templateId = storeAudienceAndTemplate();
        const qint64 identityId = addIdentity();
        QVERIFY(templateId > 0 && identityId > 0);
        const Run created = herald({QStringLiteral("campaign"), QStringLiteral("create"), QStringLiteral("--name"),
                                    QStringLiteral("Gala"), QStringLiteral("--template"), QString::number(templateId),
                                    QStringLiteral("--identity"), QString::number(identityId), QStringLiteral("--all")});
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
        const qint64 id = idIn(created);
        QVERIFY2(id > 0, qPrintable(created.out));
        QCOMPARE(statusOf(id), toString(CampaignStatus::Draft));

        const Run sent = herald({QStringLiteral("campaign"), QStringLiteral("send"), QString::number(id)});
        QVERIFY2(sent.exitCode == 0, qPrintable(sent.err));
        QVERIFY2(sent.out.contains(QLatin1String("Queued 2 messages")), qPrintable(sent.out));
        QVERIFY2(sent.out.contains(QLatin1String("1 suppressed address")), qPrintable(sent.out));
        QCOMPARE(statusOf(id), toString(CampaignStatus::Sending));
        const QHash<SendStatus, qint64> queued = counts(id);
        QCOMPARE(queued.value(SendStatus::Pending), 2);
        QCOMPARE(queued.value(SendStatus::Suppressed), 1);

        // Idempotent: a second send succeeds and queues nothing more.
        const Run again = herald({QStringLiteral("campaign"), QStringLiteral("send"), QString::number(id)});
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        QVERIFY2(again.out.contains(QLatin1String("nothing was queued again")), qPrintable(again.out));
        QCOMPARE(counts(id), queued);

        const Run shown = herald({QStringLiteral("campaign"), QStringLiteral("show"), QString::number(id),
                                  QStringLiteral("--json")});
        QVERIFY2(shown.exitCode == 0, qPrintable(shown.err));
        const QJsonObject show = QJsonDocument::fromJson(shown.out.toUtf8()).object();
        QCOMPARE(show.value(QStringLiteral("status")).toString(), QStringLiteral("sending"));
        const QJsonObject byStatus = show.value(QStringLiteral("counts")).toObject();
        QCOMPARE(byStatus.value(QStringLiteral("pending")).toInteger(), 2);
        QCOMPARE(byStatus.value(QStringLiteral("suppressed")).toInteger(), 1);
        for (const char* status : {"sending", "sent", "failed", "unknown"})
            QCOMPARE(byStatus.value(QLatin1String(status)).toInteger(-1), 0);
        QCOMPARE(show.value(QStringLiteral("total")).toInteger(), 3);

        const auto control = [this, id](const char* action) {
            return herald({QStringLiteral("campaign"), QString::fromLatin1(action), QString::number(id)});
        };
        QCOMPARE(control("pause").exitCode, 0);
        QCOMPARE(statusOf(id), toString(CampaignStatus::Paused));
        const Run pausedTwice = control("pause");
        QCOMPARE(pausedTwice.exitCode, 1);
        QVERIFY2(pausedTwice.err.contains(QLatin1String("is paused, not sending")), qPrintable(pausedTwice.err));
        QCOMPARE(control("resume").exitCode, 0);
        QCOMPARE(statusOf(id), toString(CampaignStatus::Sending));
        QCOMPARE(control("cancel").exitCode, 0);
        QCOMPARE(statusOf(id), toString(CampaignStatus::Cancelled));
        QCOMPARE(control("resume").exitCode, 1);
        QCOMPARE(statusOf(id), toString(CampaignStatus::Cancelled));
    }

    // --tracking stores the mode as the editor's "Opens and clicks" does (anonymous when not given); `show` prints
    // it in the option's words; a mode it does not know is a usage error and stores nothing.
    void createTakesTheTrackingMode_data()
    {
        QTest::addColumn<QStringList>("option");
        QTest::addColumn<int>("tracking");
        QTest::addColumn<QString>("shown");
        QTest::newRow("default") << QStringList() << int(Tracking::Anonymous) << QStringLiteral("anonymous");
        QTest::newRow("off") << QStringList{QStringLiteral("--tracking"), QStringLiteral("off")} << int(Tracking::Off)
                             << QStringLiteral("off");
        QTest::newRow("anonymous") << QStringList{QStringLiteral("--tracking"), QStringLiteral("anonymous")}
                                   << int(Tracking::Anonymous) << QStringLiteral("anonymous");
        QTest::newRow("per-recipient") << QStringList{QStringLiteral("--tracking"), QStringLiteral("per-recipient")}
                                       << int(Tracking::PerRecipient) << QStringLiteral("per-recipient");
    }

    void createTakesTheTrackingMode()
    {
        QFETCH(QStringList, option);
        QFETCH(int, tracking);
        QFETCH(QString, shown);
        const qint64 templateId = storeAudienceAndTemplate();
        const qint64 identityId = addIdentity();
        const QStringList create{QStringLiteral("campaign"), QStringLiteral("create"), QStringLiteral("--name"),
                                 QStringLiteral("Gala"), QStringLiteral("--template"), QString::number(templateId),
                                 QStringLiteral("--identity"), QString::number(identityId)};
        const Run created = herald(create + option);
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
        const qint64 id = idIn(created);
        const auto stored = CampaignRepository(database()).find(id);
        QVERIFY2(stored.ok(), qPrintable(stored.error().message));
        QCOMPARE(int(stored->tracking), tracking);

        const Run text = herald({QStringLiteral("campaign"), QStringLiteral("show"), QString::number(id)});
        QVERIFY2(text.exitCode == 0, qPrintable(text.err));
        QVERIFY2(text.out.contains(QStringLiteral("Tracking: ") + shown + QLatin1Char('\n')), qPrintable(text.out));
        const Run json = herald({QStringLiteral("campaign"), QStringLiteral("show"), QString::number(id),
                                 QStringLiteral("--json")});
        QVERIFY2(json.exitCode == 0, qPrintable(json.err));
        QCOMPARE(QJsonDocument::fromJson(json.out.toUtf8()).object().value(QStringLiteral("tracking")).toString(), shown);

        for (const char* wrong : {"per_recipient", "on", ""}) {
            const Run refused = herald(create + QStringList{QStringLiteral("--tracking"), QString::fromLatin1(wrong)});
            QCOMPARE(refused.exitCode, 2);
            QVERIFY2(refused.err.contains(QLatin1String("--tracking off|anonymous|per-recipient")), qPrintable(refused.err));
        }
        QCOMPARE(CampaignRepository(database()).list()->size(), 1);
    }

    void sendRefusesWhatTheEditorRefuses()
    {
        const qint64 templateId = storeAudienceAndTemplate();
        // An identity without postal address or unsubscribe link can be stored, but not sent from.
        SenderIdentity bare;
        bare.name = QStringLiteral("Bare");
        bare.fromEmail = QStringLiteral("news@example.org");
        QVERIFY(SenderIdentityRepository(database()).insert(bare).ok());
        const Run created = herald({QStringLiteral("campaign"), QStringLiteral("create"), QStringLiteral("--name"),
                                    QStringLiteral("Bare"), QStringLiteral("--template"), QString::number(templateId),
                                    QStringLiteral("--identity"), QString::number(bare.id)});
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
        const qint64 id = idIn(created);
        const Run refused = herald({QStringLiteral("campaign"), QStringLiteral("send"), QString::number(id)});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QLatin1String("has no postal address")), qPrintable(refused.err));
        QCOMPARE(statusOf(id), toString(CampaignStatus::Draft));
        QVERIFY(counts(id).isEmpty());

        // A time in the past is refused and the draft stays; usage mistakes exit 2.
        const qint64 identityId = addIdentity();
        const Run past = herald({QStringLiteral("campaign"), QStringLiteral("create"), QStringLiteral("--name"),
                                 QStringLiteral("Past"), QStringLiteral("--template"), QString::number(templateId),
                                 QStringLiteral("--identity"), QString::number(identityId), QStringLiteral("--at"),
                                 QStringLiteral("2001-01-01T09:00:00Z")});
        QCOMPARE(past.exitCode, 1);
        QVERIFY2(past.err.contains(QLatin1String("has passed")), qPrintable(past.err));
        QCOMPARE(statusOf(idIn(past)), toString(CampaignStatus::Draft));
        const Run future = herald({QStringLiteral("campaign"), QStringLiteral("create"), QStringLiteral("--name"),
                                   QStringLiteral("Later"), QStringLiteral("--template"), QString::number(templateId),
                                   QStringLiteral("--identity"), QString::number(identityId), QStringLiteral("--at"),
                                   QStringLiteral("2099-05-01T09:00:00Z")});
        QVERIFY2(future.exitCode == 0, qPrintable(future.err));
        QCOMPARE(statusOf(idIn(future)), toString(CampaignStatus::Scheduled));
        QCOMPARE(herald({QStringLiteral("campaign"), QStringLiteral("create"), QStringLiteral("--name"),
                         QStringLiteral("X"), QStringLiteral("--template"), QString::number(templateId),
                         QStringLiteral("--identity"), QString::number(identityId), QStringLiteral("--segment"),
                         QStringLiteral("1"), QStringLiteral("--all")})
                     .exitCode,
                 2);
        QCOMPARE(herald({QStringLiteral("campaign"), QStringLiteral("send")}).exitCode, 2);
    }

    void providerAddAndListWithTheSecretInTheEnvironment()
    {
        m_cli.process().setVariable(QStringLiteral("HERALD_PROVIDER_SECRET_OFFICE_RELAY"), QStringLiteral("s3cret"));
        const Run added = herald({QStringLiteral("provider"), QStringLiteral("add"), QStringLiteral("--name"),
                                  QStringLiteral("Office relay"), QStringLiteral("--smtp"),
                                  QStringLiteral("smtp.example.org:2525"), QStringLiteral("--tls"),
                                  QStringLiteral("implicit"), QStringLiteral("--user"), QStringLiteral("mailer"),
                                  QStringLiteral("--rate"), QStringLiteral("5.5"), QStringLiteral("--connections"),
                                  QStringLiteral("2"), QStringLiteral("--priority"), QStringLiteral("7")});
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        // No keychain in tests: the command says the variable is where the secret comes from.
        QVERIFY2(added.err.contains(QLatin1String("HERALD_PROVIDER_SECRET_OFFICE_RELAY")), qPrintable(added.err));
        const auto stored = ProviderRepository(database()).find(idIn(added));
        QVERIFY2(stored.ok(), qPrintable(stored.error().message));
        QCOMPARE(stored->host, QStringLiteral("smtp.example.org"));
        QCOMPARE(stored->port, 2525);
        QCOMPARE(Provider::tlsName(stored->tls), QStringLiteral("implicit"));
        QCOMPARE(stored->username, QStringLiteral("mailer"));
        QCOMPARE(stored->ratePerSecond, 5.5);
        QCOMPARE(stored->connections, 2);
        QCOMPARE(stored->priority, 7);

        const Run listed = herald({QStringLiteral("provider"), QStringLiteral("list"), QStringLiteral("--json")});
        QVERIFY2(listed.exitCode == 0, qPrintable(listed.err));
        const QJsonArray rows = QJsonDocument::fromJson(listed.out.toUtf8()).array();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.at(0).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("Office relay"));
        QCOMPARE(rows.at(0).toObject().value(QStringLiteral("secret")).toString(), QStringLiteral("environment"));

        // The validator's words for a bad value; a port that is no number is a usage error.
        const Run invalid = herald({QStringLiteral("provider"), QStringLiteral("add"), QStringLiteral("--name"),
                                    QStringLiteral("Other"), QStringLiteral("--smtp"), QStringLiteral("smtp.example.org"),
                                    QStringLiteral("--connections"), QStringLiteral("0")});
        QCOMPARE(invalid.exitCode, 1);
        QVERIFY2(invalid.err.contains(QLatin1String("needs at least 1 connection")), qPrintable(invalid.err));
        QCOMPARE(herald({QStringLiteral("provider"), QStringLiteral("add"), QStringLiteral("--name"),
                         QStringLiteral("Other"), QStringLiteral("--smtp"), QStringLiteral("smtp.example.org:port")})
                     .exitCode,
                 2);
        QCOMPARE(ProviderRepository(database()).list()->size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestCampaignSendCommands)
#include "TestCampaignSendCommands.moc"
