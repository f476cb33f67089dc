#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace herald::cli {

// `herald export nonprofits FILE.csv [--profile NAME] [--search TEXT] [--sort COLUMN] [--descending]` and
// `herald export suppressions FILE.csv`: the file NonprofitImporter / SuppressionImporter read back; and
// `herald export engagement ID FILE.csv`: a campaign's raw opens and clicks (EngagementExport). Progress on standard
// error, the row count on standard output.
class ExportCommand
{
    Q_DECLARE_TR_FUNCTIONS(herald::cli::ExportCommand)
public:
    static int run(const QStringList& arguments);
};

} // namespace herald::cli
