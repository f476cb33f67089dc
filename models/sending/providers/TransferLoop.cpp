#include "TransferLoop.h"

#include "CurlGlobal.h"

#include <curl/curl.h>

#include <QDeadlineTimer>

#include <algorithm>
#include <vector>

namespace herald {

TransferLoop::TransferLoop(int connections)
{
    CurlGlobal::ensure();
    m_multi = curl_multi_init();
    // Without a bound of its own the cache follows the number of handles added, which drops to zero between
    // transfers: connections would be closed and opened again.
    curl_multi_setopt(m_multi, CURLMOPT_MAXCONNECTS, long(std::max(1, connections)));
    m_waker = std::make_shared<Waker>();
    m_waker->m_multi = m_multi;
}

TransferLoop::~TransferLoop()
{
    {
        std::lock_guard lock(m_waker->m_mutex);
        m_waker->m_multi = nullptr;
    }
    for (const auto& transfer : std::as_const(m_transfers))
        curl_multi_remove_handle(m_multi, transfer.first);
    curl_multi_cleanup(m_multi); // closes the cached connections, with QUIT for SMTP
}

void TransferLoop::Waker::wake()
{
    std::lock_guard lock(m_mutex);
    if (m_multi)
        curl_multi_wakeup(m_multi);
}

int TransferLoop::startTransfer(CURL* handle, const void* tag)
{
    const CURLMcode added = curl_multi_add_handle(m_multi, handle);
    if (added != CURLM_OK)
        return int(added);
    m_transfers.append({handle, tag});
    return 0;
}

void TransferLoop::startExchange(Exchange* exchange, const void* tag)
{
    m_exchanges.append(Going{exchange, tag, false});
}

void TransferLoop::advanceStarted()
{
    for (qsizetype i = 0; i < m_exchanges.size();) {
        Going& going = m_exchanges[i];
        if (going.started) {
            ++i;
            continue;
        }
        going.started = true;
        if (going.exchange->advance()) {
            m_endedAtStart.append(Ended{going.tag, 0});
            m_exchanges.removeAt(i);
        } else {
            ++i;
        }
    }
}

QList<TransferLoop::Ended> TransferLoop::run(int timeoutMs)
{
    advanceStarted();
    QList<Ended> ended;
    ended.swap(m_endedAtStart);
    int stillRunning = 0;
    if (!m_transfers.isEmpty()) {
        curl_multi_perform(m_multi, &stillRunning);
        collectTransfers(&ended);
    }
    if (!ended.isEmpty())
        return ended;

    std::vector<curl_waitfd> sockets;
    sockets.reserve(size_t(m_exchanges.size()));
    qint64 now = QDeadlineTimer::current().deadline();
    qint64 wait = std::max(0, timeoutMs);
    for (const Going& going : std::as_const(m_exchanges)) {
        const short events = short(CURL_WAIT_POLLIN | (going.exchange->wantsToWrite() ? CURL_WAIT_POLLOUT : 0));
        sockets.push_back(curl_waitfd{curl_socket_t(going.exchange->socket()), events, 0});
        wait = std::min(wait, std::max<qint64>(0, going.exchange->deadline() - now));
    }
    curl_multi_poll(m_multi, sockets.empty() ? nullptr : sockets.data(), unsigned(sockets.size()), int(wait), nullptr);
    if (!m_transfers.isEmpty()) {
        curl_multi_perform(m_multi, &stillRunning);
        collectTransfers(&ended);
    }
    now = QDeadlineTimer::current().deadline();
    QList<Going> stillGoing;
    for (qsizetype i = 0; i < m_exchanges.size(); ++i) {
        const Going& going = m_exchanges.at(i);
        const bool due = sockets[size_t(i)].revents != 0 || now >= going.exchange->deadline();
        if (due && going.exchange->advance())
            ended.append(Ended{going.tag, 0});
        else
            stillGoing.append(going);
    }
    m_exchanges.swap(stillGoing);
    return ended;
}

void TransferLoop::collectTransfers(QList<Ended>* ended)
{
    int left = 0;
    while (CURLMsg* message = curl_multi_info_read(m_multi, &left)) {
        if (message->msg != CURLMSG_DONE)
            continue;
        CURL* handle = message->easy_handle;
        const int code = int(message->data.result);
        curl_multi_remove_handle(m_multi, handle); // may be set up and started again; the connection stays cached
        const auto found = std::find_if(m_transfers.begin(), m_transfers.end(),
                                        [handle](const auto& transfer) { return transfer.first == handle; });
        if (found == m_transfers.end())
            continue;
        ended->append(Ended{found->second, code});
        m_transfers.erase(found);
    }
}

} // namespace herald
