#include "CampaignCommand.h"

#include "CommandArguments.h"
#include "Output.h"
#include "ProfileOpener.h"
#include "compose/CampaignMessageComposer.h"
#include "storage/AppSettingsRepository.h"
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

#include <algorithm>

namespace herald::cli {

namespace {
QString tr(const char* text) { return QCoreApplication::translate("CampaignCommand", text); }

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

int list(Database& database, bool json)
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
        Output::out() << QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Indented));
        Output::out().flush();
        return 0;
    }
    if (lines.isEmpty()) {
        Output::line(tr("No campaigns yet."));
        return 0;
    }
    // Columns as wide as their longest cell, numbers aligned right.
    const QStringList header{tr("ID"), tr("Name"), tr("Status"), tr("Template"), tr("Audience"), tr("Sent"), tr("Failed")};
    QList<QStringList> table{header};
    for (const CampaignLine& line : lines)
        table << QStringList{QString::number(line.campaign.id), line.campaign.name, toString(line.campaign.status),
                             templateText(line), QString::number(line.audience), QString::number(line.sent),
                             QString::number(line.failed)};
    QList<qsizetype> widths(header.size(), 0);
    for (const QStringList& row : table)
        for (qsizetype column = 0; column < row.size(); ++column)
            widths[column] = std::max(widths[column], row.at(column).size());
    const QList<bool> numeric{true, false, false, false, true, true, true};
    for (const QStringList& row : table) {
        QStringList cells;
        for (qsizetype column = 0; column < row.size(); ++column)
            cells << (numeric.at(column) ? row.at(column).rightJustified(widths.at(column))
                                         : row.at(column).leftJustified(widths.at(column)));
        Output::line(cells.join(QStringLiteral("  ")).trimmed());
    }
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

int render(Database& database, qint64 campaignId, const QString& nonprofitKey)
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
    const UnsubscribeToken signer(secret.value());
    const CampaignMessageComposer composer(campaign.value(), signer);
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
} // namespace

int CampaignCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Lists campaigns, or prints the message a campaign sends to one nonprofit."));
    parser.addPositionalArgument(QStringLiteral("action"), tr("list, or render ID."));
    const QCommandLineOption profile = CommandArguments::profileOption();
    const QCommandLineOption json(QStringLiteral("json"), tr("list: print JSON instead of a table."));
    const QCommandLineOption nonprofit(QStringLiteral("nonprofit"),
                                       tr("render: the recipient, by nonprofit id or email address."), tr("id|email"));
    parser.addOptions({profile, json, nonprofit});
    if (const int done = CommandArguments::parse(parser, arguments); done != CommandArguments::Continue)
        return done;
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    bool idIsNumber = false;
    const qint64 campaignId = positional.value(1).toLongLong(&idIsNumber);
    const bool listing = action == QLatin1String("list") && positional.size() == 1;
    const bool rendering = action == QLatin1String("render") && positional.size() == 2 && idIsNumber
                           && !parser.value(nonprofit).trimmed().isEmpty();
    if (!listing && !rendering) {
        Output::error(tr("Usage: herald campaign list [--json] [--profile NAME] | "
                         "herald campaign render ID --nonprofit ID|EMAIL [--profile NAME]"));
        return 2;
    }
    auto database = ProfileOpener::open(parser.value(profile));
    if (!database) {
        Output::error(database.error().message);
        return 1;
    }
    return listing ? list(*database.value(), parser.isSet(json))
                   : render(*database.value(), campaignId, parser.value(nonprofit));
}

} // namespace herald::cli
