#pragma once

#include "domain/Error.h"
#include "storage/KeysetPage.h"

#include <QAbstractTableModel>

#include <functional>

namespace herald {

// What every table over a long list shares: rows arrive a page at a time as the view scrolls (canFetchMore and
// fetchMore), refresh() reads the first page again, and the count of all matching rows and any error are
// signalled. Filtering and sorting are the database's; subclasses say how to count and read a page.
class PagedTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    using QAbstractTableModel::QAbstractTableModel;

    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    void setPageSize(int rows) { m_pageSize = rows; }
    // Reads the first page again (after an edit, an import or a delete).
    void refresh() { reload(); }
    // Rows matching the filter in the whole table, not only those loaded.
    qint64 totalCount() const { return m_totalCount; }
    QString lastError() const { return m_lastError; }

signals:
    void totalCountChanged(qint64 count);
    void errorOccurred(const QString& message);

protected:
    // Forgets every row held and counts again: after the filter or the sort order changed.
    void reload();
    // Inserts `count` rows at the end; `append` adds them to the subclass's list.
    void appendRows(int count, const std::function<void()>& append);

    // Forgets the rows held and where the next page starts (called inside a model reset).
    virtual void clearRows() = 0;
    virtual Result<qint64> countRows() = 0;
    // Reads at most `limit` rows after those held and appends them; true when no rows are left after them.
    virtual Result<bool> readNextPage(int limit) = 0;

private:
    void loadPage();

    bool m_atEnd = false;
    bool m_changing = false;
    int m_pageSize = 256;
    qint64 m_totalCount = 0;
    QString m_lastError;
};

// A PagedTableModel whose pages come from a repository's keyset pagination (KeysetPage<Row, Cursor>).
template<typename Row, typename Cursor>
class KeysetTableModel : public PagedTableModel
{
public:
    using PagedTableModel::PagedTableModel;

    int rowCount(const QModelIndex& parent = {}) const override { return parent.isValid() ? 0 : int(m_rows.size()); }
    const Row& rowAt(int row) const { return m_rows.at(row); }

protected:
    // At most `limit` rows after `after`, in the order shown.
    virtual Result<KeysetPage<Row, Cursor>> readPage(const Cursor& after, int limit) = 0;
    // The row an index of this model points at, or nullptr.
    const Row* rowOf(const QModelIndex& index) const
    {
        return index.isValid() && index.row() < m_rows.size() ? &m_rows.at(index.row()) : nullptr;
    }

private:
    void clearRows() override
    {
        m_rows.clear();
        m_cursor = {};
    }
    Result<bool> readNextPage(int limit) override
    {
        auto page = readPage(m_cursor, limit);
        if (!page)
            return page.error();
        m_cursor = page->next;
        appendRows(int(page->rows.size()), [&] { m_rows.append(page->rows); });
        return page->atEnd;
    }

    QList<Row> m_rows;
    Cursor m_cursor {};
};

} // namespace herald
