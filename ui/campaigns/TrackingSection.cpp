#include "TrackingSection.h"

#include "common/PluralCount.h"
#include "storage/AppSettingsRepository.h"

#include <QLabel>
#include <QLocale>

namespace herald {

TrackingSection::TrackingSection(Database& database, QWidget* dialog)
    : ChoiceSection(dialog, QStringLiteral("trackingCombo"), QStringLiteral("trackingHintLabel"))
    , m_database(database)
{
    addChoices({{tr("Off"), int(Tracking::Off), tr("Links go out as written; the messages carry no open pixel.")},
                {tr("Anonymous (per campaign and link)"), int(Tracking::Anonymous),
                 tr("Opens and clicks are counted per campaign and per link; the links name no recipient.")},
                {tr("Per recipient (where consent allows)"), int(Tracking::PerRecipient),
                 tr("Also who opened and clicked, for the nonprofits whose consent allows it (“Consent given”); the "
                    "others are counted anonymously.")}},
               tr("Off: %1\nAnonymous: %2\nPer recipient: %3"), int(Tracking::Anonymous));
    m_hintLabel->hide();
}

Status TrackingSection::load(const Campaign& campaign)
{
    choose(int(campaign.tracking));
    // Queueing takes the installation's address into the campaign; until then the installation's counts.
    m_queued = campaign.status != CampaignStatus::Draft;
    Status read;
    if (m_queued) {
        m_hasPublicAddress = !campaign.publicBaseUrl.isEmpty();
    } else if (const auto address = AppSettingsRepository(m_database).publicBaseUrl()) {
        m_hasPublicAddress = !address->isEmpty();
    } else {
        read = address.error();
        m_hasPublicAddress = true; // unknown: say nothing rather than something wrong
    }
    updateHint();
    return read;
}

Tracking TrackingSection::tracking() const { return Tracking(chosen()); }

void TrackingSection::showAudience(const std::optional<AudienceSize>& size)
{
    m_audience = size;
    updateHint();
}

void TrackingSection::updateHint()
{
    QString hint;
    if (tracking() != Tracking::Off && !m_hasPublicAddress) {
        hint = m_queued ? tr("Not tracked: the public address of herald serve was not set when this campaign was "
                             "queued.")
                        : tr("Not tracked until the public address of herald serve is set under Settings → "
                             "Engagement.");
    } else if (tracking() == Tracking::PerRecipient && m_audience) {
        hint = tr("Per recipient for %1 of %Ln recipient(s) (consent given); anonymous for the others.", nullptr,
                  pluralCount(m_audience->recipients))
                   .arg(QLocale().toString(m_audience->trackablePerRecipient));
    }
    m_hintLabel->setText(hint);
    m_hintLabel->setVisible(!hint.isEmpty());
}

} // namespace herald
