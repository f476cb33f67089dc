#pragma once

#include <QEventLoop>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPair>
#include <QTcpServer>
#include <QTimer>
#include <QUrl>

namespace herald::test {

// A real HTTP client for tests of `herald serve`: one request at a time, waited for (10 s at most), redirects not
// followed, nothing cached. Needs a Q(Core)Application.
class HttpProbe
{
public:
    struct Answer
    {
        int status = 0; // 0: no answer
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;

        QByteArray header(const QByteArray& name) const
        {
            for (const auto& [key, value] : headers) {
                if (key.compare(name, Qt::CaseInsensitive) == 0)
                    return value;
            }
            return {};
        }
    };

    Answer request(const QByteArray& verb, const QUrl& url, const QByteArray& body = {},
                   const QByteArray& contentType = "application/x-www-form-urlencoded")
    {
        QNetworkRequest request(url);
        request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        if (!body.isEmpty() || verb == "POST")
            request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
        QNetworkReply* reply = m_network.sendCustomRequest(request, verb, body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(10000, &loop, &QEventLoop::quit);
        if (!reply->isFinished())
            loop.exec();
        Answer answer{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll(), reply->rawHeaderPairs()};
        reply->deleteLater();
        return answer;
    }

    Answer get(const QUrl& url) { return request("GET", url); }

    // A loopback port free a moment ago, for a `herald serve --listen` under test.
    static quint16 freePort()
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        return probe.serverPort();
    }

private:
    QNetworkAccessManager m_network;
};

} // namespace herald::test
