#include "ReportCommand.h"

#include "CommandArguments.h"
#include "EngagementReportOutput.h"
#include "Output.h"
#include "ProfileOpener.h"
#include "engagement/EngagementReport.h"

namespace herald::cli {

int ReportCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr(
        "Engagement reports.\n\n"
        "  campaign ID [--json]   delivered messages; opens, unique opens, open rate, clicks, unique clicks,\n"
        "                         click rate and click-to-open rate, people's (human) and machines' apart;\n"
        "                         opens and clicks in the first 7 days; clicks per link\n\n"
        "Rates are fractions of delivered messages. With anonymous tracking nobody's opens are told apart, so\n"
        "unique opens and clicks are unknown and the rates come from the totals (marked approximate).\n"
        "--json prints the same with every hour of the first 7 days: keys campaign_id, name, status, tracking,\n"
        "delivered, first_sent_at, uniques_known, approximate, human and machine (opens, unique_opens,\n"
        "implied_opens, open_rate, clicks, unique_clicks, click_rate, click_to_open_rate; unknown or undefined\n"
        "values are null), hourly (hour_start, human_opens, human_clicks, machine_opens, machine_clicks) and\n"
        "links (link_no, url, human_clicks, unique_human_clickers, machine_clicks).\n\n"
        "Exit status: 0 done, 1 failed (the reason on standard error), 2 usage error."));
    parser.addPositionalArgument(QStringLiteral("what"), tr("campaign ID"));
    const QCommandLineOption profile = CommandArguments::profileOption();
    const QCommandLineOption json(QStringLiteral("json"), tr("Print JSON instead of text."));
    parser.addOptions({profile, json});
    if (const int done = CommandArguments::parse(parser, arguments); done != CommandArguments::Continue)
        return done;
    const QStringList positional = parser.positionalArguments();
    const qint64 campaignId = positional.size() == 2 ? CommandArguments::idValue(positional.at(1)) : 0;
    if (positional.value(0) != QLatin1String("campaign") || campaignId == 0)
        return Output::usageError(tr("Usage: herald report campaign ID [--json] [--profile NAME]"));
    const auto opened = ProfileOpener::openOrSay(parser.value(profile));
    if (!opened)
        return 1;
    const auto report = EngagementReport(*opened).campaign(campaignId);
    if (!report)
        return Output::failed(report.error().message);
    if (parser.isSet(json))
        Output::json(QJsonDocument(EngagementReportOutput::json(report.value())));
    else
        EngagementReportOutput::print(report.value());
    return 0;
}

} // namespace herald::cli
