#pragma once

#include "Nonprofit.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace herald {

// Who a campaign goes to, and what a saved segment selects: nonprofits with any of some tags, in a region,
// with a status, matching a free text (name, email, EIN or city). Every part is optional; an empty audience is
// everyone. Stored as JSON in campaigns.audience and segments.definition. The SQL for it is NonprofitCondition.
struct Audience
{
    Q_DECLARE_TR_FUNCTIONS(herald::Audience)
public:
    QStringList anyOfTags; // empty: any
    QString region; // empty: any
    std::optional<NonprofitStatus> status; // unset: any (a campaign mails active rows only anyway)
    QString searchText; // empty: no text filter

    bool isEverything() const;
    QString toJson() const;
    static Audience fromJson(const QString& json);
    QString describe() const;
    bool operator==(const Audience& other) const;
    bool operator!=(const Audience& other) const { return !(*this == other); }
};

} // namespace herald
