#include "LinkDialog.h"

#include "common/FormFeedback.h"
#include "emailhtml/MessageUrls.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace herald {

LinkDialog::LinkDialog(const QString& text, const QString& href, bool editing, QWidget* parent)
    : QDialog(parent)
    , m_textEdit(new QLineEdit(text, this))
    , m_urlEdit(new QLineEdit(href, this))
    , m_errorLabel(FormFeedback::createErrorLabel(QStringLiteral("linkErrorLabel"), this))
{
    setObjectName(QStringLiteral("linkDialog"));
    setWindowTitle(editing ? tr("Edit Link") : tr("Insert Link"));
    m_textEdit->setObjectName(QStringLiteral("linkTextEdit"));
    m_urlEdit->setObjectName(QStringLiteral("linkUrlEdit"));
    m_urlEdit->setPlaceholderText(tr("https://…, mailto:… or {{unsubscribe_url}}"));
    m_urlEdit->setMinimumWidth(320);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &LinkDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &LinkDialog::reject);
    if (editing) {
        QPushButton* remove = buttons->addButton(tr("&Remove Link"), QDialogButtonBox::DestructiveRole);
        remove->setObjectName(QStringLiteral("removeLinkButton"));
        connect(remove, &QPushButton::clicked, this, [this] {
            m_remove = true;
            QDialog::accept();
        });
    }

    auto* form = new QFormLayout;
    form->addRow(tr("&Text:"), m_textEdit);
    form->addRow(tr("&Address:"), m_urlEdit);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_errorLabel);
    layout->addWidget(buttons);
    (text.isEmpty() ? m_textEdit : m_urlEdit)->setFocus();
}

QString LinkDialog::text() const
{
    return m_textEdit->text().trimmed().isEmpty() ? href() : m_textEdit->text();
}

QString LinkDialog::href() const { return m_urlEdit->text().trimmed(); }

QString LinkDialog::urlProblem(const QString& url)
{
    const QString address = url.trimmed();
    if (address.isEmpty())
        return tr("Enter the address the link leads to.");
    if (MessageUrls::isAllowed(address, MessageUrls::Use::Link))
        return {};
    return tr("\"%1\" is not an address a message can link to: use one that starts with https:// or http://, a "
              "mailto: address, or a placeholder such as {{unsubscribe_url}}.")
        .arg(address);
}

void LinkDialog::accept()
{
    const QString problem = urlProblem(href());
    FormFeedback::markInvalid(m_urlEdit, !problem.isEmpty());
    if (!problem.isEmpty()) {
        FormFeedback::showError(m_errorLabel, problem);
        m_urlEdit->setFocus();
        return;
    }
    QDialog::accept();
}

} // namespace herald
