#pragma once

#include <QList>
#include <QStringList>

namespace herald {

// A nonprofit field a CSV column can fill.
enum class NonprofitField {
    Ignore,
    Name,
    Email,
    Ein,
    Street,
    City,
    Region,
    PostalCode,
    Country,
    Tags,
    Status,
    Consent
};

// Which CSV column fills which nonprofit field (at most one column per field). The default is guessed from the
// header names, the IRS extract's (EIN, NAME, STREET, CITY, STATE, ZIP) included; a mapping dialog edits it.
class ColumnMapping
{
public:
    ColumnMapping() = default;
    explicit ColumnMapping(QStringList header);
    static ColumnMapping guess(const QStringList& header);

    // Maps `column` to `field`; a column that held the field before is ignored from now on.
    void set(int column, NonprofitField field);
    NonprofitField fieldAt(int column) const;
    int columnOf(NonprofitField field) const;
    bool has(NonprofitField field) const { return columnOf(field) >= 0; }
    int columnCount() const { return int(m_header.size()); }
    const QStringList& header() const { return m_header; }
    bool isEmpty() const { return m_header.isEmpty(); }

    // Every field, in the order an export writes them.
    static QList<NonprofitField> allFields();
    // The column name an export writes and guess() reads back ("postal_code").
    static QString key(NonprofitField field);
    // The field's name for people ("Postal code").
    static QString label(NonprofitField field);

private:
    QStringList m_header;
    QList<NonprofitField> m_fields;
};

} // namespace herald
