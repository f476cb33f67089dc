#pragma once

#include "Database.h"
#include "domain/Error.h"
#include "domain/Segment.h"

#include <QCoreApplication>
#include <QList>

class QSqlQuery;

namespace herald {

// How many nonprofits a segment selects right now, and how many of them a campaign would mail (active and not
// suppressed).
struct SegmentCount
{
    qint64 matching = 0;
    qint64 mailable = 0;
};

// SQL for saved segments (segments table; the definition is the Audience JSON). Counting and the campaign queue
// use the same condition (NonprofitCondition), so the count is what a campaign sends to.
class SegmentRepository
{
    Q_DECLARE_TR_FUNCTIONS(herald::SegmentRepository)
public:
    explicit SegmentRepository(Database& database);

    // Validates, stores and fills in id, uuid, version and timestamps.
    Status insert(Segment& segment);
    // Stores the edit if nobody changed the row since it was read (segment.version); bumps version.
    Status update(Segment& segment);
    Result<Segment> find(qint64 id);
    // Every segment by name (they are few).
    Result<QList<Segment>> list();
    // Deletes it; campaigns that used it keep their own audience (segment_id becomes NULL).
    Result<bool> remove(qint64 id);

    // The live count of a definition, saved or being edited.
    Result<SegmentCount> count(const SegmentDefinition& definition);
    // The audience a campaign's audience JSON stands for: {"segment": id} is that segment's definition.
    Result<Audience> resolve(const QString& audienceJson);

private:
    Result<QSqlDatabase> connectionToWrite(Segment& segment);
    static Segment readRow(const QSqlQuery& query);

    Database& m_database;
};

} // namespace herald
