#pragma once

#include "ColumnMapping.h"

#include <QString>

namespace herald {

// Which unique key an import matches existing rows by.
enum class ImportKey { Email, Ein };

// How to read a nonprofits file: what the mapping dialog (or the command line) chose.
struct NonprofitImportOptions
{
    ColumnMapping mapping; // empty: guessed from the file's header
    ImportKey key = ImportKey::Email;
    QString emailDomainForEin; // set: a row without an email gets <EIN>@<domain> (sample data such as the IRS files)
    int batchSize = 5000; // rows committed together
    QString actor; // who imports, for the audit log
};

} // namespace herald
