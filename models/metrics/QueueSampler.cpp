#include "QueueSampler.h"

#include "storage/BoundQuery.h"

namespace herald {

Result<bool> QueueSampler::sampleIfDue(qint64 epochSeconds)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    const qint64 slot = epochSeconds - epochSeconds % SlotSeconds;
    BoundQuery taken(db.value(), QStringLiteral("SELECT 1 FROM queue_samples WHERE sampled_at = :slot"));
    taken.bind(QStringLiteral(":slot"), slot);
    if (auto done = taken.exec(tr("Could not read the queue samples")); !done)
        return done.error();
    if (taken.next())
        return false;
    // Pending and in flight from the counts kept beside the queue (a million pending rows are one row there);
    // the retries (attempts > 0, which those counts do not key on) on their partial index.
    BoundQuery insert(db.value(), QStringLiteral(
        "INSERT INTO queue_samples (sampled_at, pending, retrying, in_flight) SELECT CAST(:slot AS bigint),"
        " (SELECT COALESCE(sum(n), 0) FROM campaign_send_counts WHERE status = 'pending'"
        "   AND campaign_id IN (SELECT id FROM campaigns WHERE status = 'sending')),"
        " (SELECT count(*) FROM sends WHERE status = 'pending' AND attempts > 0"
        "   AND campaign_id IN (SELECT id FROM campaigns WHERE status = 'sending')),"
        " (SELECT COALESCE(sum(n), 0) FROM campaign_send_counts WHERE status = 'sending')"
        " WHERE true ON CONFLICT (sampled_at) DO NOTHING"));
    insert.bind(QStringLiteral(":slot"), slot);
    if (auto done = insert.exec(tr("Could not sample the queue")); !done)
        return done.error();
    const bool inserted = insert.numRowsAffected() > 0;
    BoundQuery prune(db.value(), QStringLiteral("DELETE FROM queue_samples WHERE sampled_at < :oldest"));
    prune.bind(QStringLiteral(":oldest"), slot - KeptSeconds);
    if (auto done = prune.exec(tr("Could not remove old queue samples")); !done)
        return done.error();
    return inserted;
}

} // namespace herald
