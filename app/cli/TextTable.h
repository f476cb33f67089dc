#pragma once

#include <QList>
#include <QStringList>

namespace herald::cli {

// A table for a terminal: a header and rows, each column as wide as its longest cell, numeric columns aligned
// right, two spaces between columns.
class TextTable
{
public:
    TextTable(const QStringList& header, const QList<bool>& numeric);

    void add(const QStringList& row) { m_rows << row; }
    bool isEmpty() const { return m_rows.size() <= 1; }
    // Writes it to standard output.
    void print() const;

private:
    QList<QStringList> m_rows;
    QList<bool> m_numeric;
};

} // namespace herald::cli
