#include "HeraldCli.h"
#include "HttpProbe.h"
#include "ParsedMessage.h"
#include "SendingFixture.h"
#include "SmtpTestServer.h"
#include "engagement/TrackingToken.h"
#include "storage/AppSettingsRepository.h"
#include "storage/NonprofitRepository.h"
#include "storage/TemplateRepository.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <csignal>

using namespace herald;

// A campaign sent by a real `herald worker` to our SMTP test server, its received messages parsed, their pixels and
// links fetched over HTTP from a real `herald serve`: what is recorded for each, per link and per recipient, and what
// is refused (tampered tokens, a target in the request); anonymous tracking stores no recipient; tracking off leaves
// the links as written.
class TestServeTracking : public QObject
{
    Q_OBJECT

    using Run = test::HeraldProcess::Run;
    test::HeraldCli m_cli;
    std::unique_ptr<test::SmtpTestServer> m_smtp;
    std::unique_ptr<QProcess> m_serve;
    quint16 m_port = 0;
    QNetworkAccessManager m_network;

    Database& database() { return m_cli.database(); }
    qint64 count(const QString& sql) { return test::SendingFixture::count(database(), sql); }

    QString base() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }

    std::unique_ptr<QProcess> startServe(quint16 port)
    {
        auto serve = m_cli.start({QStringLiteral("serve"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port),
                                  QStringLiteral("--public-url"), QStringLiteral("http://127.0.0.1:%1").arg(m_port)});
        if (!serve->waitForReadyRead(30000) || !serve->readLine().startsWith("Listening on"))
            qWarning("herald serve did not start");
        return serve;
    }

    static void stop(QProcess& process)
    {
        ::kill(pid_t(process.processId()), SIGTERM);
        if (!process.waitForFinished(30000))
            qWarning("did not stop");
    }

    struct Fetched
    {
        int status = 0;
        QByteArray location;
        QByteArray body;
    };
    Fetched fetch(const QUrl& url, const QByteArray& verb = "GET", const QByteArray& agent = {})
    {
        QNetworkRequest request(url);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        request.setHeader(QNetworkRequest::UserAgentHeader,
                          agent.isEmpty() ? QByteArray("Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0") : agent);
        QNetworkReply* reply = m_network.sendCustomRequest(request, verb);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        finished.wait(15000);
        Fetched fetched{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->rawHeader("Location"), reply->readAll()};
        reply->deleteLater();
        return fetched;
    }

    // Two nonprofits who consented to tracking and one with no stated basis; a template with two tracked links, one
    // that must stay as written (mailto, notrack, unsubscribe), and the web view link.
    qint64 addCampaign(const QString& tracking)
    {
        const QList<QPair<QString, QString>> people = {{QStringLiteral("ada@example.org"), QStringLiteral("consent")},
                                                       {QStringLiteral("bo@example.org"), QStringLiteral("consent")},
                                                       {QStringLiteral("cy@example.org"), QStringLiteral("unknown")}};
        for (const auto& [email, consent] : people) {
            Nonprofit nonprofit;
            nonprofit.name = email.section(QLatin1Char('@'), 0, 0);
            nonprofit.email = email;
            nonprofit.consent = consent;
            if (const Status added = NonprofitRepository(database()).insert(nonprofit); !added)
                qWarning("%s", qPrintable(added.error().message));
        }
        Template appeal;
        appeal.name = QStringLiteral("Appeal");
        appeal.subject = QStringLiteral("Dear {{name}}");
        appeal.htmlBody = QStringLiteral(
            "<html><body><p>Hi {{name}}</p><a href=\"https://donate.example.org/give?c=1&amp;x=2\">Give</a> "
            "<a href=\"https://example.org/report\">Report</a> <a href=\"mailto:office@example.org\">Write</a> "
            "<a data-herald-notrack href=\"https://example.org/private\">Private</a> <a href=\"{{view_url}}\">View</a> "
            "<a href=\"{{unsubscribe_url}}\">Unsubscribe</a> {{postal_address}}</body></html>");
        appeal.textBody = QStringLiteral("Hi {{name}}, give at https://donate.example.org/give?c=1&x=2 {{unsubscribe_url}} {{postal_address}}");
        if (const Status added = TemplateRepository(database()).insert(appeal); !added)
            qWarning("%s", qPrintable(added.error().message));
        const Run identity = m_cli.run({QStringLiteral("identity"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("Office"),
                                        QStringLiteral("--from"), QStringLiteral("news@example.org"), QStringLiteral("--postal-address"),
                                        QStringLiteral("1 Main St, Dover"), QStringLiteral("--unsubscribe-url"), QStringLiteral("https://example.org/u")});
        const Run created = m_cli.run({QStringLiteral("campaign"), QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("Appeal"),
                                       QStringLiteral("--template"), QString::number(appeal.id), QStringLiteral("--identity"),
                                       identity.out.trimmed(), QStringLiteral("--all")});
        const qint64 id = created.out.trimmed().toLongLong();
        test::SendingFixture::exec(database(), QStringLiteral("UPDATE campaigns SET tracking = '%1' WHERE id = %2").arg(tracking).arg(id));
        return id;
    }

    // Sends the campaign through a real worker; the received messages' HTML parts by recipient.
    QHash<QString, QString> sendAndReceive(qint64 campaign)
    {
        if (const Run sent = m_cli.run({QStringLiteral("campaign"), QStringLiteral("send"), QString::number(campaign)}); sent.exitCode != 0)
            qWarning("send: %s", qPrintable(sent.err));
        test::SendingFixture::addSmtpProvider(database(), QStringLiteral("local"), m_smtp->port());
        const Run worker = m_cli.run({QStringLiteral("worker"), QStringLiteral("--quiet"), QStringLiteral("--exit-when-idle")});
        if (worker.exitCode != 0)
            qWarning("worker: %s", qPrintable(worker.err));
        QHash<QString, QString> html;
        for (const QJsonObject& record : m_smtp->messages()) {
            const QJsonObject parsed = test::parseMessage(QByteArray::fromBase64(record.value(QStringLiteral("data")).toString().toLatin1()));
            for (const QJsonValue& part : parsed.value(QStringLiteral("parts")).toArray())
                if (part.toObject().value(QStringLiteral("content_type")).toString() == QLatin1String("text/html"))
                    html.insert(record.value(QStringLiteral("rcpt_tos")).toArray().first().toString(),
                                part.toObject().value(QStringLiteral("content")).toString());
        }
        return html;
    }

    static QStringList hrefs(const QString& html)
    {
        QStringList found;
        static const QRegularExpression attribute(QStringLiteral("(?:href|src)=\"([^\"]*)\"")); // test side only
        for (auto it = attribute.globalMatch(html); it.hasNext();)
            found << it.next().captured(1).replace(QStringLiteral("&amp;"), QStringLiteral("&"));
        return found;
    }

    // The events `herald serve` has written (it flushes at least every 250 ms; stopping it writes all).
    qint64 events(const QString& where = QStringLiteral("1 = 1"))
    {
        return count(QStringLiteral("SELECT count(*) FROM engagement_events WHERE %1").arg(where));
    }

private slots:
    void init()
    {
        QVERIFY2(m_cli.setUp(QStringLiteral(HERALD_EXECUTABLE)).isEmpty(), "set-up failed");
        m_smtp = std::make_unique<test::SmtpTestServer>();
        QVERIFY(m_smtp->start({QStringLiteral("--keep-data")}));
        m_port = test::HttpProbe::freePort();
        m_serve = startServe(m_port);
    }

    void cleanup()
    {
        if (m_serve)
            stop(*m_serve);
        m_serve.reset();
        m_smtp.reset();
        m_cli.reset();
    }

    void perRecipientOpensAndClicksAreRecordedExactly()
    {
        const qint64 campaign = addCampaign(QStringLiteral("per_recipient"));
        const QHash<QString, QString> html = sendAndReceive(campaign);
        QCOMPARE(html.size(), 3);
        const QStringList ada = hrefs(html.value(QStringLiteral("ada@example.org")));
        // Untouched: mailto, the notrack link, the unsubscribe link; the tracked ones point at herald serve.
        QVERIFY(ada.contains(QStringLiteral("mailto:office@example.org")));
        QVERIFY(ada.contains(QStringLiteral("https://example.org/private")));
        QVERIFY(!ada.contains(QStringLiteral("https://example.org/report")));
        const QStringList clicks = ada.filter(base() + QStringLiteral("/c/"));
        QCOMPARE(clicks.size(), 3); // two links and the hidden one
        const QStringList pixel = ada.filter(base() + QStringLiteral("/o/"));
        QCOMPARE(pixel.size(), 1);

        // An hour has passed since delivery (a click seconds after it is a link scanner's).
        test::SendingFixture::exec(database(), database().backend() == Backend::Postgres
            ? QStringLiteral("UPDATE sends SET sent_at = sent_at - interval '1 hour'")
            : QStringLiteral("UPDATE sends SET sent_at = strftime('%Y-%m-%dT%H:%M:%fZ', sent_at, '-1 hour')"));
        // Ada opens, clicks "Give" twice and "Report" once, a minute apart in a person's way (well, seconds here).
        QCOMPARE(fetch(QUrl(pixel.first())).status, 200);
        const Fetched give = fetch(QUrl(clicks.at(1)));
        QCOMPARE(give.status, 302);
        QCOMPARE(give.location, QByteArray("https://donate.example.org/give?c=1&x=2"));
        QCOMPARE(fetch(QUrl(clicks.at(1))).status, 302);
        QCOMPARE(fetch(QUrl(clicks.at(2))).location, QByteArray("https://example.org/report"));
        // Cy (no consent) gets anonymous tokens: the click is counted, the recipient is not stored.
        const QStringList cy = hrefs(html.value(QStringLiteral("cy@example.org"))).filter(base() + QStringLiteral("/c/"));
        QCOMPARE(fetch(QUrl(cy.at(1))).status, 302);
        // A scanner's HEAD and a script: answered, recorded as machines.
        const QStringList bo = hrefs(html.value(QStringLiteral("bo@example.org"))).filter(base() + QStringLiteral("/c/"));
        QCOMPARE(fetch(QUrl(bo.at(1)), "HEAD").status, 302);
        QCOMPARE(fetch(QUrl(bo.at(2)), "GET", "python-requests/2.31").status, 302);
        // Tampered, truncated and a target in the request: 404, nothing recorded.
        const QString token = clicks.at(1).section(QLatin1Char('/'), -1);
        for (const QString& bad : {base() + QStringLiteral("/c/") + token.left(token.size() - 2),
                                   base() + QStringLiteral("/c/x") + token.mid(1),
                                   base() + QStringLiteral("/c/") + token + QStringLiteral("/https://evil.example.com")})
            QCOMPARE(fetch(QUrl(bad)).status, 404);
        // A target in the query is ignored: the stored one is where it leads (and it counts as Give again).
        QCOMPARE(fetch(QUrl(clicks.at(1) + QStringLiteral("?u=https://evil.example.com"))).location,
                 QByteArray("https://donate.example.org/give?c=1&x=2"));
        // herald serve rolls the events up once they have settled (2 s).
        QVERIFY(QTest::qWaitFor([&] { return events(QStringLiteral("rolled_up")) == 8; }, 30000));
        stop(*m_serve); // writes everything
        m_serve.reset();

        const Run report = m_cli.run({QStringLiteral("report"), QStringLiteral("campaign"), QString::number(campaign), QStringLiteral("--json")});
        QCOMPARE(report.exitCode, 0);
        const QJsonObject figures = QJsonDocument::fromJson(report.out.toUtf8()).object();
        const QJsonObject human = figures.value(QStringLiteral("human")).toObject();
        const QJsonObject machine = figures.value(QStringLiteral("machine")).toObject();
        QCOMPARE(figures.value(QStringLiteral("delivered")).toInt(), 3);
        QCOMPARE(human.value(QStringLiteral("opens")).toInt(), 1);
        QCOMPARE(human.value(QStringLiteral("unique_opens")).toInt(), 1);
        QCOMPARE(human.value(QStringLiteral("clicks")).toInt(), 5);        // Ada's 4 and Cy's anonymous one
        QCOMPARE(human.value(QStringLiteral("unique_clicks")).toInt(), 1); // Ada
        QCOMPARE(machine.value(QStringLiteral("clicks")).toInt(), 2);      // Bo's HEAD and script
        const QJsonArray links = figures.value(QStringLiteral("links")).toArray();
        QCOMPARE(links.size(), 2);
        QCOMPARE(links.at(0).toObject().value(QStringLiteral("human_clicks")).toInt(), 4);
        QCOMPARE(links.at(0).toObject().value(QStringLiteral("unique_human_clickers")).toInt(), 1);
        QCOMPARE(links.at(0).toObject().value(QStringLiteral("machine_clicks")).toInt(), 1);
        QCOMPARE(links.at(1).toObject().value(QStringLiteral("human_clicks")).toInt(), 1);

        const QString adaSend = QStringLiteral("(SELECT id FROM sends WHERE email = 'ada@example.org')");
        QCOMPARE(events(), qint64(1 + 3 + 1 + 2 + 1)); // the query-string attempt is Give again, recorded
        QCOMPARE(events(QStringLiteral("kind = 'open' AND send_id = %1").arg(adaSend)), qint64(1));
        QCOMPARE(events(QStringLiteral("kind = 'click' AND link_no = 1 AND send_id = %1").arg(adaSend)), qint64(3));
        QCOMPARE(events(QStringLiteral("kind = 'click' AND link_no = 2 AND send_id = %1").arg(adaSend)), qint64(1));
        QCOMPARE(events(QStringLiteral("send_id IS NULL")), qint64(1)); // Cy's
        QCOMPARE(events(QStringLiteral("verdict = 'machine'")), qint64(2));
        QCOMPARE(events(QStringLiteral("reason = 'head_request'")), qint64(1));
        QCOMPARE(events(QStringLiteral("client_net <> '127.0.0.0/24'")), qint64(0)); // never the full address
    }

    void twoServeProcessesShareTheDatabaseAndAnonymousTrackingStoresNoRecipient()
    {
        const qint64 campaign = addCampaign(QStringLiteral("anonymous"));
        const QHash<QString, QString> html = sendAndReceive(campaign);
        QCOMPARE(html.size(), 3);
        const quint16 secondPort = test::HttpProbe::freePort();
        auto second = startServe(secondPort);
        int fetched = 0;
        for (const QString& message : html) {
            const QStringList clicks = hrefs(message).filter(base() + QStringLiteral("/c/"));
            QCOMPARE(clicks.size(), 3);
            QString onSecond = clicks.at(1);
            onSecond.replace(QStringLiteral(":%1/").arg(m_port), QStringLiteral(":%1/").arg(secondPort));
            QCOMPARE(fetch(QUrl(clicks.at(1))).status, 302);
            QCOMPARE(fetch(QUrl(onSecond)).status, 302);
            fetched += 2;
        }
        // Every recipient got the same anonymous link.
        QCOMPARE(QSet<QString>({hrefs(html.value(QStringLiteral("ada@example.org"))).at(1),
                                hrefs(html.value(QStringLiteral("cy@example.org"))).at(1)}).size(), 1);
        stop(*second);
        stop(*m_serve);
        m_serve.reset();
        QCOMPARE(events(), qint64(fetched));
        QCOMPARE(events(QStringLiteral("send_id IS NOT NULL")), qint64(0));
    }

    void trackingOffLeavesTheLinksAsWritten()
    {
        const qint64 campaign = addCampaign(QStringLiteral("off"));
        const QHash<QString, QString> html = sendAndReceive(campaign);
        QCOMPARE(html.size(), 3);
        const QStringList links = hrefs(html.value(QStringLiteral("bo@example.org")));
        QVERIFY(links.contains(QStringLiteral("https://donate.example.org/give?c=1&x=2")));
        QVERIFY(links.contains(QStringLiteral("https://example.org/report")));
        QCOMPARE(links.filter(base()).size(), 1); // the web view link only
        const Fetched view = fetch(QUrl(links.filter(base()).first()));
        QCOMPARE(view.status, 200);
        QVERIFY2(view.body.contains("Hi bo"), view.body.constData());
    }
};

QTEST_GUILESS_MAIN(TestServeTracking)
#include "TestServeTracking.moc"
