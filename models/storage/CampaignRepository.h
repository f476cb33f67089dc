#pragma once

#include "Database.h"
#include "SqlDialect.h"
#include "domain/Campaign.h"
#include "domain/Error.h"

#include <QCoreApplication>
#include <QList>

#include <optional>

class QSqlQuery;

namespace herald {

// SQL for campaigns and their status. Every method uses this thread's connection of the database.
class CampaignRepository
{
    Q_DECLARE_TR_FUNCTIONS(herald::CampaignRepository)
public:
    explicit CampaignRepository(Database& database);

    // Validates, stores and fills in id, version (1), timestamps and a new UUID when it has none.
    Status insert(Campaign& campaign);
    // Stores the edit if nobody changed the row since it was read (campaign.version); bumps version.
    // The status is left as it is: it moves only through setStatus().
    Status update(Campaign& campaign);
    Result<Campaign> find(qint64 id);
    Result<Campaign> findByUuid(const QString& uuid);
    // The campaigns, optionally in one status only, most recently changed first.
    Result<QList<Campaign>> list(std::optional<CampaignStatus> status = std::nullopt);
    // Deletes the campaign and its queue; refused while it is sending.
    Status remove(qint64 id);
    // Moves the campaign from `from` to `to` if it is still in `from` (Conflict naming its status otherwise);
    // bumps the version and returns the new one.
    Result<int> setStatus(qint64 id, CampaignStatus from, CampaignStatus to);
    // Scheduled campaigns whose time has come become sending, in one statement (of several instances, each
    // campaign is taken by exactly one); their ids.
    Result<QList<qint64>> takeDueScheduled();
    // The condition on table campaigns that a scheduled campaign whose time has come meets (for takeDueScheduled()
    // and for whoever asks whether one is waiting).
    static QString dueScheduledCondition(const SqlDialect& dialect);
    // Hides the campaign from the list (or shows it again); bumps the version and returns the new one.
    Result<int> setArchived(qint64 id, bool archived);

private:
    // Normalizes and validates the campaign, then hands out the connection to write it on.
    Result<QSqlDatabase> connectionToWrite(Campaign& campaign);
    Error writeError(const Campaign& campaign, const QSqlError& error, const QString& what);
    static Campaign readRow(const QSqlQuery& query);

    Database& m_database;
    SqlDialect m_dialect;
};

} // namespace herald
