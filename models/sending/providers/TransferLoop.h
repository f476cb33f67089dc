#pragma once

#include <QList>

typedef void CURL;
typedef void CURLM;

namespace herald {

// Carries the transfers of several connections at once on one thread, through one libcurl multi handle:
// the thread sleeps in one poll for all of them and wakes for whatever replies came together. Performing
// each transfer alone (curl_easy_perform) woke a sending thread about four times per message, once per SMTP
// reply, and on two cores those wake-ups were half of its CPU time.
// Connections stay open in the loop between transfers (its connection cache holds them), so a handle begun
// again finds its server greeted and logged in; destroying the loop closes them (SMTP QUIT).
class TransferLoop
{
public:
    // `connections`: how many connections the loop keeps open at most, all servers together.
    explicit TransferLoop(int connections);
    ~TransferLoop(); // ends transfers still running (their connections close)
    TransferLoop(const TransferLoop&) = delete;
    TransferLoop& operator=(const TransferLoop&) = delete;

    struct Ended
    {
        CURL* handle = nullptr;
        int curlCode = 0;
    };

    // Starts a transfer set up on `handle` (MailTransport::begin). Returns libcurl's refusal, 0 when started.
    int start(CURL* handle);
    // Moves every transfer as far as it can go without waiting, then waits up to `timeoutMs` for one of them
    // to be able to go on (or the full time when none runs), and returns those that ended.
    QList<Ended> run(int timeoutMs);
    int running() const { return m_running; }

private:
    QList<Ended> collectEnded();

    CURLM* m_multi = nullptr;
    int m_running = 0;
    QList<CURL*> m_handles; // started and not yet collected
};

} // namespace herald
