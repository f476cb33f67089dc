#pragma once

#include "ChoiceSection.h"
#include "domain/Campaign.h"
#include "domain/Error.h"
#include "storage/AudienceCounter.h"

#include <optional>

namespace herald {

class Database;

// The campaign editor's "Opens and clicks": off, anonymous (per campaign and link) or per recipient where the
// nonprofit's consent allows it. The line under it says when nothing will be tracked (no public address of
// `herald serve`) and, per recipient, how many of the counted audience have that consent.
class TrackingSection : public ChoiceSection
{
    Q_OBJECT
public:
    TrackingSection(Database& database, QWidget* dialog);

    // The campaign's mode, and the public address it would be tracked through: the installation's for a draft,
    // the one taken when it was queued otherwise. The error when the installation's could not be read.
    Status load(const Campaign& campaign);
    Tracking tracking() const;
    // The audience as last counted (unset while counting), for the per-recipient line.
    void showAudience(const std::optional<AudienceSize>& size);

private:
    void updateHint() override;

    Database& m_database;
    bool m_hasPublicAddress = false;
    bool m_queued = false; // the address was taken when it was queued: changing Settings no longer helps
    std::optional<AudienceSize> m_audience;
};

} // namespace herald
