#include "SuppressionDialog.h"

#include "common/FormFeedback.h"
#include "domain/CurrentUser.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace herald {

namespace {
// The note is kept in the entry's source, which lists show in one line.
constexpr int MaxNoteLength = 200;
} // namespace

SuppressionDialog::SuppressionDialog(Database& database, QWidget* parent)
    : QDialog(parent)
    , m_repository(database)
    , m_addressEdit(new QLineEdit(this))
    , m_reasonCombo(new QComboBox(this))
    , m_noteEdit(new QLineEdit(this))
    , m_errorLabel(FormFeedback::createErrorLabel(QStringLiteral("errorLabel"), this))
{
    setObjectName(QStringLiteral("suppressionDialog"));
    setWindowTitle(tr("Suppress an Address"));
    setStyleSheet(FormFeedback::styleSheet());

    m_addressEdit->setObjectName(QStringLiteral("addressEdit"));
    m_addressEdit->setPlaceholderText(tr("name@example.org"));
    connect(m_addressEdit, &QLineEdit::textEdited, this, [this] { FormFeedback::markInvalid(m_addressEdit, false); });
    m_reasonCombo->setObjectName(QStringLiteral("reasonCombo"));
    for (const SuppressionReason reason : allSuppressionReasons())
        m_reasonCombo->addItem(label(reason), int(reason));
    m_reasonCombo->setCurrentIndex(m_reasonCombo->findData(int(SuppressionReason::Manual)));
    m_noteEdit->setObjectName(QStringLiteral("noteEdit"));
    m_noteEdit->setMaxLength(MaxNoteLength);
    m_noteEdit->setPlaceholderText(tr("e.g. asked by phone on 3 March"));

    auto* intro = new QLabel(tr("Herald never mails a suppressed address: it is left out whenever a campaign is "
                                "queued."),
        this);
    intro->setWordWrap(true);
    auto* form = new QFormLayout;
    QLabel* noteHint = FormFeedback::createNoteLabel(QStringLiteral("noteHint"), this);
    noteHint->setText(tr("Kept as the entry's source; left empty, your user name is."));
    form->addRow(tr("Email &address:"), m_addressEdit);
    form->addRow(tr("&Reason:"), m_reasonCombo);
    form->addRow(tr("&Note:"), m_noteEdit);
    form->addRow(QString(), noteHint);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton* add = buttons->addButton(tr("&Suppress"), QDialogButtonBox::AcceptRole);
    add->setObjectName(QStringLiteral("suppressButton"));
    add->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &SuppressionDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_errorLabel);
    layout->addWidget(buttons);
    resize(460, sizeHint().height());
}

void SuppressionDialog::showError(const QString& message)
{
    FormFeedback::showError(m_errorLabel, message);
    FormFeedback::markInvalid(m_addressEdit, true);
    m_addressEdit->setFocus(Qt::OtherFocusReason);
}

void SuppressionDialog::accept()
{
    FormFeedback::clearError(m_errorLabel);
    FormFeedback::markInvalid(m_addressEdit, false);
    Suppression entry;
    entry.email = m_addressEdit->text();
    entry.reason = SuppressionReason(m_reasonCombo->currentData().toInt());
    entry.source = m_noteEdit->text().trimmed();
    if (entry.source.isEmpty())
        entry.source = currentUserName(QStringLiteral("desktop"));
    const Result<bool> added = m_repository.add(entry);
    if (!added)
        return showError(added.error().message);
    if (!added.value()) {
        // Already there: the first entry stays, so say what it is rather than pretend to have added one.
        const auto stored = m_repository.find(entry.email);
        return showError(stored ? tr("%1 is already suppressed (%2, since %3).")
                                      .arg(entry.email, label(stored->reason).toLower(),
                                          QLocale().toString(stored->createdAt.toLocalTime(), QLocale::ShortFormat))
                                : tr("%1 is already suppressed.").arg(entry.email));
    }
    m_suppression = entry;
    QDialog::accept();
}

} // namespace herald
