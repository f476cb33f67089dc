#include "CampaignCommand.h"

#include "CampaignActions.h"
#include "CampaignAttachments.h"
#include "CampaignQueueing.h"
#include "CampaignReports.h"
#include "CommandArguments.h"
#include "Output.h"
#include "ProfileOpener.h"

#include <QDateTime>

namespace herald::cli {

namespace {
// --at: ISO 8601; without an offset it is this computer's local time, as in the campaign editor.
QDateTime parseTime(const QString& text)
{
    QDateTime at = QDateTime::fromString(text.trimmed(), Qt::ISODateWithMs);
    if (!at.isValid())
        at = QDateTime::fromString(text.trimmed(), Qt::ISODate);
    return at;
}
} // namespace

int CampaignCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr(
        "Campaigns.\n\n"
        "  list [--json]                     every campaign with its status, audience and counts\n"
        "  show ID [--json]                  its status, tracking and image modes and messages counted by status:\n"
        "                                    pending, sending, sent, failed, unknown, suppressed, cancelled\n"
        "  render ID --nonprofit ID|EMAIL    the MIME message that nonprofit gets\n"
        "  create --name NAME --template ID --identity ID [--segment ID | --all] [--at TIME] [--anyway]\n"
        "         [--tracking off|anonymous|per-recipient] [--images embedded|linked]\n"
        "                                    a draft (with --at, scheduled); prints its id\n"
        "  send ID [--anyway]                queue it now, as the campaign editor's Send Now does: the campaign,\n"
        "                                    template and sender identity are checked, suppressed addresses are\n"
        "                                    left out, and a campaign to more than 5,000 recipients gets its\n"
        "                                    sender domain's DNS (SPF, DKIM, DMARC) checked first\n"
        "  pause ID | resume ID | cancel ID  as the Sending page's buttons\n"
        "  approve ID                        approve a campaign written by somebody else, when the team server\n"
        "                                    needs a second person's approval for large sends (Settings →\n"
        "                                    Approval); a change of its template, audience or sender withdraws it\n"
        "  attach ID FILE...                 send these files with every message (multipart/mixed); 10 MB in\n"
        "                                    all at most, with a warning above 1 MB; drafts and scheduled only\n"
        "  attachments ID [--json]           its attachments: file name, type, size and SHA-256\n"
        "  detach ID NAME                    remove the attachment with this file name\n\n"
        "Sending a campaign that was queued already does nothing and exits 0. A sender domain that is not\n"
        "ready stops send and create --at unless --anyway is given. 'herald worker' (or the window) sends\n"
        "what is queued.\n\n"
        "Exit status: 0 done, 1 failed or refused (the reason on standard error), 2 usage error."));
    parser.addPositionalArgument(QStringLiteral("action"),
                                 tr("list, show ID, render ID, create, send ID, pause ID, resume ID, cancel ID, approve ID, "
                                    "attach ID FILE..., attachments ID or detach ID NAME."));
    const QCommandLineOption profile = CommandArguments::profileOption();
    const QCommandLineOption json(QStringLiteral("json"), tr("list, show, attachments: print JSON instead of text."));
    const QCommandLineOption nonprofit(QStringLiteral("nonprofit"),
                                       tr("render: the recipient, by nonprofit id or email address."), tr("id|email"));
    const QCommandLineOption name(QStringLiteral("name"), tr("create: the campaign's name."), tr("name"));
    const QCommandLineOption templateId(QStringLiteral("template"), tr("create: the template's id ('herald template "
                                                                       "list')."),
                                        tr("id"));
    const QCommandLineOption identity(QStringLiteral("identity"),
                                      tr("create: the sender identity's id ('herald identity list')."), tr("id"));
    const QCommandLineOption segment(QStringLiteral("segment"), tr("create: send to this saved segment."), tr("id"));
    const QCommandLineOption all(QStringLiteral("all"), tr("create: send to all active nonprofits (the default)."));
    const QCommandLineOption at(QStringLiteral("at"),
                                tr("create: schedule it for this time, ISO 8601 (2026-05-01T09:00, local time, or "
                                   "with an offset such as Z or +02:00)."),
                                tr("time"));
    const QCommandLineOption anyway(QStringLiteral("anyway"),
                                    tr("send, create --at: queue even when the sender domain's DNS is not ready."));
    const QCommandLineOption tracking(QStringLiteral("tracking"),
                                      tr("create: how opens and clicks are tracked: off, anonymous (per campaign and "
                                         "link; the default) or per-recipient (for the nonprofits whose consent "
                                         "allows it, anonymous for the others). Nothing is tracked while the public "
                                         "address of herald serve is not set."),
                                      tr("mode"));
    const QCommandLineOption images(QStringLiteral("images"),
                                    tr("create: how messages carry the media library images the template shows: "
                                       "embedded (the default; inside every message, which makes each one heavier) "
                                       "or linked (light messages; the images load from the public address of herald "
                                       "serve, which must be set and running)."),
                                    tr("mode"));
    parser.addOptions({profile, json, nonprofit, name, templateId, identity, segment, all, at, anyway, tracking, images});
    if (const int done = CommandArguments::parse(parser, arguments); done != CommandArguments::Continue)
        return done;
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    const qint64 campaignId = positional.size() >= 2 ? CommandArguments::idValue(positional.at(1)) : 0;
    const auto is = [&action](const char* name) { return action == QLatin1String(name); };

    CampaignActions::NewCampaign request;
    request.name = parser.value(name);
    request.templateId = CommandArguments::idValue(parser.value(templateId));
    request.senderIdentityId = CommandArguments::idValue(parser.value(identity));
    request.segmentId = CommandArguments::idValue(parser.value(segment));
    request.at = parser.isSet(at) ? parseTime(parser.value(at)) : QDateTime();
    request.anyway = parser.isSet(anyway);
    const bool createOk = positional.size() == 1 && parser.isSet(name) && request.templateId > 0
                          && request.senderIdentityId > 0 && !(parser.isSet(segment) && parser.isSet(all))
                          && (!parser.isSet(segment) || request.segmentId > 0)
                          && (!parser.isSet(at) || request.at.isValid())
                          && (!parser.isSet(tracking)
                              || CampaignActions::parseTracking(parser.value(tracking), &request.tracking))
                          && (!parser.isSet(images)
                              || CampaignActions::parseImageMode(parser.value(images), &request.imageMode));
    const bool valid = (is("list") && positional.size() == 1)
                       || ((is("show") || is("send") || is("pause") || is("resume") || is("cancel")
                            || is("approve") || is("attachments"))
                           && positional.size() == 2 && campaignId > 0)
                       || (is("attach") && positional.size() >= 3 && campaignId > 0)
                       || (is("detach") && positional.size() == 3 && campaignId > 0)
                       || (is("render") && positional.size() == 2 && campaignId > 0 && !parser.value(nonprofit).trimmed().isEmpty())
                       || (is("create") && createOk);
    if (!valid) {
        return Output::usageError(tr("Usage: herald campaign list [--json] | show ID [--json] | render ID --nonprofit ID|EMAIL | "
                         "create --name NAME --template ID --identity ID [--segment ID | --all] [--at TIME] "
                         "[--anyway] [--tracking off|anonymous|per-recipient] [--images embedded|linked] | send ID [--anyway] | pause ID | "
                         "resume ID | cancel ID | approve ID | attach ID FILE... | attachments ID [--json] | detach ID NAME  (each with [--profile NAME]; 'herald campaign --help' explains "
                         "them)"));
    }
    const auto opened = ProfileOpener::openOrSay(parser.value(profile));
    if (!opened)
        return 1;
    Database& database = *opened;
    if (is("list"))
        return CampaignReports::list(database, parser.isSet(json));
    if (is("show"))
        return CampaignReports::show(database, campaignId, parser.isSet(json));
    if (is("render"))
        return CampaignReports::render(database, campaignId, parser.value(nonprofit));
    if (is("create"))
        return CampaignActions::create(database, request);
    if (is("send"))
        return CampaignQueueing::queue(database, {campaignId, QDateTime(), request.anyway});
    if (is("attach"))
        return CampaignAttachments::attach(database, campaignId, positional.mid(2));
    if (is("attachments"))
        return CampaignAttachments::list(database, campaignId, parser.isSet(json));
    if (is("detach"))
        return CampaignAttachments::detach(database, campaignId, positional.at(2));
    if (is("pause"))
        return CampaignActions::pause(database, campaignId);
    if (is("resume"))
        return CampaignActions::resume(database, campaignId);
    if (is("approve"))
        return CampaignActions::approve(database, campaignId);
    return CampaignActions::cancel(database, campaignId);
}

} // namespace herald::cli
