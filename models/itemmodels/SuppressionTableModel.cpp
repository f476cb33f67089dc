#include "SuppressionTableModel.h"

#include "domain/AnonymisedEmail.h"

#include <QFont>
#include <QLocale>

namespace herald {

SuppressionTableModel::SuppressionTableModel(Database& database, QObject* parent)
    : KeysetTableModel(parent)
    , m_repository(database)
{
    reload();
}

int SuppressionTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QString SuppressionTableModel::erasedText() { return tr("Erased address (anonymised)"); }

QVariant SuppressionTableModel::data(const QModelIndex& index, int role) const
{
    const Suppression* row = rowOf(index);
    if (!row)
        return {};
    if (role == EmailRole)
        return row->email;
    const bool erased = AnonymisedEmail::isAnonymised(row->email);
    if (role == Qt::FontRole && erased && index.column() == Address) {
        QFont font;
        font.setItalic(true);
        return font;
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const bool tooltip = role == Qt::ToolTipRole;
    switch (index.column()) {
    case Address:
        if (!erased)
            return row->email;
        return tooltip ? tr("Erased on request; kept as %1 so that the address is never mailed again.").arg(row->email)
                       : erasedText();
    case Reason:
        return label(row->reason);
    case Source:
        return row->source;
    case Added:
        return QLocale().toString(row->createdAt.toLocalTime(), tooltip ? QLocale::LongFormat : QLocale::ShortFormat);
    }
    return {};
}

QVariant SuppressionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Address:
        return tr("Address");
    case Reason:
        return tr("Reason");
    case Source:
        return tr("Source");
    case Added:
        return tr("Added");
    }
    return {};
}

void SuppressionTableModel::setSearchText(const QString& text)
{
    SuppressionFilter filter = m_filter;
    filter.searchText = text;
    setFilter(filter);
}

void SuppressionTableModel::setReason(std::optional<SuppressionReason> reason)
{
    SuppressionFilter filter = m_filter;
    filter.reason = reason;
    setFilter(filter);
}

void SuppressionTableModel::setFilter(const SuppressionFilter& filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    reload();
}

Result<qint64> SuppressionTableModel::countRows() { return m_repository.count(m_filter); }

Result<SuppressionPage> SuppressionTableModel::readPage(const SuppressionCursor& after, int limit)
{
    return m_repository.page(m_filter, after, limit);
}

} // namespace herald
