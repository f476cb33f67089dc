#include "PlaceholderPage.h"

#include "PageTitle.h"

#include <QLabel>
#include <QVBoxLayout>

namespace herald {

PlaceholderPage::PlaceholderPage(const QString& title, const QString& description, QWidget* parent)
    : QWidget(parent)
{
    auto* heading = new PageTitle(title, this);

    auto* status = new QLabel(tr("This page is not built yet."), this);
    status->setObjectName(QStringLiteral("placeholderStatus"));
    auto* text = new QLabel(description, this);
    text->setObjectName(QStringLiteral("placeholderDescription"));
    text->setWordWrap(true);
    text->setMaximumWidth(640);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->setSpacing(10);
    layout->addWidget(heading);
    layout->addWidget(status);
    layout->addWidget(text);
    layout->addStretch(1);
}

} // namespace herald
