#include "LinkDirectory.h"

#include "CampaignLinkRepository.h"

namespace herald {

namespace {
constexpr qint64 EmptyRetryMs = 5'000; // links are stored when a campaign is queued: an empty one may fill soon
} // namespace

std::shared_ptr<const LinkDirectory::Links> LinkDirectory::linksOf(qint64 campaignId, qint64 nowMs)
{
    {
        QReadLocker read(&m_lock);
        const auto found = m_entries.constFind(campaignId);
        if (found != m_entries.cend() && (!found->links->isEmpty() || nowMs < found->retryAfterMs))
            return found->links;
    }
    auto links = std::make_shared<Links>();
    if (auto loaded = CampaignLinkRepository::load(m_database, campaignId)) {
        for (const TrackedLink& link : loaded.value())
            links->insert(link.number, link);
    }
    QWriteLocker write(&m_lock);
    m_entries.insert(campaignId, Entry{links, nowMs + EmptyRetryMs});
    return links;
}

} // namespace herald
