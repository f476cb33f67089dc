#include "HandingMarker.h"

#include "SendQueue.h"

namespace herald {

HandingMarker::HandingMarker(Database& database, QString owner)
    : m_database(database), m_owner(std::move(owner)), m_thread([this] { run(); })
{
}

HandingMarker::~HandingMarker()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    m_thread.join();
}

std::future<HandingMarker::Marked> HandingMarker::mark(QList<ClaimedSend> rows, std::function<void()> whenDone)
{
    Request request{std::move(rows), {}, std::move(whenDone)};
    std::future<Marked> result = request.done.get_future();
    {
        std::lock_guard lock(m_mutex);
        m_requests.push_back(std::move(request));
    }
    m_wake.notify_one();
    return result;
}

void HandingMarker::run()
{
    SendQueue queue(m_database, m_owner);
    while (true) {
        std::vector<Request> requests;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_requests.empty(); });
            if (m_requests.empty())
                break; // stopping, nothing left to mark
            requests.swap(m_requests);
        }
        QList<ClaimedSend> rows;
        for (const Request& request : requests)
            rows += request.rows;
        const Marked marked = queue.markHanding(rows);
        for (Request& request : requests) {
            request.done.set_value(marked);
            if (request.whenDone)
                request.whenDone();
        }
    }
    m_database.releaseThreadConnection();
}

} // namespace herald
