#include "TransferLoop.h"

#include "CurlGlobal.h"

#include <curl/curl.h>

namespace herald {

TransferLoop::TransferLoop(int connections)
{
    CurlGlobal::ensure();
    m_multi = curl_multi_init();
    // Without a bound of its own the cache follows the number of handles added, which drops to zero between
    // transfers: connections would be closed and opened again.
    curl_multi_setopt(m_multi, CURLMOPT_MAXCONNECTS, long(std::max(1, connections)));
}

TransferLoop::~TransferLoop()
{
    for (CURL* handle : std::as_const(m_handles))
        curl_multi_remove_handle(m_multi, handle);
    curl_multi_cleanup(m_multi); // closes the cached connections, with QUIT for SMTP
}

int TransferLoop::start(CURL* handle)
{
    const CURLMcode added = curl_multi_add_handle(m_multi, handle);
    if (added != CURLM_OK)
        return int(added);
    m_handles << handle;
    ++m_running;
    return 0;
}

QList<TransferLoop::Ended> TransferLoop::run(int timeoutMs)
{
    int stillRunning = 0;
    curl_multi_perform(m_multi, &stillRunning);
    QList<Ended> ended = collectEnded();
    if (!ended.isEmpty())
        return ended;
    curl_multi_poll(m_multi, nullptr, 0, std::max(0, timeoutMs), nullptr);
    curl_multi_perform(m_multi, &stillRunning);
    return collectEnded();
}

QList<TransferLoop::Ended> TransferLoop::collectEnded()
{
    QList<Ended> ended;
    int left = 0;
    while (CURLMsg* message = curl_multi_info_read(m_multi, &left)) {
        if (message->msg != CURLMSG_DONE)
            continue;
        CURL* handle = message->easy_handle;
        const int code = int(message->data.result);
        curl_multi_remove_handle(m_multi, handle); // may be begun and started again; the connection stays cached
        m_handles.removeOne(handle);
        --m_running;
        ended << Ended{handle, code};
    }
    return ended;
}

} // namespace herald
