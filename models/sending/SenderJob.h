#pragma once

#include <QCoreApplication>
#include <QRunnable>

namespace herald {

class SendEngine;

// One sending thread's work: takes small batches of claimed rows, renders them, marks them as being
// handed over, and hands each to a provider over connections it keeps open, failing over to the
// next provider when one is down. Reports every outcome to the engine.
class SenderJob : public QRunnable
{
    Q_DECLARE_TR_FUNCTIONS(herald::SenderJob)
public:
    explicit SenderJob(SendEngine& engine) : m_engine(engine) {}
    void run() override;

private:
    SendEngine& m_engine;
};

} // namespace herald
