#include "EngagementRecipientsModel.h"

#include <QLocale>

namespace herald {

EngagementRecipientsModel::EngagementRecipientsModel(Database& database, QObject* parent)
    : KeysetTableModel(parent)
    , m_report(database)
{
    reload();
}

int EngagementRecipientsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EngagementRecipientsModel::data(const QModelIndex& index, int role) const
{
    const EngagementRecipient* row = rowOf(index);
    if (!row)
        return {};
    if (role == SendIdRole)
        return row->sendId;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const auto time = [role](const QDateTime& at) {
        return at.isValid() ? QLocale().toString(at.toLocalTime(), role == Qt::ToolTipRole ? QLocale::LongFormat
                                                                                            : QLocale::ShortFormat)
                            : QString();
    };
    switch (index.column()) {
    case Name:
        return row->name;
    case Email:
        return row->email;
    case FirstOpened:
        return time(row->firstHumanOpen);
    case FirstClicked:
        return time(row->firstHumanClick);
    case LinksClicked: {
        QStringList numbers;
        for (const int link : row->linksClicked)
            numbers << QString::number(link);
        return numbers.join(QStringLiteral(", "));
    }
    case MachinesOnly:
        if (!row->machineOnly)
            return QString();
        return role == Qt::ToolTipRole ? tr("Only machines (mail scanners, image proxies) opened or clicked this message.")
                                       : tr("Machines only");
    }
    return {};
}

QVariant EngagementRecipientsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Nonprofit");
    case Email:
        return tr("Email");
    case FirstOpened:
        return tr("First opened");
    case FirstClicked:
        return tr("First clicked");
    case LinksClicked:
        return tr("Links clicked");
    case MachinesOnly:
        return tr("Machines");
    }
    return {};
}

void EngagementRecipientsModel::setCampaign(qint64 campaignId)
{
    if (campaignId == m_campaignId)
        return;
    m_campaignId = campaignId;
    reload();
}

void EngagementRecipientsModel::setSearchText(const QString& text)
{
    if (text == m_filter.searchText)
        return;
    m_filter.searchText = text;
    reload();
}

void EngagementRecipientsModel::setHumansOnly(bool humansOnly)
{
    if (humansOnly == m_filter.humansOnly)
        return;
    m_filter.humansOnly = humansOnly;
    reload();
}

Result<qint64> EngagementRecipientsModel::countRows()
{
    return m_campaignId ? m_report.recipientCount(m_campaignId, m_filter) : Result<qint64>(0);
}

Result<EngagementRecipientPage> EngagementRecipientsModel::readPage(const EngagementRecipientCursor& after, int limit)
{
    if (!m_campaignId)
        return EngagementRecipientPage{{}, after, true};
    return m_report.recipients(m_campaignId, m_filter, after, limit);
}

} // namespace herald
