#include "SenderJob.h"

#include "HandingMarker.h"
#include "SendEngine.h"
#include "compose/CampaignMessageComposer.h"
#include "compose/DkimSigner.h"
#include "storage/CampaignRepository.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QRandomGenerator>
#include <QThread>

#include <future>
#include <memory>

namespace herald {

namespace {
struct Prepared
{
    ClaimedSend row;
    OutgoingMessage message;
};
} // namespace

void SenderJob::run()
{
    Database& database = m_engine.database();
    CampaignRepository campaigns(database);
    const UnsubscribeToken signer(m_engine.unsubscribeSecret());
    DkimSigner dkim(m_engine.dkimKeys()); // this thread's libopendkim handle
    QHash<qint64, std::shared_ptr<CampaignMessageComposer>> composers;
    QHash<int, std::shared_ptr<MailTransport>> transports;
    QRandomGenerator random(QRandomGenerator::global()->generate());
    ProviderPool& providers = m_engine.providers();

    auto composerFor = [&](qint64 campaignId) -> std::shared_ptr<CampaignMessageComposer> {
        if (auto found = composers.value(campaignId))
            return found;
        auto campaign = campaigns.find(campaignId);
        if (!campaign)
            return nullptr;
        auto composer = std::make_shared<CampaignMessageComposer>(campaign.value(), signer);
        composers.insert(campaignId, composer);
        return composer;
    };
    auto finalResult = [&](const ClaimedSend& row, DeliveryOutcome outcome, const QString& provider) {
        SendResult result;
        result.id = row.id;
        result.token = row.token;
        result.email = row.recipient.email;
        result.outcome = std::move(outcome);
        result.provider = provider;
        if (result.outcome.kind == DeliveryOutcome::Kind::Temporary && m_engine.settings().retry.mayRetry(row.token))
            result.retryDelayMs = m_engine.settings().retry.delayMs(row.token, random, result.outcome.retryAfterSeconds);
        return result;
    };

    // Rows taken and rendered, with their marks asked for: answered while the batch before goes out.
    struct Batch
    {
        QList<Prepared> prepared;
        QList<ClaimedSend> handing;
        std::future<HandingMarker::Marked> marked;
    };
    auto nextBatch = [&](int waitMs) {
        Batch next;
        for (const ClaimedSend& row : m_engine.takeWork(m_engine.settings().handBatch, waitMs)) {
            const auto composer = composerFor(row.campaignId);
            if (!composer) {
                m_engine.pushRelease(row); // the campaign could not be read now; try again later
                continue;
            }
            auto message = composer->compose(row.id, row.recipient);
            // Signed once here: a retry on another provider sends the same signature.
            const Status signedMessage = message && !dkim.isEmpty() ? dkim.signInto(message.value()) : Status();
            if (!message || !signedMessage) {
                DeliveryOutcome outcome;
                outcome.kind = DeliveryOutcome::Kind::Permanent;
                outcome.text = message ? signedMessage.error().message : message.error().message;
                m_engine.pushResult(finalResult(row, outcome, {}));
                continue;
            }
            next.prepared << Prepared{row, std::move(message).value()};
            next.handing << row;
        }
        if (!next.handing.isEmpty())
            next.marked = m_engine.handingMarker().mark(next.handing);
        return next;
    };

    Batch ahead;
    while (true) {
        Batch current = ahead.marked.valid() ? std::move(ahead) : nextBatch(200);
        ahead = Batch();
        if (!current.marked.valid()) {
            if (m_engine.isStopping())
                break;
            continue;
        }
        const auto marked = current.marked.get();
        if (!marked) {
            m_engine.reportError(marked.error().message);
            for (const ClaimedSend& row : std::as_const(current.handing))
                m_engine.pushRelease(row);
            QThread::msleep(500);
            continue;
        }
        ahead = nextBatch(0);

        for (const Prepared& item : std::as_const(current.prepared)) {
            if (!marked->contains(item.row.id))
                continue; // another sender holds it now (this process was stalled past the lease)
            // Paused, cancelled, stopping, or held too long: what has not been handed over goes back to the
            // queue (a fenced write: if another sender took the row meanwhile, nothing changes).
            if (m_engine.isStopping() || !m_engine.isCampaignActive(item.row.campaignId) || !m_engine.isLeaseUsable(item.row)) {
                m_engine.pushRelease(item.row);
                continue;
            }
            QList<int> triedProviders;
            DeliveryOutcome outcome;
            QString providerName;
            QElapsedTimer clock;
            int latencyMs = 0;
            bool released = false;
            while (true) {
                qint64 waitMs = 0;
                const int index = providers.acquire(&waitMs, triedProviders);
                if (index < 0) {
                    if (waitMs > 0 && !m_engine.isStopping() && m_engine.isCampaignActive(item.row.campaignId)) {
                        QThread::msleep(quint32(std::min<qint64>(waitMs, 50)));
                        continue;
                    }
                    if (waitMs > 0 && triedProviders.isEmpty()) { // paused or stopping while rate-limited
                        m_engine.pushRelease(item.row);
                        released = true;
                        break;
                    }
                    if (outcome.text.isEmpty()) {
                        outcome = DeliveryOutcome::transportFailure(tr("No provider is available: every one is failing "
                                                                       "or paused by its circuit breaker."),
                                                                    false, false);
                    }
                    break;
                }
                auto& transport = transports[index];
                if (!transport)
                    transport = providers.createTransport(index);
                clock.start();
                outcome = transport->send(item.message);
                latencyMs = int(clock.elapsed());
                providers.report(index, outcome);
                providerName = providers.provider(index).name;
                // The provider failed before taking the message: the next one by priority may take it.
                if (outcome.providerProblem && outcome.kind == DeliveryOutcome::Kind::Temporary
                    && triedProviders.size() + 1 < providers.size()) {
                    triedProviders << index;
                    continue;
                }
                break;
            }
            if (released)
                continue;
            SendResult result = finalResult(item.row, outcome, providerName);
            result.messageId = item.message.messageId;
            result.latencyMs = latencyMs;
            m_engine.pushResult(result);
        }
    }
    transports.clear(); // QUIT on every open connection
    database.releaseThreadConnection();
}

} // namespace herald
