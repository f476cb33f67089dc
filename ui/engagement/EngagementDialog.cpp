#include "EngagementDialog.h"

#include "EngagementView.h"

#include <QDialogButtonBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace herald {

EngagementDialog::EngagementDialog(Database& database, qint64 campaignId, qint64 delivered, QWidget* parent)
    : QDialog(parent)
    , m_view(new EngagementView(database, campaignId, delivered, this))
{
    setObjectName(QStringLiteral("engagementDialog%1").arg(campaignId));
    setWindowTitle(tr("Engagement"));
    setSizeGripEnabled(true);
    resize(1100, 700);
    connect(m_view, &EngagementView::reportShown, this,
            [this](const QString& name) { setWindowTitle(tr("Engagement — %1").arg(name)); });
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setAutoDefault(false); // Return belongs to the view's fields
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);
}

EngagementDialog* EngagementDialog::showFor(Database& database, qint64 campaignId, qint64 delivered, QWidget* parent)
{
    auto* dialog = parent->findChild<EngagementDialog*>(QStringLiteral("engagementDialog%1").arg(campaignId),
                                                        Qt::FindDirectChildrenOnly);
    if (!dialog) {
        dialog = new EngagementDialog(database, campaignId, delivered, parent);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
    return dialog;
}

} // namespace herald
