#pragma once

#include "compose/LinkRewriter.h"
#include "domain/Error.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QHash>
#include <QReadWriteLock>

#include <memory>

namespace herald {

// The click redirect's targets, campaign by campaign, read from campaign_links once and kept: a queued campaign's
// links never change, so the hot path is one lookup in memory. Safe to use from every request thread; a miss reads
// the database on the calling thread's connection. A campaign without links (unknown, or a database error) is
// remembered for a short while, so a burst of requests for it does not each go to the database.
class LinkDirectory
{
    Q_DECLARE_TR_FUNCTIONS(herald::LinkDirectory)
public:
    using Links = QHash<int, TrackedLink>; // by number

    explicit LinkDirectory(Database& database) : m_database(database) {}

    // The campaign's links; empty when it has none (or could not be read just now).
    std::shared_ptr<const Links> linksOf(qint64 campaignId, qint64 nowMs);

private:
    struct Entry
    {
        std::shared_ptr<const Links> links;
        qint64 retryAfterMs = 0; // for empty entries: when to ask the database again
    };

    Database& m_database;
    QReadWriteLock m_lock;
    QHash<qint64, Entry> m_entries;
};

} // namespace herald
