#pragma once

#include "compose/LinkRewriter.h"
#include "domain/Campaign.h"
#include "domain/Error.h"
#include "domain/Nonprofit.h"
#include "storage/Database.h"

#include <QCoreApplication>

namespace herald {

// What `herald serve` renders for one recipient, off the hot path: the target of a personalised link (its
// {{placeholders}} filled in with the recipient's values) and the message as a web page ("view in your browser"),
// personalised and without tracking. Reads the campaign, the send and the nonprofit on the calling thread.
class RecipientPages
{
    Q_DECLARE_TR_FUNCTIONS(herald::RecipientPages)
public:
    RecipientPages(Database& database, QByteArray secret) : m_database(database), m_secret(std::move(secret)) {}

    Result<QString> personalisedTarget(qint64 campaignId, qint64 sendId, const TrackedLink& link);
    // The HTML of the page (the HTML part, or the text part in <pre>). sendId 0: without a recipient's values.
    Result<QByteArray> webView(qint64 campaignId, qint64 sendId);

private:
    // The campaign and the nonprofit the send went to (a blank one for sendId 0); NotFound when the send is not the
    // campaign's or its nonprofit was erased.
    Result<std::pair<Campaign, Nonprofit>> recipientOf(qint64 campaignId, qint64 sendId);

    Database& m_database;
    QByteArray m_secret;
};

} // namespace herald
