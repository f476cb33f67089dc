#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QTableView;

namespace herald {

class Database;
class EngagementRecipientsModel;
class SearchField;

// Who opened and who clicked what in a campaign tracked per recipient: the recipients a page at a time as the list
// scrolls (EngagementRecipientsModel, read like every long list of the window), searched by name, address or city,
// and "People only" to leave out those only machines opened or clicked.
class EngagementRecipientsTab : public QWidget
{
    Q_OBJECT
public:
    explicit EngagementRecipientsTab(Database& database, QWidget* parent = nullptr);

    EngagementRecipientsModel* model() const { return m_model; }
    void setCampaign(qint64 campaignId);
    // Reads the list again (Refresh), keeping the search and the filter.
    void refresh();

private:
    void showCount(qint64 count);

    EngagementRecipientsModel* m_model;
    SearchField* m_searchEdit;
    QCheckBox* m_peopleOnly;
    QLabel* m_countLabel;
    QLabel* m_errorLabel;
    QTableView* m_view;
};

} // namespace herald
