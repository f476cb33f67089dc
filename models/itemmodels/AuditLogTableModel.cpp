#include "AuditLogTableModel.h"

#include <QLocale>

namespace herald {

AuditLogTableModel::AuditLogTableModel(Database& database, QObject* parent)
    : KeysetTableModel(parent)
    , m_repository(database)
{
    reload();
}

int AuditLogTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant AuditLogTableModel::data(const QModelIndex& index, int role) const
{
    const AuditEntry* row = rowOf(index);
    if (!row || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    const bool tooltip = role == Qt::ToolTipRole;
    switch (index.column()) {
    case When:
        return QLocale().toString(row->at.toLocalTime(), tooltip ? QLocale::LongFormat : QLocale::ShortFormat);
    case Actor:
        return row->actor;
    case Action:
        return row->action;
    case Entity:
        return row->entityId.isEmpty() ? row->entity : QStringLiteral("%1 %2").arg(row->entity, row->entityId);
    case Detail:
        return row->detail;
    }
    return {};
}

QVariant AuditLogTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case When:
        return tr("When");
    case Actor:
        return tr("Who");
    case Action:
        return tr("Action");
    case Entity:
        return tr("On");
    case Detail:
        return tr("Details");
    }
    return {};
}

void AuditLogTableModel::setSearchText(const QString& text)
{
    if (text == m_search)
        return;
    m_search = text;
    reload();
}

Result<qint64> AuditLogTableModel::countRows() { return m_repository.count(m_search); }

Result<AuditPage> AuditLogTableModel::readPage(const qint64& afterId, int limit)
{
    return m_repository.page(m_search, afterId, limit);
}

} // namespace herald
