#include "ApprovalSettingsPanel.h"

#include "common/FormFeedback.h"
#include "storage/CampaignApprovalRepository.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace herald {

ApprovalSettingsPanel::ApprovalSettingsPanel(Database& database, QWidget* parent)
    : QWidget(parent)
    , m_database(database)
    , m_enabledCheck(new QCheckBox(tr("Campaigns to more than"), this))
    , m_thresholdSpin(new QSpinBox(this))
    , m_saveButton(new QPushButton(tr("Save appro&val setting"), this))
    , m_noteLabel(FormFeedback::createNoteLabel(QStringLiteral("approvalNote"), this))
    , m_errorLabel(FormFeedback::createErrorLabel(QStringLiteral("approvalSettingsError"), this))
    , m_statusLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("approvalSettingsPanel"));
    setStyleSheet(FormFeedback::styleSheet());
    auto* title = new QLabel(tr("<b>Approval of large sends</b>"), this);
    auto* intro = new QLabel(tr("A large campaign can wait for a second person: until a sender or administrator other "
                                "than its author approves it, the database refuses to queue or schedule it. Changing "
                                "its template, audience or sender afterwards withdraws the approval."),
                             this);
    intro->setWordWrap(true);
    m_enabledCheck->setObjectName(QStringLiteral("approvalEnabledCheck"));
    m_thresholdSpin->setObjectName(QStringLiteral("approvalThresholdSpin"));
    m_thresholdSpin->setRange(0, 10000000);
    m_thresholdSpin->setGroupSeparatorShown(true);
    m_thresholdSpin->setValue(1000);
    m_thresholdSpin->setMinimumWidth(120);
    auto* after = new QLabel(tr("recipients need approval"), this);
    connect(m_enabledCheck, &QCheckBox::toggled, this, &ApprovalSettingsPanel::updateControls);
    m_saveButton->setObjectName(QStringLiteral("saveApprovalButton"));
    connect(m_saveButton, &QPushButton::clicked, this, &ApprovalSettingsPanel::save);
    m_statusLabel->setObjectName(QStringLiteral("approvalSettingsStatus"));
    m_statusLabel->setWordWrap(true);

    auto* row = new QHBoxLayout;
    row->addWidget(m_enabledCheck);
    row->addWidget(m_thresholdSpin);
    row->addWidget(after);
    row->addStretch(1);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_saveButton);
    buttons->addWidget(m_statusLabel, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 12, 0, 0);
    layout->addWidget(title);
    layout->addWidget(intro);
    layout->addLayout(row);
    layout->addWidget(m_noteLabel);
    layout->addWidget(m_errorLabel);
    layout->addLayout(buttons);
    layout->addStretch(1);
    reload();
}

void ApprovalSettingsPanel::reload()
{
    CampaignApprovalRepository approvals(m_database);
    m_mayChange = false;
    if (!approvals.applies()) {
        m_enabledCheck->setChecked(false);
        m_noteLabel->setText(tr("Approval does not apply to a database on this computer: one person has every right. "
                                "It applies on a team server, where each person logs in as themselves."));
        updateControls();
        return;
    }
    const auto threshold = approvals.threshold();
    const auto mayChange = approvals.mayChangeThreshold();
    if (!threshold || !mayChange) {
        FormFeedback::showError(m_errorLabel, threshold ? mayChange.error().message : threshold.error().message);
        updateControls();
        return;
    }
    m_mayChange = mayChange.value();
    m_enabledCheck->setChecked(threshold->has_value());
    if (threshold->has_value())
        m_thresholdSpin->setValue(**threshold);
    m_noteLabel->setText(m_mayChange ? tr("Kept in the database: it applies to everyone using it.")
                                     : tr("Only an administrator may change this setting."));
    updateControls();
}

void ApprovalSettingsPanel::updateControls()
{
    m_enabledCheck->setEnabled(m_mayChange);
    m_thresholdSpin->setEnabled(m_mayChange && m_enabledCheck->isChecked());
    m_saveButton->setEnabled(m_mayChange);
    m_saveButton->setToolTip(m_mayChange ? QString() : m_noteLabel->text());
}

bool ApprovalSettingsPanel::save()
{
    m_statusLabel->clear();
    FormFeedback::clearError(m_errorLabel);
    const std::optional<int> threshold = m_enabledCheck->isChecked() ? std::optional<int>(m_thresholdSpin->value())
                                                                     : std::nullopt;
    if (const Status saved = CampaignApprovalRepository(m_database).setThreshold(threshold); !saved) {
        FormFeedback::showError(m_errorLabel, saved.error().message);
        return false;
    }
    m_statusLabel->setText(threshold ? tr("Saved. Campaigns to more than %1 recipients now need approval.")
                                           .arg(QLocale().toString(*threshold))
                                     : tr("Saved. Campaigns are queued without approval."));
    return true;
}

} // namespace herald
