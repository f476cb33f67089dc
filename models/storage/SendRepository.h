#pragma once

#include "Database.h"
#include "KeysetPage.h"
#include "SqlDialect.h"
#include "domain/Error.h"
#include "domain/Send.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>

#include <optional>

class QSqlQuery;

namespace herald {

// Where the next page of a campaign's queue starts: after this send id.
struct SendCursor
{
    qint64 id = 0;
    bool isStart() const { return id == 0; }
};

using SendPage = KeysetPage<Send, SendCursor>;

// SQL for reading a campaign's queue (the sends table). Queueing an audience and claiming batches belong to
// the send engine; insert() is for tests and tools.
class SendRepository
{
    Q_DECLARE_TR_FUNCTIONS(herald::SendRepository)
public:
    explicit SendRepository(Database& database);

    // Stores one queue row and fills in its id (and queued/next-attempt times left unset).
    Status insert(Send& send);
    Result<Send> find(qint64 id);
    // The campaign's send to one nonprofit; NotFound while the campaign has not queued it.
    Result<Send> findForRecipient(qint64 campaignId, qint64 nonprofitId);
    // How many sends of the campaign are in each status; a status with none is absent (value() gives 0). Read
    // from the counts kept beside the queue (CampaignSendCounts), not by counting the rows.
    Result<QHash<SendStatus, qint64>> countsByStatus(qint64 campaignId);
    // The same for every campaign at once, keyed by campaign id.
    Result<QHash<qint64, QHash<SendStatus, qint64>>> countsByCampaign();
    // When the campaign's first message was delivered; invalid before that.
    Result<QDateTime> firstSentAt(qint64 campaignId);
    // That time as an SQL expression for the campaign whose id is `campaignIdExpression` (NULL before it):
    // one probe of the index on the campaign's sent rows.
    static QString firstSentAtExpression(const QString& campaignIdExpression);
    // The campaign's sends in id order, optionally in one status only, a page at a time.
    Result<SendPage> listForCampaign(qint64 campaignId, std::optional<SendStatus> status, const SendCursor& after,
                                     int limit);

private:
    static Send readRow(const QSqlQuery& query);

    Database& m_database;
    SqlDialect m_dialect;
};

} // namespace herald
