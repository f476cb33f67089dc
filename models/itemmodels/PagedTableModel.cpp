#include "PagedTableModel.h"

namespace herald {

bool PagedTableModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_atEnd && !m_changing;
}

void PagedTableModel::fetchMore(const QModelIndex& parent)
{
    if (canFetchMore(parent))
        loadPage();
}

void PagedTableModel::reload()
{
    // Views (and QAbstractItemModelTester) may ask for more rows while handling a change signal;
    // answering then would nest one change in another.
    m_changing = true;
    beginResetModel();
    clearRows();
    m_atEnd = false;
    m_lastError.clear();
    endResetModel();
    m_changing = false;

    const auto count = countRows();
    if (count) {
        m_totalCount = count.value();
        emit totalCountChanged(m_totalCount);
    }
    loadPage();
}

void PagedTableModel::loadPage()
{
    const Result<bool> atEnd = readNextPage(m_pageSize);
    if (!atEnd) {
        m_atEnd = true; // stop asking until refresh(); the view shows the error
        m_lastError = atEnd.error().message;
        emit errorOccurred(m_lastError);
        return;
    }
    m_atEnd = atEnd.value();
}

void PagedTableModel::appendRows(int count, const std::function<void()>& append)
{
    if (count <= 0)
        return;
    const int first = rowCount();
    m_changing = true;
    beginInsertRows({}, first, first + count - 1);
    append();
    endInsertRows();
    m_changing = false;
}

} // namespace herald
