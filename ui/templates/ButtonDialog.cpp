#include "ButtonDialog.h"

#include "LinkDialog.h"
#include "common/FormFeedback.h"

#include <QColorDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace herald {

ButtonDialog::ButtonDialog(QWidget* parent)
    : QDialog(parent)
    , m_labelEdit(new QLineEdit(this))
    , m_urlEdit(new QLineEdit(this))
    , m_colourEdit(new QLineEdit(QStringLiteral("#1a5fb4"), this))
    , m_errorLabel(FormFeedback::createErrorLabel(QStringLiteral("buttonErrorLabel"), this))
{
    setObjectName(QStringLiteral("buttonDialog"));
    setWindowTitle(tr("Insert Button"));
    m_labelEdit->setObjectName(QStringLiteral("buttonLabelEdit"));
    m_labelEdit->setPlaceholderText(tr("e.g. Donate now"));
    m_urlEdit->setObjectName(QStringLiteral("buttonUrlEdit"));
    m_urlEdit->setPlaceholderText(tr("https://…, mailto:… or {{unsubscribe_url}}"));
    m_urlEdit->setMinimumWidth(320);
    m_colourEdit->setObjectName(QStringLiteral("buttonColourEdit"));
    auto* choose = new QPushButton(tr("&Choose…"), this);
    choose->setObjectName(QStringLiteral("chooseButtonColour"));
    connect(choose, &QPushButton::clicked, this, &ButtonDialog::chooseColour);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &ButtonDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ButtonDialog::reject);

    auto* colourRow = new QHBoxLayout;
    colourRow->addWidget(m_colourEdit, 1);
    colourRow->addWidget(choose);
    auto* form = new QFormLayout;
    form->addRow(tr("&Label:"), m_labelEdit);
    form->addRow(tr("&Address:"), m_urlEdit);
    form->addRow(tr("C&olour:"), colourRow);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_errorLabel);
    layout->addWidget(buttons);
}

QString ButtonDialog::label() const { return m_labelEdit->text().trimmed(); }

QString ButtonDialog::href() const { return m_urlEdit->text().trimmed(); }

QColor ButtonDialog::colour() const { return QColor(m_colourEdit->text().trimmed()); }

void ButtonDialog::chooseColour()
{
    auto* dialog = new QColorDialog(colour().isValid() ? colour() : QColor(Qt::blue), this);
    dialog->setObjectName(QStringLiteral("buttonColourDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QColorDialog::colorSelected, this,
            [this](const QColor& chosen) { m_colourEdit->setText(chosen.name()); });
    dialog->open();
}

void ButtonDialog::accept()
{
    QString problem;
    QWidget* field = nullptr;
    if (label().isEmpty()) {
        problem = tr("Enter the button's label.");
        field = m_labelEdit;
    } else if (problem = LinkDialog::urlProblem(href()); !problem.isEmpty()) {
        field = m_urlEdit;
    } else if (!colour().isValid()) {
        problem = tr("\"%1\" is not a colour: use #rrggbb, e.g. #1a5fb4, or Choose….").arg(m_colourEdit->text());
        field = m_colourEdit;
    }
    for (QWidget* each : {static_cast<QWidget*>(m_labelEdit), static_cast<QWidget*>(m_urlEdit), static_cast<QWidget*>(m_colourEdit)})
        FormFeedback::markInvalid(each, each == field);
    if (field) {
        FormFeedback::showError(m_errorLabel, problem);
        field->setFocus();
        return;
    }
    QDialog::accept();
}

} // namespace herald
