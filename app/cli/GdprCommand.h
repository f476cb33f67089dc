#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace herald::cli {

// `herald gdpr export --email X FILE.json`: everything Herald holds about an address, as JSON.
// `herald gdpr erase --email X --yes`: erases it, keeping only an anonymised suppression. Exit 1 when there was
// nothing to export or the erasure failed, 2 on a usage mistake (erase without --yes).
class GdprCommand
{
    Q_DECLARE_TR_FUNCTIONS(herald::cli::GdprCommand)
public:
    static int run(const QStringList& arguments);
};

} // namespace herald::cli
