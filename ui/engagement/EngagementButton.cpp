#include "EngagementButton.h"

#include "common/ShortcutText.h"

#include <QAction>

namespace herald {

namespace {
const QKeySequence Shortcut(Qt::CTRL | Qt::Key_E);
} // namespace

EngagementButton::EngagementButton(QWidget* parent)
    : QPushButton(tr("En&gagement…"), parent)
{
    setObjectName(QStringLiteral("engagementButton"));
    setToolTip(tr("Opens and clicks of the campaign, people's and machines' apart"));
    setEnabled(false);
    connect(this, &QPushButton::clicked, this, &EngagementButton::request);
}

void EngagementButton::setCampaign(qint64 campaignId, qint64 delivered)
{
    m_campaignId = campaignId;
    m_delivered = delivered;
    setEnabled(campaignId != 0 && delivered > 0);
}

void EngagementButton::addShortcutTo(QWidget* scope)
{
    auto* action = new QAction(tr("Campaign Engagement…"), scope);
    action->setObjectName(QStringLiteral("engagementAction"));
    action->setShortcut(Shortcut);
    action->setShortcutContext(Qt::WidgetShortcut);
    connect(action, &QAction::triggered, this, &EngagementButton::request);
    scope->addAction(action);
    setToolTip(withShortcut(tr("Opens and clicks of the selected campaign, people's and machines' apart"), Shortcut));
}

void EngagementButton::request()
{
    if (isEnabled())
        emit engagementRequested(m_campaignId, m_delivered);
}

} // namespace herald
