#pragma once

#include "Database.h"
#include "domain/Campaign.h"
#include "domain/Error.h"

#include <QCoreApplication>
#include <QString>

namespace herald {

// The sender fields a template preview renders with: those of the first sender identity (by name) when there
// is one, else sample values that say they are samples, so nobody mistakes them for the real sender.
struct PreviewSender
{
    Q_DECLARE_TR_FUNCTIONS(herald::PreviewSender)
public:
    QString identityName; // empty for the sample values
    QString fromName;
    QString fromEmail;
    QString replyTo;
    QString postalAddress;
    QString unsubscribeBaseUrl;

    bool isSample() const { return identityName.isEmpty(); }
    static PreviewSender sample();
    // The first identity, or sample(); an identity without an unsubscribe base URL gets the sample one.
    static Result<PreviewSender> load(Database& database);
    // A campaign named "Preview" with these sender fields, for CampaignMessageComposer.
    Campaign campaign() const;
};

} // namespace herald
