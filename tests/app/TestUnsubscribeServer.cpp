#include "HeraldBackend.h"
#include "compose/UnsubscribeToken.h"
#include "storage/AppSettingsRepository.h"
#include "storage/NonprofitRepository.h"
#include "storage/SuppressionRepository.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>

using namespace herald;

// `herald unsubscribe-server` run as the real executable, spoken to over HTTP on loopback, with the
// suppressions read back from the database of its profile (embedded SQLite, or PostgreSQL on the cluster).
class TestUnsubscribeServer : public QObject
{
    Q_OBJECT

    struct Answer
    {
        int status = 0;
        QByteArray body;
        QByteArray allow;
    };

    std::unique_ptr<test::HeraldProcess> m_herald;
    std::unique_ptr<test::HeraldBackend> m_backend;
    Database* m_database = nullptr;
    std::unique_ptr<QProcess> m_server;
    QByteArray m_serverLog;
    int m_port = 0;
    QNetworkAccessManager m_network;

    static int freePort()
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        return probe.serverPort();
    }

    QString tokenFor(const QString& email, qint64 campaignId = 5)
    {
        auto secret = AppSettingsRepository(*m_database).unsubscribeSecret();
        return secret ? UnsubscribeToken(secret.value()).issue(campaignId, email) : QString();
    }

    QUrl linkFor(const QString& token) const
    {
        QUrl url(QStringLiteral("http://127.0.0.1:%1/unsubscribe").arg(m_port));
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("t"), token);
        url.setQuery(query);
        return url;
    }

    Answer request(const QByteArray& verb, const QUrl& url, const QByteArray& body = {},
                   const QByteArray& contentType = "application/x-www-form-urlencoded")
    {
        QNetworkRequest request(url);
        if (!body.isEmpty() || verb == "POST")
            request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
        QNetworkReply* reply = m_network.sendCustomRequest(request, verb, body);
        QEventLoop loop;
        connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(10000, &loop, &QEventLoop::quit);
        loop.exec();
        Answer answer{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll(),
                      reply->rawHeader("Allow")};
        reply->deleteLater();
        return answer;
    }

    Answer oneClick(const QString& token) { return request("POST", linkFor(token), "List-Unsubscribe=One-Click"); }

    // Sends raw bytes and reads what comes back until the server closes or 5 s pass.
    QByteArray raw(const QByteArray& head, qint64 bodyBytes)
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, quint16(m_port));
        if (!socket.waitForConnected(5000))
            return {};
        socket.write(head);
        // A refusal comes as soon as the head is read; read it before sending the body, or the connection the
        // server closes after it may be reset under the client before the client reads the answer.
        QByteArray received;
        if (socket.waitForReadyRead(2000))
            received += socket.readAll();
        const QByteArray chunk(64 * 1024, 'x');
        for (qint64 sent = 0; received.isEmpty() && sent < bodyBytes && socket.state() == QAbstractSocket::ConnectedState;
             sent += chunk.size()) {
            socket.write(chunk);
            socket.waitForBytesWritten(1000);
            received += socket.readAll();
        }
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 5000 && socket.state() == QAbstractSocket::ConnectedState && !received.contains("\r\n\r\n")) {
            socket.waitForReadyRead(200);
            received += socket.readAll();
        }
        return received + socket.readAll();
    }

    QString suppressionSource(const QString& email)
    {
        auto found = SuppressionRepository(*m_database).find(email);
        return found && found->reason == SuppressionReason::Unsubscribed ? found->source : QString();
    }

    qint64 suppressionCount()
    {
        auto counted = SuppressionRepository(*m_database).count();
        return counted ? counted.value() : -1;
    }

    QString storeNonprofit(const QString& email)
    {
        Nonprofit nonprofit;
        nonprofit.name = QStringLiteral("Dover Food Bank");
        nonprofit.email = email;
        if (const Status added = NonprofitRepository(*m_database).insert(nonprofit); !added)
            qWarning("%s", qPrintable(added.error().message));
        return email;
    }

    QString nonprofitStatus(const QString& email)
    {
        QSqlQuery query(m_database->connection());
        query.prepare(QStringLiteral("SELECT status FROM nonprofits WHERE email = :email"));
        query.bindValue(QStringLiteral(":email"), email);
        return query.exec() && query.next() ? query.value(0).toString() : QString();
    }

private slots:
    void init()
    {
        m_herald = std::make_unique<test::HeraldProcess>(QStringLiteral(HERALD_EXECUTABLE));
        m_backend = std::make_unique<test::HeraldBackend>();
        const QString problem = m_backend->setUp(*m_herald);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        m_database = &m_backend->database();
        m_port = freePort();
        m_server = m_herald->start(QStringList{QStringLiteral("unsubscribe-server"), QStringLiteral("--listen"),
                                               QStringLiteral("127.0.0.1:%1").arg(m_port)}
                                   + m_backend->profileArguments());
        QVERIFY(m_server->waitForStarted(10000));
        m_serverLog.clear();
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 20000 && !m_serverLog.contains("Listening on")) {
            m_server->waitForReadyRead(200);
            m_serverLog += m_server->readAllStandardOutput();
            QVERIFY2(m_server->state() == QProcess::Running, m_serverLog.constData());
        }
        QVERIFY2(m_serverLog.contains(QStringLiteral("Listening on 127.0.0.1:%1").arg(m_port).toUtf8()), m_serverLog.constData());
    }

    void cleanup()
    {
        if (m_server) {
            m_server->terminate();
            m_server->waitForFinished(5000);
            m_serverLog += m_server->readAllStandardOutput();
            // One line per request, and never an address (nor the token, which carries one).
            QVERIFY2(!m_serverLog.contains('@'), m_serverLog.constData());
            QVERIFY2(!m_serverLog.contains("t="), m_serverLog.constData());
        }
        m_server.reset();
        m_database = nullptr;
        m_backend.reset();
        m_herald.reset();
    }

    void aOneClickPostSuppressesAtOnce()
    {
        const QString email = storeNonprofit(QStringLiteral("director@foodbank.example.org"));
        const Answer answer = oneClick(tokenFor(QStringLiteral("Director@FoodBank.example.org")));
        QCOMPARE(answer.status, 200);
        QVERIFY2(answer.body.contains("You are unsubscribed"), answer.body.constData());
        QCOMPARE(suppressionSource(email), QStringLiteral("one-click unsubscribe (campaign #5)"));
        QCOMPARE(nonprofitStatus(email), QStringLiteral("unsubscribed"));
        QTRY_VERIFY(m_serverLog.append(m_server->readAllStandardOutput()).contains("POST /unsubscribe 200 unsubscribed campaign=5"));
    }

    void getShowsAButtonThatPosts()
    {
        const QString email = storeNonprofit(QStringLiteral("director@foodbank.example.org"));
        const QUrl link = linkFor(tokenFor(email));
        const Answer page = request("GET", link);
        QCOMPARE(page.status, 200);
        QVERIFY2(page.body.contains("<form method=\"post\">"), page.body.constData());
        QVERIFY(page.body.contains("<input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">"));
        QCOMPARE(suppressionCount(), qint64(0)); // opening the link is not unsubscribing (link scanners open it)
        // What a browser sends when the button is pressed: the form, to the same URL.
        const Answer pressed = request("POST", link, "List-Unsubscribe=One-Click");
        QCOMPARE(pressed.status, 200);
        QCOMPARE(suppressionSource(email), QStringLiteral("one-click unsubscribe (campaign #5)"));
    }

    void forgedAndMalformedTokensGetOneAnswer()
    {
        const QString known = storeNonprofit(QStringLiteral("director@foodbank.example.org"));
        const QString valid = tokenFor(known);
        const QString payload = valid.section(QLatin1Char('.'), 0, 0);
        const QString signature = valid.section(QLatin1Char('.'), 1, 1);
        // The same signature on another address: the payload changed, the signature did not.
        const QString otherPayload = QString::fromLatin1(
            QByteArray("u1.5.someone@elsewhere.example.org").toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        const QString forgedForKnown = UnsubscribeToken(QByteArrayLiteral("not the secret")).issue(5, known);
        const QString forgedForUnknown = UnsubscribeToken(QByteArrayLiteral("not the secret")).issue(5, QStringLiteral("ghost@example.org"));
        const QStringList bad = {forgedForKnown, forgedForUnknown, otherPayload + QLatin1Char('.') + signature,
                                 payload.left(payload.size() - 2) + QLatin1Char('.') + signature, payload, QString(),
                                 QStringLiteral("%%%.***"), QString(2000, QLatin1Char('A'))};
        const Answer first = oneClick(bad.first());
        QCOMPARE(first.status, 400);
        for (const QString& token : bad) {
            const Answer post = oneClick(token);
            QCOMPARE(post.status, first.status);
            QCOMPARE(post.body, first.body);
            const Answer get = request("GET", linkFor(token));
            QCOMPARE(get.status, first.status);
            QCOMPARE(get.body, first.body);
        }
        QCOMPARE(suppressionCount(), qint64(0));

        // A genuine link for an address no longer in the database reads exactly like one that is.
        const Answer forKnown = oneClick(valid);
        const Answer forUnknown = oneClick(tokenFor(QStringLiteral("gone@example.org")));
        QCOMPARE(forUnknown.status, forKnown.status);
        QCOMPARE(forUnknown.body, forKnown.body);
    }

    void aReplayChangesNothing()
    {
        const QString email = storeNonprofit(QStringLiteral("director@foodbank.example.org"));
        const QString token = tokenFor(email);
        const Answer first = oneClick(token);
        auto stored = SuppressionRepository(*m_database).find(email);
        QVERIFY(stored);
        const Answer again = oneClick(token);
        QCOMPARE(again.status, first.status);
        QCOMPARE(again.body, first.body);
        QCOMPARE(suppressionCount(), qint64(1));
        QCOMPARE(SuppressionRepository(*m_database).find(email)->createdAt, stored->createdAt);
        QTRY_VERIFY(m_serverLog.append(m_server->readAllStandardOutput()).contains("200 already unsubscribed"));
    }

    void otherMethodsAreRefused()
    {
        const QUrl link = linkFor(tokenFor(storeNonprofit(QStringLiteral("director@foodbank.example.org"))));
        for (const QByteArray& verb : {QByteArray("PUT"), QByteArray("DELETE"), QByteArray("PATCH")}) {
            const Answer answer = request(verb, link, "List-Unsubscribe=One-Click");
            QCOMPARE(answer.status, 405);
            QCOMPARE(answer.allow, QByteArray("GET, POST"));
        }
        QCOMPARE(suppressionCount(), qint64(0));
    }

    void aHugeBodyIsRefusedUnread()
    {
        const QString token = tokenFor(storeNonprofit(QStringLiteral("director@foodbank.example.org")));
        const QByteArray path = linkFor(token).toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority);
        // Declared too large: refused as soon as the headers are in.
        const QByteArray declared = raw("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                                        "Content-Length: 100000000\r\n\r\n", 2 * 1024 * 1024);
        QVERIFY2(declared.startsWith("HTTP/1.1 413"), declared.left(200).constData());
        // Sent in chunks without a length: refused before it is read, since it could not be cut off in time.
        const QByteArray chunked = raw("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                                       "Transfer-Encoding: chunked\r\n\r\n10000\r\n", 1024 * 1024);
        QVERIFY2(chunked.startsWith("HTTP/1.1 411"), chunked.left(200).constData());
        QCOMPARE(suppressionCount(), qint64(0));
        // The server is still there for the next request.
        QCOMPARE(oneClick(token).status, 200);
        QCOMPARE(suppressionCount(), qint64(1));
    }

    void aMalformedFormIsRefused()
    {
        const QString token = tokenFor(storeNonprofit(QStringLiteral("director@foodbank.example.org")));
        const QList<QPair<QByteArray, QByteArray>> bodies = {
            {"application/x-www-form-urlencoded", "List-Unsubscribe=Yes"},
            {"application/x-www-form-urlencoded", ""},
            {"application/json", "{\"List-Unsubscribe\":\"One-Click\"}"},
            {"multipart/form-data; boundary=zz", "--zz\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nOne-Click\r\n--zz--\r\n"},
            {"application/x-www-form-urlencoded", "%%%=&&=%"},
        };
        for (const auto& [type, body] : bodies) {
            const Answer answer = request("POST", linkFor(token), body, type);
            QCOMPARE(answer.status, 400);
            QVERIFY2(answer.body.contains("Request not understood"), answer.body.constData());
        }
        QCOMPARE(suppressionCount(), qint64(0));
        // RFC 8058 receivers may post multipart/form-data.
        const Answer multipart = request("POST", linkFor(token),
                                         "--zz\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\nOne-Click\r\n--zz--\r\n",
                                         "multipart/form-data; boundary=zz");
        QCOMPARE(multipart.status, 200);
        QCOMPARE(suppressionCount(), qint64(1));
    }
};

QTEST_GUILESS_MAIN(TestUnsubscribeServer)
#include "TestUnsubscribeServer.moc"
