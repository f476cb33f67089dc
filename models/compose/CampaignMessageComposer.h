#pragma once

#include "CompiledTemplate.h"
#include "LinkRewriter.h"
#include "UnsubscribeToken.h"
#include "engagement/TrackingToken.h"
#include "domain/Attachment.h"
#include "domain/Campaign.h"
#include "domain/Error.h"
#include "domain/Nonprofit.h"
#include "media/MediaItem.h"
#include "sending/OutgoingMessage.h"

#include <QCoreApplication>
#include <QDate>

namespace herald {

// Turns (campaign snapshot, recipient, send row) into the message to hand over: renders the
// subject and bodies for the recipient, signs the unsubscribe and web view links, and builds the MIME bytes.
// With tracking on (and `herald serve`'s public address known), its links go through the click redirect and the
// HTML part carries the open pixel (LinkRewriter): per recipient for nonprofits whose consent allows it, anonymous
// for the others. Compiles the campaign's templates once; one composer per thread (templates are not thread-safe).
class CampaignMessageComposer
{
    Q_DECLARE_TR_FUNCTIONS(herald::CampaignMessageComposer)
public:
    enum class Links {
        AsTracked,     // what recipients get: the campaign's tracking
        AsTrackedTest, // a test send: tracked links that `herald serve` answers without recording anything
        Original,      // previews: the links as written
    };

    // `secret` signs the unsubscribe, tracking and web view tokens (AppSettingsRepository::unsubscribeSecret()).
    CampaignMessageComposer(const Campaign& campaign, const QByteArray& secret, Links links = Links::AsTracked);

    // False, with the problem, when the campaign's templates do not compile.
    bool isValid() const { return m_error.isEmpty(); }
    QString problem() const { return m_error; }
    const Campaign& campaign() const { return m_campaign; }
    // Whether its messages carry tracked links and the open pixel.
    bool tracks() const { return m_tracks; }
    // The consent under which a nonprofit's opens and clicks may be tracked per recipient.
    static bool allowsPerRecipientTracking(const QString& consent);

    // The files every message carries (with their bytes: CampaignAttachmentRepository::load()), in order.
    void setAttachments(const QList<Attachment>& attachments) { m_attachments = attachments; }
    const QList<Attachment>& attachments() const { return m_attachments; }
    // The media library images its HTML shows (src="media:NAME"), read once for all its messages
    // (MessageResources): as the campaign's image mode says, each becomes one inline part (cid:, `images` with
    // their bytes) or a link to `herald serve` at the public address. A name `images` lacks, or linked images
    // without a public address, make the composer invalid with a sentence saying so. Without this call media:
    // sources stay as written (previews that show library images themselves).
    void setImages(const QList<MediaItem>& images);
    const QList<InlineImage>& inlineImages() const { return m_inlineImages; }

    // `date` is the {{date}} placeholder's day; without one, today.
    Result<OutgoingMessage> compose(qint64 sendId, const Nonprofit& recipient, const QDate& date = QDate()) const;

private:
    QDate today() const;
    void prepareTracking();

    // Sets the tracking placeholders (links, pixel, trap link) for one recipient.
    void setTrackingValues(RenderContext& context, qint64 sendId, const Nonprofit& recipient) const;

    Campaign m_campaign;
    UnsubscribeToken m_signer;
    TrackingToken m_tracking;
    const bool m_test;
    bool m_tracks = false;
    QList<TrackedLink> m_links;
    QHash<int, CompiledTemplate> m_personalisedUrls; // by link number
    RenderContext m_anonymousValues;                 // the same for every recipient: signed once
    CompiledTemplate m_subject;
    CompiledTemplate m_html;
    QString m_htmlSource; // what m_html was compiled from (links rewritten for tracking)
    QList<InlineImage> m_inlineImages;
    CompiledTemplate m_text;
    QList<Attachment> m_attachments;
    QString m_error;
    // QDate::currentDate() reads the time zone file each time: once a second is enough.
    mutable QDate m_today;
    mutable qint64 m_todayCheckedMs = 0;
};

} // namespace herald
