#include "AlertSettingsPanel.h"

#include "common/FormFeedback.h"
#include "common/RoleGate.h"
#include "metrics/AlertSettings.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace herald {

AlertSettingsPanel::AlertSettingsPanel(Database& database, QWidget* parent)
    : QWidget(parent), m_database(database), m_failureRate(new QDoubleSpinBox(this)), m_failureWindow(new QSpinBox(this)),
      m_minimumFinished(new QSpinBox(this)), m_queueStall(new QSpinBox(this)),
      m_circuitOpen(new QCheckBox(tr("Alert while a provider's &circuit is open (it keeps failing)"), this)),
      m_saveButton(new QPushButton(tr("Save &alert settings"), this)), m_statusLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("alertSettingsPanel"));
    auto* title = new QLabel(tr("<b>Alerts</b>"), this);
    auto* intro = new QLabel(tr("When to show a banner and a desktop notification about sending. These settings are kept in the "
                                "database and apply to everyone using it."),
                             this);
    intro->setWordWrap(true);

    m_failureRate->setObjectName(QStringLiteral("alertFailureRate"));
    m_failureRate->setRange(0.1, 99.9);
    m_failureRate->setDecimals(1);
    m_failureRate->setSingleStep(0.5);
    m_failureRate->setSuffix(tr(" %"));
    m_failureWindow->setObjectName(QStringLiteral("alertFailureWindow"));
    m_failureWindow->setRange(1, 360);
    m_failureWindow->setSuffix(tr(" min"));
    m_minimumFinished->setObjectName(QStringLiteral("alertMinimumFinished"));
    m_minimumFinished->setRange(0, 100000);
    m_minimumFinished->setSuffix(tr(" finished messages"));
    m_queueStall->setObjectName(QStringLiteral("alertQueueStall"));
    m_queueStall->setRange(0, 360);
    m_queueStall->setSuffix(tr(" min"));
    m_queueStall->setSpecialValueText(tr("Off"));
    m_circuitOpen->setObjectName(QStringLiteral("alertCircuitOpen"));
    m_saveButton->setObjectName(QStringLiteral("saveAlertsButton"));
    m_statusLabel->setObjectName(QStringLiteral("alertSettingsStatus"));
    m_statusLabel->setWordWrap(true);
    connect(m_saveButton, &QPushButton::clicked, this, &AlertSettingsPanel::save);
    RoleGate::require(SessionRole::Right::Administer, { m_saveButton });

    for (QAbstractSpinBox* box : std::initializer_list<QAbstractSpinBox*>{m_failureRate, m_failureWindow, m_minimumFinished, m_queueStall})
        box->setMinimumWidth(150);
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    form->addRow(tr("Failure rate &above:"), m_failureRate);
    form->addRow(tr("&Over the last:"), m_failureWindow);
    form->addRow(tr("With at &least:"), m_minimumFinished);
    form->addRow(tr("&Queue not draining for:"), m_queueStall);
    form->addRow(QString(), m_circuitOpen);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_saveButton);
    buttons->addWidget(m_statusLabel, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 12, 0, 0);
    layout->addWidget(title);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addLayout(buttons);
    reload();
}

AlertThresholds AlertSettingsPanel::thresholds() const
{
    AlertThresholds thresholds;
    thresholds.failureRatePercent = m_failureRate->value();
    thresholds.failureWindowMinutes = m_failureWindow->value();
    thresholds.minimumFinished = m_minimumFinished->value();
    thresholds.queueStallMinutes = m_queueStall->value();
    thresholds.circuitOpen = m_circuitOpen->isChecked();
    return thresholds;
}

void AlertSettingsPanel::showThresholds(const AlertThresholds& thresholds)
{
    m_failureRate->setValue(thresholds.failureRatePercent);
    m_failureWindow->setValue(thresholds.failureWindowMinutes);
    m_minimumFinished->setValue(thresholds.minimumFinished);
    m_queueStall->setValue(thresholds.queueStallMinutes);
    m_circuitOpen->setChecked(thresholds.circuitOpen);
}

void AlertSettingsPanel::reload()
{
    auto stored = AlertSettings(m_database).load();
    if (!stored) {
        FormFeedback::showError(m_statusLabel, stored.error().message);
        showThresholds(AlertThresholds());
        return;
    }
    showThresholds(stored.value());
}

void AlertSettingsPanel::save()
{
    const AlertThresholds chosen = thresholds();
    if (auto saved = AlertSettings(m_database).save(chosen); !saved) {
        m_statusLabel->setStyleSheet(QStringLiteral("QLabel { color: #b3261e; }"));
        FormFeedback::showError(m_statusLabel, saved.error().message);
        return;
    }
    m_statusLabel->setStyleSheet(QString());
    m_statusLabel->setText(tr("Saved. Every Herald using this database alerts with these settings."));
    m_statusLabel->show();
    emit thresholdsSaved(chosen);
}

} // namespace herald
