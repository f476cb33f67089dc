#include "CampaignReports.h"

#include "CampaignActions.h"
#include "Output.h"
#include "TextTable.h"
#include "compose/CampaignMessageComposer.h"
#include "storage/AppSettingsRepository.h"
#include "sending/MessageResources.h"
#include "storage/CampaignRepository.h"
#include "storage/NonprofitRepository.h"
#include "storage/SegmentRepository.h"
#include "storage/SendRepository.h"
#include "storage/TemplateRepository.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace herald::cli {

namespace {
QString tr(const char* text) { return QCoreApplication::translate("herald::cli", text); }

// One line of `campaign list`.
struct CampaignLine
{
    Campaign campaign;
    QString templateName;
    qint64 audience = 0;
    qint64 sent = 0;
    qint64 failed = 0;
};

// The audience of a queued campaign is its queue; before that, the nonprofits it would mail now.
Result<CampaignLine> describe(Database& database, const Campaign& campaign, const QHash<qint64, QString>& templateNames)
{
    CampaignLine line;
    line.campaign = campaign;
    line.templateName = templateNames.value(campaign.templateId);
    auto counts = SendRepository(database).countsByStatus(campaign.id);
    if (!counts)
        return counts.error();
    qint64 queued = 0;
    for (const qint64 count : counts.value())
        queued += count;
    line.sent = counts->value(SendStatus::Sent);
    line.failed = counts->value(SendStatus::Failed);
    if (queued > 0) {
        line.audience = queued;
        return line;
    }
    SegmentRepository segments(database);
    auto audience = segments.resolve(campaign.audience);
    if (!audience)
        return audience.error();
    auto live = segments.count(audience.value());
    if (!live)
        return live.error();
    line.audience = live->mailable;
    return line;
}

QString templateText(const CampaignLine& line)
{
    if (line.campaign.templateId == 0)
        return QStringLiteral("-");
    return QStringLiteral("%1 v%2").arg(line.templateName).arg(line.campaign.templateVersion);
}

int listCampaigns(Database& database, bool json)
{
    auto campaigns = CampaignRepository(database).list();
    auto templates = TemplateRepository(database).list();
    if (!campaigns || !templates) {
        Output::error(!campaigns ? campaigns.error().message : templates.error().message);
        return 1;
    }
    QHash<qint64, QString> templateNames;
    for (const Template& row : templates.value())
        templateNames.insert(row.id, row.name);
    QList<CampaignLine> lines;
    for (const Campaign& campaign : campaigns.value()) {
        auto line = describe(database, campaign, templateNames);
        if (!line) {
            Output::error(line.error().message);
            return 1;
        }
        lines << line.value();
    }

    if (json) {
        QJsonArray rows;
        for (const CampaignLine& line : lines)
            rows.append(QJsonObject{{QStringLiteral("id"), line.campaign.id},
                                    {QStringLiteral("name"), line.campaign.name},
                                    {QStringLiteral("status"), toString(line.campaign.status)},
                                    {QStringLiteral("template_id"), line.campaign.templateId},
                                    {QStringLiteral("template"), line.templateName},
                                    {QStringLiteral("template_version"), line.campaign.templateVersion},
                                    {QStringLiteral("audience"), line.audience},
                                    {QStringLiteral("sent"), line.sent},
                                    {QStringLiteral("failed"), line.failed}});
        Output::json(QJsonDocument(rows));
        return 0;
    }
    if (lines.isEmpty()) {
        Output::line(tr("No campaigns yet."));
        return 0;
    }
    TextTable table({tr("ID"), tr("Name"), tr("Status"), tr("Template"), tr("Audience"), tr("Sent"), tr("Failed")},
                    {true, false, false, false, true, true, true});
    for (const CampaignLine& line : lines)
        table.add({QString::number(line.campaign.id), line.campaign.name, toString(line.campaign.status),
                   templateText(line), QString::number(line.audience), QString::number(line.sent),
                   QString::number(line.failed)});
    table.print();
    return 0;
}

// --nonprofit takes an id or an email address.
Result<Nonprofit> findNonprofit(Database& database, const QString& key)
{
    NonprofitRepository nonprofits(database);
    bool isNumber = false;
    const qint64 id = key.toLongLong(&isNumber);
    return isNumber ? nonprofits.find(id) : nonprofits.findByEmail(key.trimmed());
}

int renderMessage(Database& database, qint64 campaignId, const QString& nonprofitKey)
{
    auto campaign = CampaignRepository(database).find(campaignId);
    if (!campaign) {
        Output::error(campaign.error().message);
        return 1;
    }
    // A draft has no snapshot yet: it renders the current template, which queueing will snapshot.
    if (auto filled = TemplateRepository(database).fillSnapshot(campaign.value()); !filled) {
        Output::error(filled.error().message);
        return 1;
    }
    auto recipient = findNonprofit(database, nonprofitKey);
    if (!recipient) {
        Output::error(recipient.error().message);
        return 1;
    }
    // A queued recipient renders as the engine will send it: with its send's id and the address queued.
    qint64 sendId = 0;
    auto send = SendRepository(database).findForRecipient(campaignId, recipient->id);
    if (send) {
        sendId = send->id;
        recipient.value().email = send->email;
    } else if (send.error().kind != Error::Kind::NotFound) {
        Output::error(send.error().message);
        return 1;
    }
    auto secret = AppSettingsRepository(database).unsubscribeSecret();
    if (!secret) {
        Output::error(secret.error().message);
        return 1;
    }
    CampaignMessageComposer composer(campaign.value(), secret.value());
    if (Status resources = MessageResources::loadInto(database, composer); !resources) {
        Output::error(resources.error().message);
        return 1;
    }
    auto message = composer.compose(sendId, recipient.value());
    if (!message) {
        Output::error(message.error().message);
        return 1;
    }
    // The bytes as they go on the wire (CRLF line ends), not re-encoded by a text stream.
    QFile out;
    if (!out.open(stdout, QIODevice::WriteOnly) || out.write(message->data) != message->data.size()) {
        Output::error(tr("Could not write the message to standard output."));
        return 1;
    }
    return 0;
}
// The statuses `campaign show` counts, in the order a message moves through them.
const SendStatus ShownStatuses[] = {SendStatus::Pending, SendStatus::Sending,    SendStatus::Sent,     SendStatus::Failed,
                                    SendStatus::Unknown, SendStatus::Suppressed, SendStatus::Cancelled};

QString statusLabel(SendStatus status)
{
    switch (status) {
    case SendStatus::Pending:
        return CampaignReports::tr("Pending");
    case SendStatus::Sending:
        return CampaignReports::tr("Sending");
    case SendStatus::Sent:
        return CampaignReports::tr("Sent");
    case SendStatus::Failed:
        return CampaignReports::tr("Failed");
    case SendStatus::Unknown:
        return CampaignReports::tr("Unknown outcome");
    case SendStatus::Suppressed:
        return CampaignReports::tr("Suppressed");
    case SendStatus::Cancelled:
        return CampaignReports::tr("Cancelled");
    }
    return {};
}

int showCampaign(Database& database, qint64 campaignId, bool json)
{
    auto campaign = CampaignRepository(database).find(campaignId);
    if (!campaign)
        return Output::failed(campaign.error().message);
    auto counts = SendRepository(database).countsByStatus(campaignId);
    if (!counts)
        return Output::failed(counts.error().message);
    if (json) {
        QJsonObject byStatus;
        qint64 total = 0;
        for (const SendStatus status : ShownStatuses) {
            byStatus.insert(toString(status), counts->value(status));
            total += counts->value(status);
        }
        Output::json(QJsonDocument(QJsonObject{
            {QStringLiteral("id"), campaign->id},
            {QStringLiteral("name"), campaign->name},
            {QStringLiteral("status"), toString(campaign->status)},
            {QStringLiteral("template_id"), campaign->templateId},
            {QStringLiteral("template_version"), campaign->templateVersion},
            {QStringLiteral("sender_identity_id"), campaign->senderIdentityId},
            {QStringLiteral("segment_id"), campaign->segmentId},
            {QStringLiteral("tracking"), CampaignActions::trackingText(campaign->tracking)},
            {QStringLiteral("images"), toString(campaign->imageMode)},
            {QStringLiteral("scheduled_at"), campaign->scheduledAt.isValid()
                                                 ? QJsonValue(campaign->scheduledAt.toUTC().toString(Qt::ISODate))
                                                 : QJsonValue()},
            {QStringLiteral("counts"), byStatus},
            {QStringLiteral("total"), total}}));
        return 0;
    }
    Output::line(CampaignReports::tr("Campaign %1: %2").arg(campaign->id).arg(campaign->name));
    Output::line(CampaignReports::tr("Status: %1").arg(toString(campaign->status)));
    Output::line(CampaignReports::tr("Tracking: %1").arg(CampaignActions::trackingText(campaign->tracking)));
    Output::line(CampaignReports::tr("Images: %1").arg(toString(campaign->imageMode)));
    if (campaign->scheduledAt.isValid())
        Output::line(CampaignReports::tr("Scheduled for: %1").arg(campaign->scheduledAt.toUTC().toString(Qt::ISODate)));
    TextTable table({CampaignReports::tr("Messages"), CampaignReports::tr("Count")}, {false, true});
    for (const SendStatus status : ShownStatuses)
        table.add({statusLabel(status), QString::number(counts->value(status))});
    table.print();
    return 0;
}
} // namespace

int CampaignReports::show(Database& database, qint64 campaignId, bool json)
{
    return showCampaign(database, campaignId, json);
}

int CampaignReports::list(Database& database, bool json) { return listCampaigns(database, json); }

int CampaignReports::render(Database& database, qint64 campaignId, const QString& nonprofitKey)
{
    return renderMessage(database, campaignId, nonprofitKey);
}

} // namespace herald::cli
