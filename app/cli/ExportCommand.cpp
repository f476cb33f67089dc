#include "ExportCommand.h"

#include "CommandArguments.h"
#include "Output.h"
#include "ProfileOpener.h"
#include "ProgressPrinter.h"
#include "engagement/EngagementExport.h"
#include "importexport/NonprofitExporter.h"
#include "importexport/SuppressionExporter.h"

#include <QCoreApplication>

#include <algorithm>

namespace herald::cli {

int ExportCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Exports nonprofits (all, or those a search finds) or the suppression list to CSV, or a campaign's raw "
           "opens and clicks:\n\n"
           "  nonprofits FILE.csv [--search TEXT] [--sort COLUMN] [--descending]\n"
           "  suppressions FILE.csv\n"
           "  engagement ID FILE.csv   columns time (ISO 8601, UTC), kind (open or click), link_url, verdict\n"
           "                           (human or machine), reason, agent_class, client_network and email (only\n"
           "                           for per-recipient tracking; anonymous events name nobody); raw events\n"
           "                           older than the retention period are no longer there\n\n"
           "Exit status: 0 done, 1 failed (the reason on standard error), 2 usage error."));
    parser.addPositionalArgument(QStringLiteral("what"), tr("nonprofits, suppressions or engagement ID"));
    parser.addPositionalArgument(QStringLiteral("file"), tr("The CSV file to write."));
    const QCommandLineOption profile = CommandArguments::profileOption();
    const QCommandLineOption search(
        QStringLiteral("search"), tr("Only nonprofits whose name, email, EIN or city contains it."), tr("text"));
    const QCommandLineOption sort(QStringLiteral("sort"),
        tr("name, email, ein, city, region, country, status or updated."), tr("column"), QStringLiteral("name"));
    const QCommandLineOption descending(QStringLiteral("descending"), tr("Sort from last to first."));
    parser.addOptions({ profile, search, sort, descending });
    if (const int done = CommandArguments::parse(parser, arguments); done != CommandArguments::Continue)
        return done;
    QStringList positional = parser.positionalArguments();
    const QString what = positional.value(0);
    const bool engagement = what == QLatin1String("engagement");
    const qint64 campaignId = engagement ? CommandArguments::idValue(positional.value(1)) : 0;
    if (engagement)
        positional.removeAt(1); // what FILE, as for the others
    const auto& columns = NonprofitQuery::sortColumnNames();
    const auto column = std::find_if(columns.begin(), columns.end(),
                                     [&](const auto& named) { return named.first == parser.value(sort).toLower(); });
    if (positional.size() != 2
        || (what != QLatin1String("nonprofits") && what != QLatin1String("suppressions") && !engagement)
        || column == columns.end() || (engagement && campaignId == 0)) {
        Output::error(tr("Usage: herald export nonprofits|suppressions FILE.csv [--profile NAME] [--search TEXT] "
                         "[--sort COLUMN] [--descending] | engagement ID FILE.csv [--profile NAME]"));
        return 2;
    }
    auto database = ProfileOpener::open(parser.value(profile));
    if (!database) {
        Output::error(database.error().message);
        return 1;
    }
    ProgressPrinter progress(tr("Exporting to %1").arg(positional.at(1)));
    Result<qint64> written = qint64(0);
    if (what == QLatin1String("nonprofits")) {
        NonprofitQuery query;
        query.searchText = parser.value(search);
        query.sortColumn = column->second;
        query.descending = parser.isSet(descending);
        written = NonprofitExporter(*database.value()).run(positional.at(1), query, progress.control());
    } else if (engagement) {
        written = EngagementExport(*database.value()).run(campaignId, positional.at(1), progress.control());
    } else {
        written = SuppressionExporter(*database.value()).run(positional.at(1), progress.control());
    }
    if (!written) {
        Output::error(written.error().message);
        return 1;
    }
    Output::line(tr("%1 rows written to %2.").arg(written.value()).arg(positional.at(1)));
    return 0;
}

} // namespace herald::cli
