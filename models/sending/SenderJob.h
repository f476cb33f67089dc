#pragma once

#include <QCoreApplication>
#include <QRunnable>

namespace herald {

class SendEngine;

// One sending thread's work: takes small batches of claimed rows, renders them, and hands them to providers
// over the connections it keeps open — its share of each provider's connections, all carried at once by one
// TransferLoop — failing over to the next provider when one is down. A message is marked as being handed over
// only once it has a place on a connection (the one going, or the one behind it), and its data goes out once
// the mark is confirmed and it holds a rate token, taken as it goes. Reports every outcome to the engine.
class SenderJob : public QRunnable
{
    Q_DECLARE_TR_FUNCTIONS(herald::SenderJob)
public:
    // `index`: which of the engine's sending threads this is (for its share of the connections).
    SenderJob(SendEngine& engine, int index) : m_engine(engine), m_index(index) {}
    void run() override;

private:
    SendEngine& m_engine;
    int m_index;
};

} // namespace herald
