#include "ImportCommand.h"

#include "CommandArguments.h"
#include "Output.h"
#include "ProfileOpener.h"
#include "ProgressPrinter.h"
#include "importexport/NonprofitImporter.h"
#include "importexport/SuppressionImporter.h"

#include <QCoreApplication>

namespace herald::cli {

namespace {
QString tr(const char* text) { return QCoreApplication::translate("herald::cli", text); }

constexpr int RejectedRowsShown = 10;

void printReport(const ImportReport& report)
{
    Output::line(report.summary());
    for (qsizetype i = 0; i < report.rejected.size() && i < RejectedRowsShown; ++i) {
        const RejectedRow& row = report.rejected.at(i);
        Output::line(tr("  line %1: %2").arg(row.line).arg(row.shownMessage()));
    }
    if (report.rejected.size() > RejectedRowsShown)
        Output::line(tr("  … and %1 more rejected rows (--report FILE lists them all).")
                         .arg(report.rejected.size() - RejectedRowsShown));
}
} // namespace

int ImportCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Imports nonprofits or a suppression list from a CSV file (UTF-8, ',' or ';')."));
    parser.addPositionalArgument(QStringLiteral("what"), tr("nonprofits or suppressions"));
    parser.addPositionalArgument(QStringLiteral("file"), tr("The CSV file; its first line names the columns."));
    const QCommandLineOption profile = CommandArguments::profileOption();
    const QCommandLineOption key(QStringLiteral("key"), tr("Match existing nonprofits by email (default) or ein."),
        QStringLiteral("email|ein"), QStringLiteral("email"));
    const QCommandLineOption report(
        QStringLiteral("report"), tr("Write every rejected row to this CSV file."), tr("file"));
    const QCommandLineOption emailFromEin(QStringLiteral("email-from-ein"),
        tr("Give rows without an email the address <EIN>@DOMAIN (sample data)."), tr("domain"));
    const QCommandLineOption batchSize(QStringLiteral("batch-size"), tr("Rows committed together (default 5000)."),
        tr("rows"), QStringLiteral("5000"));
    parser.addOptions({ profile, key, report, emailFromEin, batchSize });
    if (const int done = CommandArguments::parse(parser, arguments); done != CommandArguments::Continue)
        return done;
    const QStringList positional = parser.positionalArguments();
    const QString what = positional.value(0);
    const QString keyName = parser.value(key).toLower();
    bool sizeOk = false;
    const int rows = parser.value(batchSize).toInt(&sizeOk);
    if (positional.size() != 2 || (what != QLatin1String("nonprofits") && what != QLatin1String("suppressions"))
        || (keyName != QLatin1String("email") && keyName != QLatin1String("ein")) || !sizeOk || rows < 1) {
        Output::error(tr("Usage: herald import nonprofits|suppressions FILE.csv [--profile NAME] [--key email|ein] "
                         "[--report FILE]"));
        return 2;
    }
    auto database = ProfileOpener::open(parser.value(profile));
    if (!database) {
        Output::error(database.error().message);
        return 1;
    }
    ProgressPrinter progress(tr("Importing %1").arg(positional.at(1)));
    ImportReport result;
    if (what == QLatin1String("nonprofits")) {
        NonprofitImportOptions options;
        options.key = keyName == QLatin1String("ein") ? ImportKey::Ein : ImportKey::Email;
        options.emailDomainForEin = parser.value(emailFromEin);
        options.batchSize = rows;
        options.actor = CommandArguments::actor();
        result = NonprofitImporter(*database.value()).run(positional.at(1), options, progress.control());
    } else {
        result = SuppressionImporter(*database.value())
                     .run(positional.at(1), progress.control(), rows, CommandArguments::actor());
    }
    printReport(result);
    if (parser.isSet(report)) {
        if (auto written = result.writeRejectedCsv(parser.value(report)); !written) {
            Output::error(written.error().message);
            return 1;
        }
    }
    return result.failure ? 1 : 0;
}

} // namespace herald::cli
