#pragma once

#include "PagedTableModel.h"
#include "storage/SuppressionRepository.h"

namespace herald {

// The suppression list for views: newest first, read a page at a time as the view scrolls, filtered by the
// database (search text and reason), never loaded whole. An erased address (an AnonymisedEmail hash) reads
// "Erased address (anonymised)" with the hash in its tooltip.
class SuppressionTableModel : public KeysetTableModel<Suppression, SuppressionCursor>
{
    Q_OBJECT
public:
    enum Column { Address, Reason, Source, Added, ColumnCount };
    // The address (or hash) as stored, in every column: what Remove passes to the repository.
    static constexpr int EmailRole = Qt::UserRole + 1;

    explicit SuppressionTableModel(Database& database, QObject* parent = nullptr);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setSearchText(const QString& text);
    // Only entries with this reason; none for every reason.
    void setReason(std::optional<SuppressionReason> reason);
    // What the view shows, for an export of exactly these entries.
    const SuppressionFilter& filter() const { return m_filter; }

    const Suppression& suppressionAt(int row) const { return rowAt(row); }
    // What the Address column shows for an erased entry.
    static QString erasedText();

protected:
    Result<qint64> countRows() override;
    Result<SuppressionPage> readPage(const SuppressionCursor& after, int limit) override;

private:
    void setFilter(const SuppressionFilter& filter);

    SuppressionRepository m_repository;
    SuppressionFilter m_filter;
};

} // namespace herald
