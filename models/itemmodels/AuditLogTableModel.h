#pragma once

#include "PagedTableModel.h"
#include "storage/AuditLogRepository.h"

namespace herald {

// The audit log for views: newest first, read a page at a time as the view scrolls, searched by the database
// (actor, action, entity, details), never loaded whole.
class AuditLogTableModel : public KeysetTableModel<AuditEntry, qint64>
{
    Q_OBJECT
public:
    enum Column { When, Actor, Action, Entity, Detail, ColumnCount };

    explicit AuditLogTableModel(Database& database, QObject* parent = nullptr);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setSearchText(const QString& text);
    // What the view shows, for an export of exactly these lines.
    const QString& searchText() const { return m_search; }

protected:
    Result<qint64> countRows() override;
    Result<AuditPage> readPage(const qint64& afterId, int limit) override;

private:
    AuditLogRepository m_repository;
    QString m_search;
};

} // namespace herald
