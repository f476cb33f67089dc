#pragma once

#include <QString>
#include <QStringList>

namespace herald {

// Who a campaign goes to: every active nonprofit, or those with any of some tags (a saved segment
// resolves to this too). Stored as JSON in campaigns.audience.
struct Audience
{
    QStringList anyOfTags; // empty: everyone
    QString region;        // empty: any

    QString toJson() const;
    static Audience fromJson(const QString& json);
    QString describe() const;
};

} // namespace herald
