#include "NonprofitTableModel.h"

#include <QLocale>

namespace herald {

NonprofitTableModel::NonprofitTableModel(Database& database, QObject* parent)
    : QAbstractTableModel(parent), m_repository(database)
{
    reload();
}

int NonprofitTableModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

int NonprofitTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant NonprofitTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Nonprofit& row = m_rows.at(index.row());
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

bool NonprofitTableModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_atEnd && !m_changing;
}

void NonprofitTableModel::fetchMore(const QModelIndex& parent)
{
    if (canFetchMore(parent))
        loadPage();
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

void NonprofitTableModel::refresh() { reload(); }

void NonprofitTableModel::reload()
{
    // Views (and QAbstractItemModelTester) may ask for more rows while handling a change signal;
    // answering then would nest one change in another.
    m_changing = true;
    beginResetModel();
    m_rows.clear();
    m_cursor = {};
    m_atEnd = false;
    m_lastError.clear();
    endResetModel();
    m_changing = false;

    const auto count = m_repository.count(m_query);
    if (count) {
        m_totalCount = count.value();
        emit totalCountChanged(m_totalCount);
    }
    loadPage();
}

bool NonprofitTableModel::loadPage()
{
    const auto page = m_repository.page(m_query, m_cursor, m_pageSize);
    if (!page) {
        m_atEnd = true; // stop asking until refresh(); the view shows the error
        m_lastError = page.error().message;
        emit errorOccurred(m_lastError);
        return false;
    }
    m_atEnd = page->atEnd;
    m_cursor = page->next;
    if (page->rows.isEmpty())
        return true;
    m_changing = true;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + page->rows.size() - 1));
    m_rows.append(page->rows);
    endInsertRows();
    m_changing = false;
    return true;
}

} // namespace herald
