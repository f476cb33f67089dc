#include "ExportCommand.h"

#include "CommandArguments.h"
#include "Output.h"
#include "ProfileOpener.h"
#include "ProgressPrinter.h"
#include "importexport/NonprofitExporter.h"
#include "importexport/SuppressionExporter.h"

#include <QCoreApplication>

#include <algorithm>

namespace herald::cli {

int ExportCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Exports nonprofits (all, or those a search finds) or the suppression list to CSV."));
    parser.addPositionalArgument(QStringLiteral("what"), tr("nonprofits or suppressions"));
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
    const QStringList positional = parser.positionalArguments();
    const QString what = positional.value(0);
    const auto& columns = NonprofitQuery::sortColumnNames();
    const auto column = std::find_if(columns.begin(), columns.end(),
                                     [&](const auto& named) { return named.first == parser.value(sort).toLower(); });
    if (positional.size() != 2 || (what != QLatin1String("nonprofits") && what != QLatin1String("suppressions"))
        || column == columns.end()) {
        Output::error(tr("Usage: herald export nonprofits|suppressions FILE.csv [--profile NAME] [--search TEXT] "
                         "[--sort COLUMN] [--descending]"));
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
