#include "TemplateIssue.h"

#include <QCoreApplication>

namespace herald {

QString TemplateIssue::toString() const
{
    if (line <= 0)
        return QCoreApplication::translate("TemplateIssue", "%1: %2").arg(part, message);
    return QCoreApplication::translate("TemplateIssue", "%1, line %2, column %3: %4").arg(part).arg(line).arg(column).arg(message);
}

} // namespace herald
