#include "EngagementSettingsPanel.h"

#include "common/FormFeedback.h"
#include "storage/AppSettingsRepository.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace herald {

EngagementSettingsPanel::EngagementSettingsPanel(Database& database, QWidget* parent)
    : QWidget(parent)
    , m_database(database)
    , m_form(new QFormLayout)
    , m_publicBaseUrlEdit(new QLineEdit(this))
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
    m_saveButton->setObjectName(QStringLiteral("saveEngagementButton"));
    m_statusLabel->setObjectName(QStringLiteral("engagementSettingsStatus"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextFormat(Qt::PlainText);
    connect(m_saveButton, &QPushButton::clicked, this, &EngagementSettingsPanel::save);

    m_form->addRow(tr("Pu&blic address of herald serve:"), m_publicBaseUrlEdit);
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
        showError(stored.error().message);
        return;
    }
    m_publicBaseUrlEdit->setText(stored.value());
}

bool EngagementSettingsPanel::save()
{
    m_statusLabel->clear();
    AppSettingsRepository settings(m_database);
    if (const Status saved = settings.setPublicBaseUrl(m_publicBaseUrlEdit->text()); !saved) {
        showError(saved.error().message);
        m_publicBaseUrlEdit->setFocus();
        return false;
    }
    FormFeedback::clearError(m_errorLabel);
    FormFeedback::markInvalid(m_publicBaseUrlEdit, false);
    reload(); // the stored form: trimmed, without a trailing slash
    m_statusLabel->setText(m_publicBaseUrlEdit->text().isEmpty()
                               ? tr("Saved. Campaigns queued from now on are sent without tracking.")
                               : tr("Saved. Campaigns queued from now on are tracked through %1.")
                                     .arg(m_publicBaseUrlEdit->text()));
    return true;
}

void EngagementSettingsPanel::showError(const QString& message)
{
    FormFeedback::showError(m_errorLabel, message);
    FormFeedback::markInvalid(m_publicBaseUrlEdit, true);
}

} // namespace herald
