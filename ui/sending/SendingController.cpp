#include "SendingController.h"

#include "sending/SendEngineFactory.h"

#include <QtConcurrent>

namespace herald {

namespace {
constexpr qint64 RetryStartAfterMs = 5000;
} // namespace

SendingController::SendingController(Database& database, QObject* parent)
    : QObject(parent), m_database(database), m_stopping(new QFutureWatcher<void>(this))
{
    qRegisterMetaType<herald::EngineSnapshot>();
    connect(m_stopping, &QFutureWatcher<void>::finished, this, [this] {
        m_engine.reset();
        emit stateChanged(tr("Not sending: no campaign is waiting."), false);
    });
}

SendingController::~SendingController() { shutDown(); }

bool SendingController::isSending() const { return isEngineRunning() && m_anySending; }

void SendingController::campaignsRead(const QList<CampaignProgress>& campaigns)
{
    m_anySending = std::any_of(campaigns.cbegin(), campaigns.cend(),
                               [](const CampaignProgress& c) { return c.status == CampaignStatus::Sending; });
    if (m_stopping->isRunning() || m_shutDown)
        return;
    if (m_anySending && m_restartWanted && m_engine) {
        m_restartWanted = false;
        stopInBackground(); // the next poll starts it again with the new providers
        return;
    }
    if (m_anySending && !m_engine)
        start();
    else if (!m_anySending && isEngineRunning())
        stopInBackground();
}

void SendingController::providersChanged()
{
    m_sinceFailedStart.invalidate();
    if (m_engine)
        m_restartWanted = true;
}

void SendingController::start()
{
    if (m_sinceFailedStart.isValid() && m_sinceFailedStart.elapsed() < RetryStartAfterMs)
        return;
    auto created = SendEngineFactory::create(m_database, EngineSettings());
    if (!created) {
        m_sinceFailedStart.start();
        emit stateChanged(tr("Not sending: %1").arg(created.error().message), true);
        return;
    }
    std::unique_ptr<SendEngine> engine = std::move(created).value();
    if (auto started = engine->start(); !started) {
        m_sinceFailedStart.start();
        emit stateChanged(tr("Not sending: %1").arg(started.error().message), true);
        return;
    }
    m_sinceFailedStart.invalidate();
    connect(engine.get(), &SendEngine::progress, this, &SendingController::engineProgress);
    connect(engine.get(), &SendEngine::errorOccurred, this, [this](const QString& message) {
        emit stateChanged(tr("Sending, with a problem: %1").arg(message), true);
    });
    emit stateChanged(tr("Sending from this computer through %n provider(s).", nullptr, engine->providers().size()), false);
    m_engine = std::move(engine);
}

void SendingController::stopInBackground()
{
    emit stateChanged(tr("Stopping: returning unsent messages to the queue…"), false);
    SendEngine* engine = m_engine.get();
    m_stopping->setFuture(QtConcurrent::run([engine] { engine->stop(); }));
}

void SendingController::shutDown()
{
    m_shutDown = true;
    if (m_stopping->isRunning())
        m_stopping->waitForFinished();
    if (m_engine)
        m_engine->stop();
    m_engine.reset();
}

} // namespace herald
