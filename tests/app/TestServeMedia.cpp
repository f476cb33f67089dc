#include "HeraldCli.h"
#include "HttpProbe.h"
#include "ParsedMessage.h"
#include "SendingFixture.h"
#include "TestImages.h"
#include "storage/MediaRepository.h"
#include "storage/NonprofitRepository.h"
#include "storage/TemplateRepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <csignal>

using namespace herald;

// Library images in campaigns made with the real `herald` executable: `campaign create --images` and `campaign
// show`; queueing refused, with the sentence, for an image the library lacks and for linked images without the
// public address; `campaign render` of an embedded campaign (the image an inline part, parsed back by Python's
// email package) and of a linked one, whose image URL a real HTTP client then fetches from a real `herald serve`:
// the library's bytes and type, a year's caching with an ETag that answers 304, 404 for unknown images, and no
// open recorded.
class TestServeMedia : public QObject
{
    Q_OBJECT

    using Run = test::HeraldProcess::Run;

    test::HeraldCli m_cli;
    std::unique_ptr<QProcess> m_serve;
    quint16 m_port = 0;
    QNetworkAccessManager m_network;
    MediaItem m_logo;
    qint64 m_templateId = 0;
    QString m_identity;

    Database& database() { return m_cli.database(); }

    QString base() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }

    void startServe()
    {
        m_serve = m_cli.start({QStringLiteral("serve"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(m_port),
                               QStringLiteral("--public-url"), base()});
        QVERIFY(m_serve->waitForReadyRead(30000));
        QVERIFY(m_serve->readLine().startsWith("Listening on"));
    }

    struct Fetched
    {
        int status = 0;
        QByteArray body;
        QByteArray contentType;
        QByteArray etag;
        QByteArray cacheControl;
    };

    Fetched fetch(const QString& url, const QByteArray& verb = "GET", const QByteArray& ifNoneMatch = {})
    {
        QNetworkRequest request{QUrl(url)};
        request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
        if (!ifNoneMatch.isEmpty())
            request.setRawHeader("If-None-Match", ifNoneMatch);
        QNetworkReply* reply = m_network.sendCustomRequest(request, verb);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        finished.wait(15000);
        Fetched fetched{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll(),
                        reply->rawHeader("Content-Type"), reply->rawHeader("ETag"), reply->rawHeader("Cache-Control")};
        reply->deleteLater();
        return fetched;
    }

    // A campaign of the template to everyone, with these images; its id.
    qint64 create(const QString& name, const QString& images)
    {
        const Run created = m_cli.run({QStringLiteral("campaign"), QStringLiteral("create"), QStringLiteral("--name"), name,
                                       QStringLiteral("--template"), QString::number(m_templateId), QStringLiteral("--identity"),
                                       m_identity, QStringLiteral("--all"), QStringLiteral("--images"), images});
        if (created.exitCode != 0)
            qWarning("create: %s", qPrintable(created.err));
        return created.out.trimmed().toLongLong();
    }

    Run herald(const QStringList& arguments) { return m_cli.run(arguments); }

    QString renderedHtml(qint64 campaign, QJsonObject* parsed = nullptr)
    {
        const Run rendered = herald({QStringLiteral("campaign"), QStringLiteral("render"), QString::number(campaign),
                                     QStringLiteral("--nonprofit"), QStringLiteral("ada@example.org")});
        if (rendered.exitCode != 0)
            qWarning("render: %s", qPrintable(rendered.err));
        const QJsonObject message = test::parseMessage(rendered.out.toUtf8());
        if (parsed)
            *parsed = message;
        for (const QJsonValue& part : message.value(QStringLiteral("parts")).toArray())
            if (part.toObject().value(QStringLiteral("content_type")).toString() == QLatin1String("text/html"))
                return part.toObject().value(QStringLiteral("content")).toString();
        return {};
    }

private slots:
    void init()
    {
        QVERIFY2(m_cli.setUp(QStringLiteral(HERALD_EXECUTABLE)).isEmpty(), "set-up failed");
        m_port = test::HttpProbe::freePort();
        auto imported = MediaRepository(database()).importImage(QStringLiteral("logo.png"),
                                                                test::imageBytes(320, 120, QColor(20, 90, 160)));
        QVERIFY2(imported.ok(), qPrintable(imported.error().message));
        m_logo = imported.value();

        Nonprofit ada;
        ada.name = QStringLiteral("Ada");
        ada.email = QStringLiteral("ada@example.org");
        QVERIFY(NonprofitRepository(database()).insert(ada).ok());
        Template appeal;
        appeal.name = QStringLiteral("Appeal");
        appeal.subject = QStringLiteral("Dear {{name}}");
        appeal.htmlBody = QStringLiteral("<html><body><p><img src=\"media:logo.png\" alt=\"Logo\" width=\"320\"></p>"
                                         "<p>Hi {{name}}</p><p><img src=\"media:logo.png\" alt=\"Logo again\"></p>"
                                         "<a href=\"{{unsubscribe_url}}\">Unsubscribe</a> {{postal_address}}</body></html>");
        appeal.textBody = QStringLiteral("Hi {{name}} {{unsubscribe_url}} {{postal_address}}");
        QVERIFY(TemplateRepository(database()).insert(appeal).ok());
        m_templateId = appeal.id;
        const Run identity = herald({QStringLiteral("identity"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("Office"),
                                     QStringLiteral("--from"), QStringLiteral("news@example.org"), QStringLiteral("--postal-address"),
                                     QStringLiteral("1 Main St, Dover"), QStringLiteral("--unsubscribe-url"), QStringLiteral("https://example.org/u")});
        QVERIFY2(identity.exitCode == 0, qPrintable(identity.err));
        m_identity = identity.out.trimmed();
    }

    void cleanup()
    {
        if (m_serve) {
            ::kill(pid_t(m_serve->processId()), SIGTERM);
            QVERIFY(m_serve->waitForFinished(30000));
        }
        m_serve.reset();
        m_cli.reset();
    }

    void embeddedCampaignCarriesTheImageOnce()
    {
        const qint64 id = create(QStringLiteral("Embedded"), QStringLiteral("embedded"));
        QVERIFY(id > 0);
        const Run shown = herald({QStringLiteral("campaign"), QStringLiteral("show"), QString::number(id), QStringLiteral("--json")});
        QVERIFY2(shown.exitCode == 0, qPrintable(shown.err));
        QCOMPARE(QJsonDocument::fromJson(shown.out.toUtf8()).object().value(QStringLiteral("images")).toString(), QStringLiteral("embedded"));
        const Run send = herald({QStringLiteral("campaign"), QStringLiteral("send"), QString::number(id)});
        QVERIFY2(send.exitCode == 0, qPrintable(send.err));

        QJsonObject parsed;
        const QString html = renderedHtml(id, &parsed);
        QVERIFY(parsed.value(QStringLiteral("defects")).toArray().isEmpty());
        QVERIFY(parsed.value(QStringLiteral("multiparts")).toArray().contains(QStringLiteral("multipart/related")));
        QJsonArray images;
        for (const QJsonValue& part : parsed.value(QStringLiteral("parts")).toArray())
            if (part.toObject().value(QStringLiteral("content_type")).toString() == QLatin1String("image/png"))
                images << part;
        QCOMPARE(images.size(), 1);
        QCOMPARE(images.at(0)[QStringLiteral("sha256")].toString(), m_logo.image.sha256);
        const QString contentId = images.at(0)[QStringLiteral("content_id")].toString().remove(QLatin1Char('<')).remove(QLatin1Char('>'));
        QCOMPARE(html.count(QStringLiteral("src=\"cid:%1\"").arg(contentId)), 2);
    }

    void queueingRefusesWhatCannotBeShown()
    {
        // Linked with no public address yet (herald serve sets it when it starts with --public-url).
        const qint64 linked = create(QStringLiteral("Linked"), QStringLiteral("linked"));
        const Run refused = herald({QStringLiteral("campaign"), QStringLiteral("send"), QString::number(linked)});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QLatin1String("public address of herald serve is not set")), qPrintable(refused.err));
        // An image the library lacks, named.
        test::SendingFixture::exec(database(), QStringLiteral("UPDATE templates SET html_body = replace(html_body, "
                                                              "'media:logo.png\" alt=\"Logo again', 'media:gone.gif\" alt=\"Gone')"));
        const qint64 embedded = create(QStringLiteral("Missing"), QStringLiteral("embedded"));
        const Run missing = herald({QStringLiteral("campaign"), QStringLiteral("send"), QString::number(embedded)});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains(QLatin1String("'gone.gif'")), qPrintable(missing.err));
        QCOMPARE(herald({QStringLiteral("campaign"), QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("x"),
                         QStringLiteral("--template"), QString::number(m_templateId), QStringLiteral("--identity"), m_identity,
                         QStringLiteral("--images"), QStringLiteral("attached")}).exitCode, 2);
    }

    void linkedImageIsServedByHeraldServe()
    {
        startServe();
        const qint64 id = create(QStringLiteral("Linked"), QStringLiteral("linked"));
        const Run shown = herald({QStringLiteral("campaign"), QStringLiteral("show"), QString::number(id)});
        QVERIFY2(shown.out.contains(QLatin1String("Images: linked")), qPrintable(shown.out));
        const Run send = herald({QStringLiteral("campaign"), QStringLiteral("send"), QString::number(id)});
        QVERIFY2(send.exitCode == 0, qPrintable(send.err));

        QJsonObject parsed;
        const QString html = renderedHtml(id, &parsed);
        QVERIFY(!parsed.value(QStringLiteral("multiparts")).toArray().contains(QStringLiteral("multipart/related")));
        const QString url = base() + QStringLiteral("/m/") + m_logo.image.sha256 + QStringLiteral("/logo.png");
        QCOMPARE(html.count(QStringLiteral("src=\"%1\"").arg(url)), 2);

        const Fetched image = fetch(url);
        QCOMPARE(image.status, 200);
        QCOMPARE(image.body, m_logo.image.bytes);
        QCOMPARE(image.contentType, QByteArray("image/png"));
        QCOMPARE(image.etag, '"' + m_logo.image.sha256.toLatin1() + '"');
        QVERIFY2(image.cacheControl.contains("max-age=31536000"), image.cacheControl.constData());
        QCOMPARE(fetch(url, "HEAD").status, 200);
        QCOMPARE(fetch(url, "GET", image.etag).status, 304);
        QCOMPARE(fetch(url, "GET", "\"other\"").status, 200);
        QCOMPARE(fetch(base() + QStringLiteral("/m/") + QString(64, QLatin1Char('0')) + QStringLiteral("/logo.png")).status, 404);
        QCOMPARE(fetch(base() + QStringLiteral("/m/logo.png")).status, 404);
        QCOMPARE(fetch(url, "POST").status, 405);
        // An image is no open: nothing recorded.
        ::kill(pid_t(m_serve->processId()), SIGTERM);
        QVERIFY(m_serve->waitForFinished(30000));
        m_serve.reset();
        QCOMPARE(test::SendingFixture::count(database(), QStringLiteral("SELECT count(*) FROM engagement_events")), qint64(0));
    }
};

QTEST_GUILESS_MAIN(TestServeMedia)
#include "TestServeMedia.moc"
