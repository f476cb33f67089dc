#pragma once

#include "storage/NonprofitRepository.h"

#include <QAbstractTableModel>

namespace herald {

// The nonprofits table for views: rows arrive page by page (keyset pagination) as the view scrolls;
// sorting and filtering are done by the database, never over rows held here.
class NonprofitTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Email, Ein, City, Region, Country, Tags, Status, Updated, ColumnCount };
    static constexpr int IdRole = Qt::UserRole + 1;

    explicit NonprofitTableModel(Database& database, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    void setSearchText(const QString& text);
    QString searchText() const { return m_query.searchText; }
    // Narrows the rows to a saved segment's conditions (or the filter bar's), on top of the search text.
    void setSegment(const Audience& segment);
    // What the view shows, for an export of exactly these rows.
    const NonprofitQuery& query() const { return m_query; }
    void setPageSize(int rows) { m_pageSize = rows; }
    // Reads the first page again (after an edit, an import or a delete).
    void refresh();

    const Nonprofit& nonprofitAt(int row) const { return m_rows.at(row); }
    // Rows matching the filter in the whole table, not only those loaded.
    qint64 totalCount() const { return m_totalCount; }
    QString lastError() const { return m_lastError; }

signals:
    void totalCountChanged(qint64 count);
    void errorOccurred(const QString& message);

private:
    void reload();
    bool loadPage();
    static bool isSortable(int column);

    NonprofitRepository m_repository;
    NonprofitQuery m_query;
    NonprofitCursor m_cursor;
    QList<Nonprofit> m_rows;
    bool m_atEnd = false;
    bool m_changing = false;
    int m_pageSize = 256;
    qint64 m_totalCount = 0;
    QString m_lastError;
};

} // namespace herald
