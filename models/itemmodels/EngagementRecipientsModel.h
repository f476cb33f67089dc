#pragma once

#include "PagedTableModel.h"
#include "engagement/EngagementReport.h"

namespace herald {

// Who opened and who clicked what in one campaign (per-recipient tracking), for the Campaigns and Sending pages:
// in send order, read a page at a time as the view scrolls, searched and filtered by the database.
class EngagementRecipientsModel : public KeysetTableModel<EngagementRecipient, EngagementRecipientCursor>
{
    Q_OBJECT
public:
    enum Column { Name, Email, FirstOpened, FirstClicked, LinksClicked, MachinesOnly, ColumnCount };
    static constexpr int SendIdRole = Qt::UserRole + 1;

    explicit EngagementRecipientsModel(Database& database, QObject* parent = nullptr);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The campaign shown; 0 shows nothing.
    void setCampaign(qint64 campaignId);
    void setSearchText(const QString& text);
    void setHumansOnly(bool humansOnly);
    qint64 campaignId() const { return m_campaignId; }
    const EngagementRecipientFilter& filter() const { return m_filter; }

protected:
    Result<qint64> countRows() override;
    Result<EngagementRecipientPage> readPage(const EngagementRecipientCursor& after, int limit) override;

private:
    EngagementReport m_report;
    qint64 m_campaignId = 0;
    EngagementRecipientFilter m_filter;
};

} // namespace herald
