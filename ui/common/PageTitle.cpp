#include "PageTitle.h"

namespace herald {

PageTitle::PageTitle(const QString& text, QWidget* parent)
    : QLabel(text, parent)
{
    setObjectName(QStringLiteral("pageTitle"));
    QFont headingFont = font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.5);
    headingFont.setBold(true);
    setFont(headingFont);
}

} // namespace herald
