#pragma once

#include "ImportReport.h"
#include "JobControl.h"
#include "storage/Database.h"

#include <QCoreApplication>

namespace herald {

// Imports a suppression list (CSV with the columns email, reason, date and optionally source, as
// SuppressionExporter writes it): streams the file and adds its addresses in batches committed whole; addresses
// already suppressed keep their first entry and count as skipped. Erased addresses (AnonymisedEmail hashes) are
// taken as they are, so a list moves between databases without bringing erased addresses back.
class SuppressionImporter
{
    Q_DECLARE_TR_FUNCTIONS(herald::SuppressionImporter)
public:
    static constexpr int DefaultBatchSize = 5000;

    explicit SuppressionImporter(Database& database);

    ImportReport run(const QString& path, const JobControl& control = {}, int batchSize = DefaultBatchSize,
        const QString& actor = {});

private:
    Database& m_database;
};

} // namespace herald
