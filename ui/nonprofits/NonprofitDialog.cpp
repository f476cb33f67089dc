#include "NonprofitDialog.h"

#include "common/FormFeedback.h"
#include "domain/NonprofitValidator.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace herald {

NonprofitDialog::NonprofitDialog(Database& database, QWidget* parent)
    : NonprofitDialog(database, Nonprofit {}, parent)
{
}

NonprofitDialog::NonprofitDialog(Database& database, const Nonprofit& nonprofit, QWidget* parent)
    : QDialog(parent)
    , m_repository(database)
    , m_nonprofit(nonprofit)
{
    setObjectName(QStringLiteral("nonprofitDialog"));
    setWindowTitle(nonprofit.id == 0 ? tr("Add Nonprofit") : tr("Edit %1").arg(nonprofit.name));
    setStyleSheet(FormFeedback::styleSheet());
    buildForm();
    load(nonprofit);
}

QLineEdit* NonprofitDialog::addLineEdit(const QString& field, const QString& objectName, int maxLength)
{
    auto* edit = new QLineEdit(this);
    edit->setObjectName(objectName);
    edit->setMaxLength(maxLength);
    // Typing in a field the last error pointed at takes its red frame away.
    connect(edit, &QLineEdit::textEdited, this, [edit] { FormFeedback::markInvalid(edit, false); });
    m_fields.insert(field, edit);
    return edit;
}

void NonprofitDialog::buildForm()
{
    const int nameLength = NonprofitValidator::MaxNameLength;
    const int fieldLength = NonprofitValidator::MaxFieldLength;
    QLineEdit* name = addLineEdit(QStringLiteral("name"), QStringLiteral("nameEdit"), nameLength);
    QLineEdit* email = addLineEdit(QStringLiteral("email"), QStringLiteral("emailEdit"), 320);
    QLineEdit* ein = addLineEdit(QStringLiteral("ein"), QStringLiteral("einEdit"), 10);
    QLineEdit* street = addLineEdit(QStringLiteral("street"), QStringLiteral("streetEdit"), fieldLength);
    QLineEdit* city = addLineEdit(QStringLiteral("city"), QStringLiteral("cityEdit"), fieldLength);
    QLineEdit* region = addLineEdit(QStringLiteral("region"), QStringLiteral("regionEdit"), fieldLength);
    QLineEdit* postalCode = addLineEdit(QStringLiteral("postal_code"), QStringLiteral("postalCodeEdit"), fieldLength);
    QLineEdit* country = addLineEdit(QStringLiteral("country"), QStringLiteral("countryEdit"), fieldLength);
    QLineEdit* tags = addLineEdit(QStringLiteral("tags"), QStringLiteral("tagsEdit"), 2000);

    email->setPlaceholderText(tr("info@example.org"));
    ein->setPlaceholderText(tr("12-3456789"));
    tags->setPlaceholderText(tr("Comma-separated, e.g. 2026-gala, food"));
    country->setMaximumWidth(120);
    postalCode->setMaximumWidth(140);

    m_statusCombo = new QComboBox(this);
    m_statusCombo->setObjectName(QStringLiteral("statusCombo"));
    m_statusCombo->addItem(tr("Active"), int(NonprofitStatus::Active));
    m_statusCombo->addItem(tr("Unsubscribed"), int(NonprofitStatus::Unsubscribed));
    m_statusCombo->addItem(tr("Bounced"), int(NonprofitStatus::Bounced));
    m_statusCombo->addItem(tr("Complained"), int(NonprofitStatus::Complained));
    m_statusCombo->setToolTip(tr("Only active nonprofits receive campaigns."));

    m_consentCombo = new QComboBox(this);
    m_consentCombo->setObjectName(QStringLiteral("consentCombo"));
    m_consentCombo->addItem(tr("Unknown"), QStringLiteral("unknown"));
    m_consentCombo->addItem(tr("Consent given"), QStringLiteral("consent"));
    m_consentCombo->addItem(tr("Legitimate interest"), QStringLiteral("legitimate_interest"));

    auto* postalCodeLabel = new QLabel(tr("Postal &code:"), this);
    postalCodeLabel->setBuddy(postalCode);
    auto* regionRow = new QHBoxLayout;
    regionRow->addWidget(region, 1);
    regionRow->addWidget(postalCodeLabel);
    regionRow->addWidget(postalCode);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(tr("&Name:"), name);
    form->addRow(tr("&Email:"), email);
    form->addRow(tr("E&IN:"), ein);
    form->addRow(tr("&Street:"), street);
    form->addRow(tr("C&ity:"), city);
    auto* regionLabel = new QLabel(tr("State/&region:"), this); // a row holding a layout gets no buddy by itself
    regionLabel->setBuddy(region);
    form->addRow(regionLabel, regionRow);
    form->addRow(tr("Co&untry:"), country);
    form->addRow(tr("&Tags:"), tags);
    form->addRow(tr("Stat&us:"), m_statusCombo);
    form->addRow(tr("C&onsent:"), m_consentCombo);

    m_errorLabel = FormFeedback::createErrorLabel(QStringLiteral("errorLabel"), this);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("buttonBox"));
    buttons->button(QDialogButtonBox::Ok)->setText(m_nonprofit.id == 0 ? tr("Add") : tr("Save"));
    connect(buttons, &QDialogButtonBox::accepted, this, &NonprofitDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_errorLabel);
    layout->addStretch(1);
    layout->addWidget(buttons);
    setMinimumWidth(520);
}

void NonprofitDialog::load(const Nonprofit& nonprofit)
{
    m_fields.value(QStringLiteral("name"))->setText(nonprofit.name);
    m_fields.value(QStringLiteral("email"))->setText(nonprofit.email);
    m_fields.value(QStringLiteral("ein"))->setText(nonprofit.ein);
    m_fields.value(QStringLiteral("street"))->setText(nonprofit.street);
    m_fields.value(QStringLiteral("city"))->setText(nonprofit.city);
    m_fields.value(QStringLiteral("region"))->setText(nonprofit.region);
    m_fields.value(QStringLiteral("postal_code"))->setText(nonprofit.postalCode);
    m_fields.value(QStringLiteral("country"))->setText(nonprofit.country);
    m_fields.value(QStringLiteral("tags"))->setText(nonprofit.tags.join(QStringLiteral(", ")));
    m_statusCombo->setCurrentIndex(qMax(0, m_statusCombo->findData(int(nonprofit.status))));
    m_consentCombo->setCurrentIndex(qMax(0, m_consentCombo->findData(nonprofit.consent)));
}

Nonprofit NonprofitDialog::collect() const
{
    Nonprofit row = m_nonprofit; // keeps id, version and timestamps
    auto text = [this](const char* field) { return m_fields.value(QString::fromLatin1(field))->text().trimmed(); };
    row.name = text("name");
    row.email = text("email");
    row.ein = text("ein");
    row.street = text("street");
    row.city = text("city");
    row.region = text("region");
    row.postalCode = text("postal_code");
    row.country = text("country");
    row.tags.clear();
    for (const QString& tag : text("tags").split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!tag.trimmed().isEmpty())
            row.tags << tag.trimmed();
    }
    row.status = NonprofitStatus(m_statusCombo->currentData().toInt());
    row.consent = m_consentCombo->currentData().toString();
    return row;
}

void NonprofitDialog::clearErrors()
{
    FormFeedback::clearError(m_errorLabel);
    for (QLineEdit* edit : std::as_const(m_fields))
        FormFeedback::markInvalid(edit, false);
}

void NonprofitDialog::showError(const Error& error)
{
    FormFeedback::showError(m_errorLabel, error.message);
    if (QLineEdit* field = m_fields.value(error.field)) {
        FormFeedback::markInvalid(field, true);
        field->setFocus(Qt::OtherFocusReason); // the cursor stays where it was: most fixes are a typo
    }
}

void NonprofitDialog::accept()
{
    clearErrors();
    Nonprofit row = collect();
    if (Status valid = NonprofitValidator::validate(row); !valid) {
        showError(valid.error());
        return;
    }
    const Status saved = row.id == 0 ? m_repository.insert(row) : m_repository.update(row);
    if (!saved) {
        showError(saved.error());
        return;
    }
    m_nonprofit = row;
    QDialog::accept();
}

} // namespace herald
