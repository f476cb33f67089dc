#include "SenderIdentityDialog.h"

#include "common/FormFeedback.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace herald {

SenderIdentityDialog::SenderIdentityDialog(Database& database, const SenderIdentity& identity, QWidget* parent)
    : QDialog(parent)
    , m_repository(database)
    , m_identity(identity)
    , m_postalAddress(new QPlainTextEdit(this))
    , m_errorLabel(FormFeedback::createErrorLabel(QStringLiteral("errorLabel"), this))
{
    setObjectName(QStringLiteral("senderIdentityDialog"));
    setWindowTitle(identity.id == 0 ? tr("New Sender Identity") : tr("Edit %1").arg(identity.name));
    setStyleSheet(FormFeedback::styleSheet());

    auto* form = new QFormLayout;
    const auto addLine = [this, form](const QString& field, const QString& objectName, const QString& label,
                                      const QString& value, const QString& placeholder) {
        auto* edit = new QLineEdit(value, this);
        edit->setObjectName(objectName);
        edit->setPlaceholderText(placeholder);
        edit->setMinimumWidth(320);
        connect(edit, &QLineEdit::textEdited, this, [edit] { FormFeedback::markInvalid(edit, false); });
        m_fields.insert(field, edit);
        form->addRow(label, edit);
    };
    addLine(QStringLiteral("name"), QStringLiteral("identityNameEdit"), tr("&Name:"), identity.name,
            tr("e.g. Development office"));
    addLine(QStringLiteral("from_name"), QStringLiteral("fromNameEdit"), tr("From &name:"), identity.fromName,
            tr("Friends of the Library"));
    addLine(QStringLiteral("from_email"), QStringLiteral("fromEmailEdit"), tr("From &email:"), identity.fromEmail,
            tr("news@example.org"));
    addLine(QStringLiteral("reply_to"), QStringLiteral("replyToEdit"), tr("&Reply-to:"), identity.replyTo,
            tr("Optional"));
    m_postalAddress->setObjectName(QStringLiteral("postalAddressEdit"));
    m_postalAddress->setPlainText(identity.postalAddress);
    m_postalAddress->setTabChangesFocus(true);
    m_postalAddress->setFixedHeight(m_postalAddress->fontMetrics().lineSpacing() * 4 + 12);
    m_postalAddress->setToolTip(tr("Bulk mail must show the sender's postal address (CAN-SPAM)."));
    m_fields.insert(QStringLiteral("postal_address"), m_postalAddress);
    form->addRow(tr("&Postal address:"), m_postalAddress);
    addLine(QStringLiteral("unsubscribe_base_url"), QStringLiteral("unsubscribeUrlEdit"), tr("&Unsubscribe link:"),
            identity.unsubscribeBaseUrl, tr("https://example.org/unsubscribe"));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SenderIdentityDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_errorLabel);
    layout->addWidget(buttons);
}

SenderIdentity SenderIdentityDialog::collect() const
{
    SenderIdentity identity = m_identity;
    const auto text = [this](const char* field) {
        return static_cast<QLineEdit*>(m_fields.value(QLatin1String(field)))->text();
    };
    identity.name = text("name");
    identity.fromName = text("from_name");
    identity.fromEmail = text("from_email");
    identity.replyTo = text("reply_to");
    identity.postalAddress = m_postalAddress->toPlainText();
    identity.unsubscribeBaseUrl = text("unsubscribe_base_url");
    return identity;
}

void SenderIdentityDialog::showError(const Error& error)
{
    FormFeedback::showError(m_errorLabel, error.message);
    if (QWidget* field = m_fields.value(error.field)) {
        FormFeedback::markInvalid(field, true);
        field->setFocus();
    }
}

void SenderIdentityDialog::accept()
{
    for (QWidget* field : std::as_const(m_fields))
        FormFeedback::markInvalid(field, false);
    SenderIdentity identity = collect();
    const Status saved = identity.id == 0 ? m_repository.insert(identity) : m_repository.update(identity);
    if (!saved) {
        showError(saved.error());
        return;
    }
    m_identity = identity;
    QDialog::accept();
}

} // namespace herald
