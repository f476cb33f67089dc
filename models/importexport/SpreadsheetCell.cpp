#include "SpreadsheetCell.h"

namespace herald {

namespace {
bool isFormulaStart(QChar c)
{
    return c == QLatin1Char('=') || c == QLatin1Char('+') || c == QLatin1Char('-') || c == QLatin1Char('@')
        || c == QLatin1Char('\t') || c == QLatin1Char('\r');
}

// Quotes, then a formula character: "=x", "'=x", "''=x" … A cell Herald neutralised always looks like this, and
// a cell of this shape is always neutralised, so one quote more or less is never ambiguous.
bool startsLikeAFormula(const QString& cell, qsizetype from)
{
    qsizetype i = from;
    while (i < cell.size() && cell.at(i) == QLatin1Char('\''))
        ++i;
    return i < cell.size() && isFormulaStart(cell.at(i));
}
} // namespace

QString SpreadsheetCell::neutralised(const QString& cell)
{
    return startsLikeAFormula(cell, 0) ? QLatin1Char('\'') + cell : cell;
}

QString SpreadsheetCell::restored(const QString& cell)
{
    return cell.startsWith(QLatin1Char('\'')) && startsLikeAFormula(cell, 1) ? cell.mid(1) : cell;
}

} // namespace herald
