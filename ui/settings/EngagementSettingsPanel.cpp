#include "EngagementSettingsPanel.h"

#include "common/FormFeedback.h"
#include "common/RoleGate.h"
#include "engagement/EngagementRetention.h"
#include "storage/AppSettingsRepository.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace herald {

EngagementSettingsPanel::EngagementSettingsPanel(Database& database, QWidget* parent)
    : QWidget(parent)
    , m_database(database)
    , m_form(new QFormLayout)
    , m_publicBaseUrlEdit(new QLineEdit(this))
    , m_retentionSpin(new QSpinBox(this))
    , m_errorLabel(FormFeedback::createErrorLabel(QStringLiteral("publicBaseUrlError"), this))
    , m_saveButton(new QPushButton(tr("Save engagemen&t settings"), this))
    , m_statusLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("engagementSettingsPanel"));
    setStyleSheet(FormFeedback::styleSheet());
    auto* title = new QLabel(tr("<b>Engagement</b>"), this);
    auto* intro = new QLabel(tr("Tracked campaigns count opens and clicks through herald serve: the open pixel, the "
                                "click redirects and the link to view a message in the browser point at this "
                                "address. TLS ends at your organisation's web server, which forwards these requests "
                                "to herald serve --listen. Without an address, campaigns are sent without tracking. "
                                "Kept in the database: it applies to everyone using it."),
                             this);
    intro->setObjectName(QStringLiteral("engagementIntro"));
    intro->setWordWrap(true);

    m_publicBaseUrlEdit->setObjectName(QStringLiteral("publicBaseUrlEdit"));
    m_publicBaseUrlEdit->setPlaceholderText(QStringLiteral("https://mail.example.org/herald"));
    m_publicBaseUrlEdit->setClearButtonEnabled(true);
    connect(m_publicBaseUrlEdit, &QLineEdit::returnPressed, this, &EngagementSettingsPanel::save);
    auto* consentRule = new QLabel(tr("Per-recipient tracking: only for nonprofits whose consent is “Consent "
                                      "given” (Nonprofits → Edit); the others are counted anonymously, per "
                                      "campaign and link."),
                                   this);
    consentRule->setObjectName(QStringLiteral("trackingConsentRuleLabel"));
    consentRule->setWordWrap(true);
    consentRule->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_retentionSpin->setObjectName(QStringLiteral("retentionMonthsSpin"));
    m_retentionSpin->setRange(1, EngagementRetention::MaximumMonths);
    m_retentionSpin->setMinimumWidth(150);
    connect(m_retentionSpin, &QSpinBox::valueChanged, this, &EngagementSettingsPanel::showRetentionSuffix);
    auto* retentionNote = FormFeedback::createNoteLabel(QStringLiteral("retentionNote"), this);
    retentionNote->setText(tr("herald serve deletes older raw events, with the network and kind of program each came "
                              "from. Reports (opens and clicks per campaign, link and hour) are kept regardless."));
    m_saveButton->setObjectName(QStringLiteral("saveEngagementButton"));
    m_statusLabel->setObjectName(QStringLiteral("engagementSettingsStatus"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextFormat(Qt::PlainText);
    connect(m_saveButton, &QPushButton::clicked, this, &EngagementSettingsPanel::save);
    RoleGate::require(SessionRole::Right::Administer, { m_saveButton });

    m_form->addRow(tr("Pu&blic address of herald serve:"), m_publicBaseUrlEdit);
    auto* retentionRow = new QHBoxLayout;
    retentionRow->addWidget(m_retentionSpin);
    retentionRow->addStretch(1);
    auto* retentionLabel = new QLabel(tr("Keep raw open and click &events for:"), this);
    retentionLabel->setBuddy(m_retentionSpin); // a row of a layout gets no buddy of its own
    m_form->addRow(retentionLabel, retentionRow);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_saveButton);
    buttons->addWidget(m_statusLabel, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 12, 0, 0);
    layout->addWidget(title);
    layout->addWidget(intro);
    layout->addLayout(m_form);
    // Under the form, not in it: QFormLayout gives a wrapped label the height of its narrow size hint.
    layout->addWidget(m_errorLabel);
    layout->addWidget(retentionNote);
    layout->addWidget(consentRule);
    layout->addLayout(buttons);
    // The page hands its sections spare height; here it goes below the buttons, not into the wrapped labels.
    layout->addStretch(1);
    reload();
}

void EngagementSettingsPanel::reload()
{
    const auto stored = AppSettingsRepository(m_database).publicBaseUrl();
    if (!stored) {
        showError(stored.error().message, m_publicBaseUrlEdit);
        return;
    }
    m_publicBaseUrlEdit->setText(stored.value());
    const auto months = EngagementRetention(m_database).months();
    if (!months) {
        showError(months.error().message, m_retentionSpin);
        return;
    }
    m_retentionSpin->setValue(months.value());
    showRetentionSuffix(months.value()); // valueChanged is not sent when the value stays
}

void EngagementSettingsPanel::showRetentionSuffix(int months)
{
    m_retentionSpin->setSuffix(tr(" month(s)", "after the number of months raw events are kept", months));
}

bool EngagementSettingsPanel::save()
{
    m_statusLabel->clear();
    FormFeedback::markInvalid(m_publicBaseUrlEdit, false);
    FormFeedback::markInvalid(m_retentionSpin, false);
    const int months = m_retentionSpin->value();
    if (const QString problem = EngagementRetention::problem(months); !problem.isEmpty()) {
        return refuse(problem, m_retentionSpin); // nothing stored: both are checked before either is saved
    }
    if (const Status saved = AppSettingsRepository(m_database).setPublicBaseUrl(m_publicBaseUrlEdit->text()); !saved) {
        return refuse(saved.error().message, m_publicBaseUrlEdit);
    }
    if (const Status saved = EngagementRetention(m_database).setMonths(months); !saved) {
        return refuse(saved.error().message, m_retentionSpin);
    }
    FormFeedback::clearError(m_errorLabel);
    reload(); // the stored form: trimmed, without a trailing slash
    const QString tracking = m_publicBaseUrlEdit->text().isEmpty()
        ? tr("Saved. Campaigns queued from now on are sent without tracking.")
        : tr("Saved. Campaigns queued from now on are tracked through %1.").arg(m_publicBaseUrlEdit->text());
    m_statusLabel->setText(tracking + QLatin1Char(' ')
                           + tr("Raw opens and clicks are kept %n month(s).", nullptr, m_retentionSpin->value()));
    return true;
}

void EngagementSettingsPanel::showError(const QString& message, QWidget* field)
{
    FormFeedback::showError(m_errorLabel, message);
    FormFeedback::markInvalid(field, true);
}

bool EngagementSettingsPanel::refuse(const QString& message, QWidget* field)
{
    showError(message, field);
    field->setFocus();
    return false;
}

} // namespace herald
