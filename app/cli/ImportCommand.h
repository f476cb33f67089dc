#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace herald::cli {

// `herald import nonprofits FILE.csv [--profile NAME] [--key email|ein] [--report FILE]` and
// `herald import suppressions FILE.csv`: progress on standard error, the report (added, updated, skipped,
// rejected and the first rejected rows) on standard output. Exit 0 when the import ran, rejected rows or not;
// 1 when it could not run or stopped; 2 on a usage mistake.
class ImportCommand
{
    Q_DECLARE_TR_FUNCTIONS(herald::cli::ImportCommand)
public:
    static int run(const QStringList& arguments);
};

} // namespace herald::cli
