#include "NonprofitTableModel.h"

#include <QLocale>

namespace herald {

NonprofitTableModel::NonprofitTableModel(Database& database, QObject* parent)
    : KeysetTableModel(parent), m_repository(database)
{
    reload();
}

int NonprofitTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant NonprofitTableModel::data(const QModelIndex& index, int role) const
{
    const Nonprofit* nonprofit = rowOf(index);
    if (!nonprofit)
        return {};
    const Nonprofit& row = *nonprofit;
    if (role == IdRole)
        return row.id;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Name:
        return row.name;
    case Email:
        return row.email;
    case Ein:
        return row.ein;
    case City:
        return row.city;
    case Region:
        return row.region;
    case Country:
        return row.country;
    case Tags:
        return row.tags.join(QStringLiteral(", "));
    case Status:
        return toString(row.status);
    case Updated:
        return QLocale().toString(row.updatedAt.toLocalTime(), QLocale::ShortFormat);
    }
    return {};
}

QVariant NonprofitTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Name");
    case Email:
        return tr("Email");
    case Ein:
        return tr("EIN");
    case City:
        return tr("City");
    case Region:
        return tr("State/Region");
    case Country:
        return tr("Country");
    case Tags:
        return tr("Tags");
    case Status:
        return tr("Status");
    case Updated:
        return tr("Updated");
    }
    return {};
}

bool NonprofitTableModel::isSortable(int column) { return column >= 0 && column < ColumnCount && column != Tags; }

void NonprofitTableModel::sort(int column, Qt::SortOrder order)
{
    if (!isSortable(column))
        return;
    static const NonprofitQuery::SortColumn bySection[] = {
        NonprofitQuery::SortColumn::Name,   NonprofitQuery::SortColumn::Email,   NonprofitQuery::SortColumn::Ein,
        NonprofitQuery::SortColumn::City,   NonprofitQuery::SortColumn::Region,  NonprofitQuery::SortColumn::Country,
        NonprofitQuery::SortColumn::Name, // tags: not sortable
        NonprofitQuery::SortColumn::Status, NonprofitQuery::SortColumn::Updated,
    };
    m_query.sortColumn = bySection[column];
    m_query.descending = order == Qt::DescendingOrder;
    reload();
}

void NonprofitTableModel::setSearchText(const QString& text)
{
    if (text == m_query.searchText)
        return;
    m_query.searchText = text;
    reload();
}

void NonprofitTableModel::setSegment(const Audience& segment)
{
    if (segment == m_query.segment)
        return;
    m_query.segment = segment;
    reload();
}

Result<qint64> NonprofitTableModel::countRows() { return m_repository.count(m_query); }

Result<NonprofitPage> NonprofitTableModel::readPage(const NonprofitCursor& after, int limit)
{
    return m_repository.page(m_query, after, limit);
}

} // namespace herald
