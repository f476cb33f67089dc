#pragma once

#include "PagedTableModel.h"
#include "storage/NonprofitRepository.h"

namespace herald {

// The nonprofits table for views: rows arrive page by page (keyset pagination) as the view scrolls;
// sorting and filtering are done by the database, never over rows held here.
class NonprofitTableModel : public KeysetTableModel<Nonprofit, NonprofitCursor>
{
    Q_OBJECT
public:
    enum Column { Name, Email, Ein, City, Region, Country, Tags, Status, Updated, ColumnCount };
    static constexpr int IdRole = Qt::UserRole + 1;

    explicit NonprofitTableModel(Database& database, QObject* parent = nullptr);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    void setSearchText(const QString& text);
    QString searchText() const { return m_query.searchText; }
    // Narrows the rows to a saved segment's conditions (or the filter bar's), on top of the search text.
    void setSegment(const Audience& segment);
    // What the view shows, for an export of exactly these rows.
    const NonprofitQuery& query() const { return m_query; }

    const Nonprofit& nonprofitAt(int row) const { return rowAt(row); }

protected:
    Result<qint64> countRows() override;
    Result<NonprofitPage> readPage(const NonprofitCursor& after, int limit) override;

private:
    static bool isSortable(int column);

    NonprofitRepository m_repository;
    NonprofitQuery m_query;
};

} // namespace herald
