#pragma once

#include <QDialog>

namespace herald {

class Database;
class EngagementView;

// A window of its own (not modal) with one campaign's EngagementView, opened from the Campaigns and Sending pages;
// one per campaign: opening it again brings the open one forward.
class EngagementDialog : public QDialog
{
    Q_OBJECT
public:
    EngagementDialog(Database& database, qint64 campaignId, qint64 delivered, QWidget* parent = nullptr);

    EngagementView* view() const { return m_view; }

    // Shows the campaign's dialog, a child of `parent` (made when there is none), and returns it. `delivered` as
    // EngagementView takes it.
    static EngagementDialog* showFor(Database& database, qint64 campaignId, qint64 delivered, QWidget* parent);

private:
    EngagementView* m_view;
};

} // namespace herald
