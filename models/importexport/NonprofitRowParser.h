#pragma once

#include "CsvReader.h"
#include "ImportReport.h"
#include "NonprofitImportOptions.h"
#include "domain/Nonprofit.h"

#include <QCoreApplication>

namespace herald {

// A row of the file ready to be stored, with the line it came from.
struct ImportRow
{
    qint64 line = 0;
    Nonprofit nonprofit;
};

// Turns one CSV record into a nonprofit through the column mapping, or says why it cannot be stored
// (the record's bytes, its column count, then the fields as NonprofitValidator checks them).
class NonprofitRowParser
{
    Q_DECLARE_TR_FUNCTIONS(herald::NonprofitRowParser)
public:
    NonprofitRowParser(ColumnMapping mapping, NonprofitImportOptions options);

    // Whether the mapping can make rows at all: a name, an email (or an EIN to derive it from), the key.
    Status checkMapping() const;
    // True with `row` filled, or false with `rejected` filled.
    bool parse(const CsvRecord& record, ImportRow& row, RejectedRow& rejected) const;

private:
    QString value(const CsvRecord& record, NonprofitField field) const;

    ColumnMapping m_mapping;
    NonprofitImportOptions m_options;
    int m_columns[int(NonprofitField::Consent) + 1];
};

} // namespace herald
