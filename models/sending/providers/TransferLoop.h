#pragma once

#include <QList>

#include <memory>
#include <mutex>
#include <utility>

typedef void CURL;
typedef void CURLM;

namespace herald {

// Carries the exchanges of several connections at once on one thread: libcurl transfers through one multi
// handle, and exchanges of our own on sockets libcurl connected (SMTP transactions, see SmtpTransport), all
// in one poll, so the thread wakes for whatever replies came together. Performing each transfer alone
// (curl_easy_perform) woke a sending thread about four times per message, once per SMTP reply, and on two
// cores those wake-ups were half of its CPU time.
// Connections of libcurl transfers stay open in the loop between transfers (its connection cache holds
// them); destroying the loop closes them.
class TransferLoop
{
public:
    // Work on a socket of its own that the loop polls for.
    class Exchange
    {
    public:
        virtual ~Exchange() = default;
        virtual int socket() const = 0;
        virtual bool wantsToWrite() const = 0;
        // When to call advance() even if the socket stays quiet (a timeout), on QDeadlineTimer's clock (ms).
        virtual qint64 deadline() const = 0;
        // Moves on as far as it can without waiting; true once the exchange has ended.
        virtual bool advance() = 0;
    };

    // Wakes the loop's run() from another thread (curl_multi_wakeup): for work that comes in while it waits on its
    // sockets (a hand-over mark the database confirmed). Safe to call after the loop is gone: it then does nothing.
    class Waker
    {
    public:
        void wake();

    private:
        friend class TransferLoop;
        std::mutex m_mutex;
        CURLM* m_multi = nullptr;
    };

    struct Ended
    {
        const void* tag = nullptr;
        int curlCode = 0; // of a libcurl transfer; 0 for an exchange
    };

    // `connections`: how many connections of libcurl transfers the loop keeps open at most.
    explicit TransferLoop(int connections);
    ~TransferLoop(); // ends transfers still running (their connections close)
    TransferLoop(const TransferLoop&) = delete;
    TransferLoop& operator=(const TransferLoop&) = delete;

    // Starts a libcurl transfer set up on `handle`. Returns libcurl's refusal, 0 when started.
    int startTransfer(CURL* handle, const void* tag);
    // Starts an exchange: its first advance() comes at the start of the next run(), before any wait, so that
    // what the caller hands its transport meanwhile (the next message for a pipelining SMTP connection) goes
    // out in the same write.
    void startExchange(Exchange* exchange, const void* tag);
    // Gives the exchanges started since the last run() their first step now (their writes go out); those
    // that ended there are named by the next run(). run() does it too.
    void advanceStarted();
    // Names `tag` as ended on the next run(), for a transport that failed before anything could start.
    void endAtOnce(const void* tag) { m_endedAtStart.append(Ended{tag, 0}); }
    // Moves everything as far as it can go, waiting up to `timeoutMs` (less when an exchange's deadline comes
    // first) when nothing has ended yet; returns what ended.
    QList<Ended> run(int timeoutMs);
    int running() const { return int(m_transfers.size() + m_exchanges.size()); }
    const std::shared_ptr<Waker>& waker() const { return m_waker; }

private:
    struct Going
    {
        Exchange* exchange = nullptr;
        const void* tag = nullptr;
        bool started = false; // advanced once since startExchange()
    };

    void collectTransfers(QList<Ended>* ended);

    CURLM* m_multi = nullptr;
    std::shared_ptr<Waker> m_waker;
    QList<std::pair<CURL*, const void*>> m_transfers; // started and not yet collected
    QList<Going> m_exchanges;
    QList<Ended> m_endedAtStart;
};

} // namespace herald
