#pragma once

#include "Error.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace herald {

// Who a campaign is from: the From and Reply-To headers, the postal address bulk mail must carry, and where
// unsubscribe links point. Kept once (sender_identities) and copied into a campaign when it is queued.
struct SenderIdentity
{
    Q_DECLARE_TR_FUNCTIONS(herald::SenderIdentity)
public:
    static constexpr int MaxNameLength = 200;

    qint64 id = 0;
    QString uuid;
    QString name; // what the user picks it by ("Development office")
    QString fromName;
    QString fromEmail;
    QString replyTo;
    QString postalAddress;
    QString unsubscribeBaseUrl;
    QDateTime createdAt;
    QDateTime updatedAt;
    int version = 0;

    // Trims what is typed around addresses and names.
    void normalize();
    // The first problem found, naming the field; ok when the identity can be stored and used.
    Status validate() const;
};

} // namespace herald
