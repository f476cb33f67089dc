#pragma once

#include "compose/UnsubscribeToken.h"
#include "storage/Database.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace herald {

// Answers one request to a recipient's unsubscribe link (herald unsubscribe-server carries it over HTTP).
// GET shows a small page whose button POSTs; a POST whose body is List-Unsubscribe=One-Click (RFC 8058,
// form-urlencoded or multipart/form-data) suppresses the address at once, with no further step. The token
// is checked before anything is looked up: a forged, tampered or truncated one gets the same status and
// page whatever address it names, and a valid one gets the same answer whether or not the address is still
// in the database, so no reply tells whether an address exists. Repeating a POST changes nothing.
class OneClickUnsubscribe
{
    Q_DECLARE_TR_FUNCTIONS(herald::OneClickUnsubscribe)
public:
    enum class Method { Get, Post, Other };

    struct Request
    {
        Method method = Method::Get;
        QString token;         // the "t" query parameter
        QByteArray contentType;
        QByteArray body;
    };

    struct Reply
    {
        int status = 200;
        QByteArray contentType;
        QByteArray body;
        QByteArray allow;   // for 405: the methods that are
        QString outcome;    // for the log line, never an address: "unsubscribed", "invalid token" …
        qint64 campaignId = 0;
    };

    // Bodies larger than this are refused (413) before they are read.
    static constexpr qsizetype MaxBodyBytes = 8 * 1024;

    OneClickUnsubscribe(Database& database, QByteArray secret);

    Reply handle(const Request& request);
    Reply tooLarge() const;
    // True for a form body that carries List-Unsubscribe=One-Click.
    static bool isOneClickBody(const QByteArray& contentType, const QByteArray& body);

private:
    Reply page(int status, const QString& title, const QString& text, const QString& form = {}) const;

    Database& m_database;
    UnsubscribeToken m_verifier;
};

} // namespace herald
