#include "HeraldCli.h"
#include "HttpProbe.h"
#include "engagement/EngagementSpool.h"
#include "engagement/TrackingToken.h"
#include "storage/AppSettingsRepository.h"

#include <QDir>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace herald;

// A real `herald serve` answers click requests over HTTP while the database holds their events back (a lock on
// engagement_events, as a slow COPY and commit under load do), and is killed with SIGKILL once the spool has had its
// write interval (EngagementSpool::WriteEveryMs, 20 ms; the test waits five of them): none of the events is in the
// database then, and a new `herald serve` on the same spool writes every one of them exactly once.
class TestServeSpool : public QObject
{
    Q_OBJECT

    test::HeraldCli m_cli;
    QNetworkAccessManager m_network;
    QTemporaryDir m_spool;

    Database& database() { return m_cli.database(); }

    QStringList serveArguments(quint16 port) const
    {
        return {QStringLiteral("serve"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port),
                QStringLiteral("--flush-ms"), QStringLiteral("250"), QStringLiteral("--spool-dir"), m_spool.path()};
    }
    std::unique_ptr<QProcess> startServe(quint16 port)
    {
        auto serve = m_cli.start(serveArguments(port));
        if (!serve->waitForReadyRead(30000) || !serve->readLine().startsWith("Listening on"))
            qWarning("herald serve did not start");
        return serve;
    }

    qint64 count(const QString& sql)
    {
        QSqlQuery query(database().connection());
        return query.exec(sql) && query.next() ? query.value(0).toLongLong() : -1;
    }
    qint64 events() { return count(QStringLiteral("SELECT count(*) FROM engagement_events")); }

    // Holds a write lock on engagement_events from the test's connection until unlockEvents().
    bool lockEvents()
    {
        QSqlQuery query(database().connection());
        if (database().backend() == Backend::Sqlite)
            return query.exec(QStringLiteral("BEGIN IMMEDIATE"));
        return query.exec(QStringLiteral("BEGIN")) && query.exec(QStringLiteral("LOCK TABLE engagement_events IN EXCLUSIVE MODE"));
    }
    bool unlockEvents() { return QSqlQuery(database().connection()).exec(QStringLiteral("COMMIT")); }

    // Requests every URL at once; the number of replies with `status`.
    int fetchAll(const QList<QUrl>& urls, int status)
    {
        QList<QNetworkReply*> replies;
        for (const QUrl& url : urls) {
            QNetworkRequest request(url);
            request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
            replies << m_network.get(request);
        }
        int answered = 0;
        for (QNetworkReply* reply : replies) {
            if (!reply->isFinished())
                QSignalSpy(reply, &QNetworkReply::finished).wait(15000);
            answered += reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == status ? 1 : 0;
            reply->deleteLater();
        }
        return answered;
    }

private slots:
    void init() { QVERIFY2(m_cli.setUp(QStringLiteral(HERALD_EXECUTABLE)).isEmpty(), "set-up failed"); }
    void cleanup() { m_cli.reset(); }

    void aKillLosesNoClickTheSpoolHadWritten()
    {
        const quint16 port = test::HttpProbe::freePort();
        auto serve = startServe(port);
        auto secret = AppSettingsRepository(database()).unsubscribeSecret();
        QVERIFY(secret.ok());
        const TrackingToken tokens(secret.value());
        constexpr int Clicks = 200;
        QList<QUrl> urls;
        for (qint64 send = 1; send <= Clicks; ++send) // the hidden link: recorded without a stored target
            urls << QUrl(tokens.url(QStringLiteral("http://127.0.0.1:%1").arg(port), {TrackingToken::Kind::Click, 1, 0, send, false}));

        QVERIFY(lockEvents());
        QCOMPARE(fetchAll(urls, 200), Clicks);
        QTest::qWait(5 * EngagementSpool::WriteEveryMs);
        serve->kill(); // SIGKILL
        QVERIFY(serve->waitForFinished(10000));
        QVERIFY(unlockEvents());
        QCOMPARE(events(), qint64(0));

        auto restarted = startServe(port);
        QTRY_COMPARE_WITH_TIMEOUT(events(), qint64(Clicks), 15000);
        ::kill(pid_t(restarted->processId()), SIGTERM);
        QVERIFY(restarted->waitForFinished(30000));
        QCOMPARE(restarted->exitCode(), 0);
        QCOMPARE(events(), qint64(Clicks));
        QCOMPARE(count(QStringLiteral("SELECT count(DISTINCT send_id) FROM engagement_events")), qint64(Clicks));
        QCOMPARE(QDir(m_spool.path()).entryList({QStringLiteral("*.spool")}, QDir::Files), QStringList());
    }

    void aSecondServeOnTheSameSpoolIsRefused()
    {
        auto first = startServe(test::HttpProbe::freePort());
        QVERIFY(first->state() == QProcess::Running);
        const auto second = m_cli.run(serveArguments(test::HttpProbe::freePort()));
        QCOMPARE(second.exitCode, 1);
        QVERIFY2(second.err.contains(QStringLiteral("Another herald serve uses the spool directory")), qPrintable(second.err));
        QVERIFY2(second.err.contains(QDir(m_spool.path()).absolutePath()), qPrintable(second.err));
        ::kill(pid_t(first->processId()), SIGTERM);
        QVERIFY(first->waitForFinished(30000));
    }
};

QTEST_GUILESS_MAIN(TestServeSpool)
#include "TestServeSpool.moc"
