#pragma once

#include "ClaimedSend.h"
#include "domain/Error.h"
#include "storage/Database.h"

#include <QList>
#include <QSet>
#include <QString>

#include <condition_variable>
#include <functional>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

namespace herald {

// Marks rows "being handed over" (SendQueue::markHanding) on a thread and connection of its own, so that a
// sender can have the next message of a connection marked while the one before goes out instead of waiting for
// the commit (a WAL flush: milliseconds). Marks asked for by every sending thread meanwhile go into one
// statement (a group commit). One per engine.
class HandingMarker
{
public:
    using Marked = Result<QSet<qint64>>; // the ids marked; a row missing was taken over and must not be sent

    HandingMarker(Database& database, QString owner);
    ~HandingMarker(); // marks what was asked for, then ends the thread
    HandingMarker(const HandingMarker&) = delete;
    HandingMarker& operator=(const HandingMarker&) = delete;

    // `whenDone` (optional) is called on the marker's thread once the answer is set: to wake the asker.
    std::future<Marked> mark(QList<ClaimedSend> rows, std::function<void()> whenDone = {});

private:
    struct Request
    {
        QList<ClaimedSend> rows;
        std::promise<Marked> done;
        std::function<void()> whenDone;
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
