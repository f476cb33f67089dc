#pragma once

#include "ClaimedSend.h"
#include "domain/Error.h"
#include "storage/Database.h"

#include <QList>
#include <QSet>
#include <QString>

#include <condition_variable>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

namespace herald {

// Marks rows "being handed over" (SendQueue::markHanding) on a thread and connection of its own, so that
// a sender can mark its next batch while the current one goes out instead of waiting for the commit
// (a WAL flush: milliseconds) between batches. Marks asked for by several senders at once go into one
// statement. One per engine.
class HandingMarker
{
public:
    using Marked = Result<QSet<qint64>>; // the ids marked; a row missing was taken over and must not be sent

    HandingMarker(Database& database, QString owner);
    ~HandingMarker(); // marks what was asked for, then ends the thread
    HandingMarker(const HandingMarker&) = delete;
    HandingMarker& operator=(const HandingMarker&) = delete;

    std::future<Marked> mark(QList<ClaimedSend> rows);

private:
    struct Request
    {
        QList<ClaimedSend> rows;
        std::promise<Marked> done;
    };
    void run();

    Database& m_database;
    QString m_owner;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::vector<Request> m_requests;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace herald
