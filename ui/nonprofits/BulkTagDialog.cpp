#include "BulkTagDialog.h"

#include "common/FormFeedback.h"
#include "domain/NonprofitValidator.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace herald {

BulkTagDialog::BulkTagDialog(int selectedCount, QWidget* parent)
    : QDialog(parent)
    , m_tagsEdit(new QLineEdit(this))
    , m_errorLabel(FormFeedback::createErrorLabel(QStringLiteral("tagErrorLabel"), this))
{
    setObjectName(QStringLiteral("bulkTagDialog"));
    setWindowTitle(tr("Tag Nonprofits"));
    auto* label = new QLabel(tr("Tags for the %Ln selected nonprofit(s), separated by commas:", nullptr, selectedCount), this);
    label->setBuddy(m_tagsEdit);
    m_tagsEdit->setObjectName(QStringLiteral("tagsEdit"));
    m_tagsEdit->setPlaceholderText(tr("e.g. 2026-gala, food"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton* add = buttons->addButton(tr("&Add Tags"), QDialogButtonBox::AcceptRole);
    add->setObjectName(QStringLiteral("addTagsButton"));
    add->setDefault(true);
    QPushButton* remove = buttons->addButton(tr("&Remove Tags"), QDialogButtonBox::ActionRole);
    remove->setObjectName(QStringLiteral("removeTagsButton"));
    connect(add, &QPushButton::clicked, this, [this] { finish(Change::Add); });
    connect(remove, &QPushButton::clicked, this, [this] { finish(Change::Remove); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(m_tagsEdit);
    layout->addWidget(m_errorLabel);
    layout->addWidget(buttons);
    resize(420, sizeHint().height());
}

QStringList BulkTagDialog::tags() const
{
    QStringList tags;
    for (const QString& tag : m_tagsEdit->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!tag.trimmed().isEmpty())
            tags << tag.trimmed();
    return tags;
}

void BulkTagDialog::finish(Change change)
{
    if (tags().isEmpty())
        return FormFeedback::showError(m_errorLabel, tr("Type at least one tag."));
    if (Status valid = NonprofitValidator::validateTags(tags()); !valid)
        return FormFeedback::showError(m_errorLabel, valid.error().message);
    m_change = change;
    accept();
}

} // namespace herald
