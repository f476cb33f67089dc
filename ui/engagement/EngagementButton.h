#pragma once

#include <QPushButton>

namespace herald {

// The way into a campaign's engagement from a page that lists campaigns: an "Engagement…" button, enabled while the
// campaign shown or selected has delivered anything, that asks for the report with the delivered count the page
// holds. The page opens it (EngagementDialog::showFor): this button knows no database.
class EngagementButton : public QPushButton
{
    Q_OBJECT
public:
    explicit EngagementButton(QWidget* parent = nullptr);

    // The campaign the button opens (0: none) and its delivered count.
    void setCampaign(qint64 campaignId, qint64 delivered);
    // Also opens it with Ctrl+E while `scope` (a list of campaigns) has the focus.
    void addShortcutTo(QWidget* scope);

signals:
    void engagementRequested(qint64 campaignId, qint64 delivered);

private:
    void request();

    qint64 m_campaignId = 0;
    qint64 m_delivered = 0;
};

} // namespace herald
