#pragma once

#include "sending/CampaignProgressReader.h"
#include "sending/SendEngine.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QObject>

#include <memory>

namespace herald {

class Database;

// Runs this window's send engine while campaigns are sending: builds it (providers and their secrets)
// when a campaign starts sending, stops it when none is left, and rebuilds it when the providers change.
// Stopping returns the rows it had leased to the queue, so other workers or the next start pick them up.
class SendingController : public QObject
{
    Q_OBJECT
public:
    explicit SendingController(Database& database, QObject* parent = nullptr);
    ~SendingController() override; // stops the engine

    // True while the engine runs and some campaign is still sending.
    bool isSending() const;
    bool isEngineRunning() const { return m_engine && m_engine->isRunning(); }
    // Stops the engine for good and waits for it (the window is closing): leased rows go back to the queue.
    void shutDown();

public slots:
    // The latest counts (from SendingMonitor): start or stop the engine to match.
    void campaignsRead(const QList<herald::CampaignProgress>& campaigns);
    // Providers were added, edited or removed: the next start uses them.
    void providersChanged();

signals:
    // A sentence for the page's status line ("Sending through 2 providers", "Not sending: …").
    void stateChanged(const QString& text, bool problem);
    void engineProgress(const herald::EngineSnapshot& snapshot);

private:
    void start();
    void stopInBackground();

    Database& m_database;
    std::unique_ptr<SendEngine> m_engine;
    QFutureWatcher<void>* m_stopping;
    QElapsedTimer m_sinceFailedStart; // a failed start is tried again after a pause, not at every poll
    bool m_anySending = false;
    bool m_restartWanted = false;
    bool m_shutDown = false;
};

} // namespace herald
