#include "SendingFixture.h"
#include "TestDatabase.h"
#include "engagement/CampaignLinkRepository.h"
#include "engagement/TrackingRequestHandler.h"

#include <QTest>

using namespace herald;
using test::SendingFixture;

namespace {
const QByteArray Secret = QByteArrayLiteral("installation-secret-0123456789ab");
const QByteArray Chrome = QByteArrayLiteral("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                                            "Chrome/120.0.0.0 Safari/537.36");
constexpr qint64 Now = 1'800'000'000'000;
} // namespace

// herald serve's open pixel, click redirect and web view, below HTTP: what each token gets, and what is recorded.
class TestTrackingRequestHandler : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> m_scratch;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<TrackingRequestHandler> m_handler;
    QList<EngagementRecord> m_recorded;
    bool m_spoolFull = false; // the recorder refuses, as herald serve's full spool does
    const TrackingToken m_tokens{Secret};

    TrackingRequest request(TrackingToken::Kind kind, const TrackingToken::Claims& claims, const QByteArray& method = "GET")
    {
        TrackingRequest request;
        request.method = method;
        request.path = TrackingToken::pathPrefix(kind).toLatin1() + m_tokens.issue(claims).toLatin1();
        request.userAgent = Chrome;
        request.peer = QHostAddress(QStringLiteral("203.0.113.77"));
        request.nowMs = Now;
        return request;
    }
    static TrackingToken::Claims click(int link, qint64 send = 0, bool test = false)
    {
        return {TrackingToken::Kind::Click, 1, link, send, test};
    }

private slots:
    void init()
    {
        m_scratch = std::make_unique<test::TestDatabase>();
        QVERIFY2(m_scratch->isReady(), qPrintable(m_scratch->setupError()));
        m_database = m_scratch->open();
        QVERIFY(m_database);
        QVERIFY(SendingFixture::addNonprofits(*m_database, 3));
        QVERIFY(SendingFixture::addCampaign(*m_database, 1));
        QVERIFY(SendingFixture::addCampaign(*m_database, 2)); // queued without links
        QVERIFY(SendingFixture::startCampaign(*m_database, 1));
        const QList<TrackedLink> links = {{1, QStringLiteral("https://example.org/donate?a=1&b=2"), false},
                                          {2, QStringLiteral("https://example.org/you?e={{email}}"), true}};
        QVERIFY(CampaignLinkRepository::store(m_database->connection(), 1, links).ok());
        auto proxies = IpNetworkList::parse({QStringLiteral("127.0.0.1/32")});
        QVERIFY(proxies.ok());
        m_recorded.clear();
        m_spoolFull = false;
        m_handler = std::make_unique<TrackingRequestHandler>(*m_database, Secret, proxies.value(),
                                                             [this](const EngagementRecord& record) {
                                                                 m_recorded << record;
                                                                 return !m_spoolFull;
                                                             });
    }

    void cleanup()
    {
        m_handler.reset();
        m_database.reset();
        m_scratch.reset();
    }

    void aClickRedirectsToTheStoredTargetAndIsRecorded()
    {
        const TrackingReply reply = m_handler->handle(request(TrackingToken::Kind::Click, click(1)));
        QCOMPARE(reply.status, 302);
        QCOMPARE(reply.location, QByteArray("https://example.org/donate?a=1&b=2"));
        QCOMPARE(m_recorded.size(), 1);
        const EngagementRecord& event = m_recorded.first();
        QCOMPARE(event.campaignId, qint64(1));
        QCOMPARE(event.sendId, qint64(0)); // anonymous: no recipient
        QCOMPARE(event.linkNo, 1);
        QVERIFY(event.kind == EngagementKind::Click);
        QCOMPARE(event.occurredAtMs, Now);
        QCOMPARE(event.clientNet, QStringLiteral("203.0.113.0/24")); // never the full address
        QCOMPARE(event.agentClass, QStringLiteral("browser"));
        QVERIFY(!event.machine);
        QCOMPARE(event.reason, QStringLiteral("person"));
    }

    void badTokensGet404AndRecordNothing()
    {
        const TrackingRequest good = request(TrackingToken::Kind::Click, click(1));
        const QByteArray token = good.path.mid(3);
        const QList<QByteArray> paths = {
            "/c/" + token.left(token.size() - 1),                  // truncated
            "/c/" + token + "A",                                   // extended
            "/c/A" + token.mid(1),                                 // tampered
            "/c/" + TrackingToken(QByteArrayLiteral("another-installation-secret-0000")).issue(click(1)).toLatin1(), // foreign
            "/o/" + token,                                         // a click token on the pixel's path
            "/c/" + token + "/https://evil.example.com/",          // a target in the request
            "/c/" + m_tokens.issue(click(99)).toLatin1(),          // a link the campaign does not have
            "/c/" + m_tokens.issue({TrackingToken::Kind::Click, 2, 1, 0, false}).toLatin1(), // a campaign without links
            "/c/" + m_tokens.issue(click(2)).toLatin1(),           // personalised link with an anonymous token (never issued)
            "/x/" + token, "/c/", "/",
        };
        for (const QByteArray& path : paths) {
            TrackingRequest bad = good;
            bad.path = path;
            const TrackingReply reply = m_handler->handle(bad);
            QVERIFY2(reply.status == 404, path.constData());
            QVERIFY(reply.location.isEmpty());
        }
        QVERIFY(m_recorded.isEmpty());
    }

    // The redirect and the pixel are answered all the same; the request's log line says the event was not kept.
    void anEventTheSpoolRefusesIsAnsweredAndLoggedAsNotRecorded()
    {
        m_spoolFull = true;
        const TrackingReply clicked = m_handler->handle(request(TrackingToken::Kind::Click, click(1)));
        QCOMPARE(clicked.status, 302);
        QCOMPARE(clicked.outcome, QByteArray("click not recorded: spool full"));
        const TrackingReply opened = m_handler->handle(request(TrackingToken::Kind::Open, {TrackingToken::Kind::Open, 1, 0, 0, false}));
        QCOMPARE(opened.status, 200);
        QCOMPARE(opened.outcome, QByteArray("open not recorded: spool full"));
    }

    void theOpenPixelIsATransparentGif()
    {
        const TrackingReply reply = m_handler->handle(request(TrackingToken::Kind::Open, {TrackingToken::Kind::Open, 1, 0, 0, false}));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.contentType, QByteArray("image/gif"));
        QCOMPARE(reply.body.size(), 43);
        QVERIFY(reply.body.startsWith("GIF89a"));
        QCOMPARE(m_recorded.size(), 1);
        QVERIFY(m_recorded.first().kind == EngagementKind::Open);
    }

    void machinesAreToldApartAtTheDoor()
    {
        m_handler->handle(request(TrackingToken::Kind::Click, click(1), "HEAD"));
        m_handler->handle(request(TrackingToken::Kind::Click, click(0)));
        TrackingRequest scanner = request(TrackingToken::Kind::Click, click(1));
        scanner.userAgent = "python-requests/2.31.0";
        m_handler->handle(scanner);
        QCOMPARE(m_recorded.size(), 3);
        QCOMPARE(m_recorded.at(0).method, QStringLiteral("HEAD"));
        QCOMPARE(m_recorded.at(0).reason, QStringLiteral("head_request"));
        QCOMPARE(m_recorded.at(1).reason, QStringLiteral("hidden_link"));
        QCOMPARE(m_recorded.at(2).reason, QStringLiteral("script_agent"));
        for (const EngagementRecord& event : std::as_const(m_recorded))
            QVERIFY(event.machine);
    }

    void testSendsAreAnsweredButNotRecorded()
    {
        QCOMPARE(m_handler->handle(request(TrackingToken::Kind::Click, click(1, 0, true))).status, 302);
        QCOMPARE(m_handler->handle(request(TrackingToken::Kind::Open, {TrackingToken::Kind::Open, 1, 0, 0, true})).status, 200);
        QVERIFY(m_recorded.isEmpty());
    }

    void aPersonalisedLinkIsRenderedForTheRecipient()
    {
        const qint64 send = SendingFixture::count(*m_database, QStringLiteral("SELECT min(id) FROM sends WHERE campaign_id = 1"));
        const TrackingReply reply = m_handler->handle(request(TrackingToken::Kind::Click, click(2, send)));
        QCOMPARE(reply.status, 302);
        QCOMPARE(reply.location, QByteArray("https://example.org/you?e=org0@example.net"));
        QCOMPARE(m_recorded.size(), 1);
        QCOMPARE(m_recorded.first().sendId, send);
        // Another campaign's send in this campaign's token: no such recipient.
        QCOMPARE(m_handler->handle(request(TrackingToken::Kind::Click, click(2, send + 1000))).status, 404);
        QCOMPARE(m_recorded.size(), 1);
    }

    void theClientIsReadBehindTrustedProxiesOnly()
    {
        TrackingRequest proxied = request(TrackingToken::Kind::Click, click(1));
        proxied.peer = QHostAddress(QStringLiteral("127.0.0.1"));
        proxied.forwardedFor = "198.51.100.23";
        m_handler->handle(proxied);
        TrackingRequest spoofed = request(TrackingToken::Kind::Click, click(1)); // from 203.0.113.77, not a proxy
        spoofed.forwardedFor = "198.51.100.23";
        m_handler->handle(spoofed);
        QCOMPARE(m_recorded.size(), 2);
        QCOMPARE(m_recorded.at(0).clientNet, QStringLiteral("198.51.100.0/24"));
        QCOMPARE(m_recorded.at(1).clientNet, QStringLiteral("203.0.113.0/24"));
    }

    void theWebViewShowsTheRecipientsMessageWithoutTracking()
    {
        const qint64 send = SendingFixture::count(*m_database, QStringLiteral("SELECT min(id) FROM sends WHERE campaign_id = 1"));
        const TrackingReply reply = m_handler->handle(request(TrackingToken::Kind::View, {TrackingToken::Kind::View, 1, 0, send, false}));
        QCOMPARE(reply.status, 200);
        QVERIFY(reply.webPage);
        QVERIFY2(reply.body.contains("Dear Org 0 of Dover"), reply.body.constData());
        QVERIFY(!reply.body.contains("/o/"));
        QVERIFY(m_recorded.isEmpty());
        QCOMPARE(m_handler->handle(request(TrackingToken::Kind::View, {TrackingToken::Kind::View, 2, 0, send, false})).status, 404);
    }
};

QTEST_GUILESS_MAIN(TestTrackingRequestHandler)
#include "TestTrackingRequestHandler.moc"
