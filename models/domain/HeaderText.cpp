#include "HeaderText.h"

#include <QCoreApplication>

namespace herald {

bool HeaderText::isOneLine(const QString& value)
{
    for (const QChar c : value) {
        if (c == QLatin1Char('\r') || c == QLatin1Char('\n') || c == QChar(0x2028) || c == QChar(0x2029)
            || c == QChar(0))
            return false;
    }
    return true;
}

QString HeaderText::flattened(const QString& value)
{
    QString text = value;
    for (QChar& c : text) {
        // simplified() takes whitespace (CR, LF, tab, U+2028, U+2029) but not NUL, ESC or other controls.
        if (c.category() == QChar::Other_Control)
            c = QLatin1Char(' ');
    }
    return text.simplified();
}

Status HeaderText::check(const QString& field, const QString& label, const QString& value)
{
    if (isOneLine(value))
        return {};
    return Error::validation(field, QCoreApplication::translate("HeaderText", "%1 must be one line (it goes into a "
                                                                              "mail header); remove the line break.")
                                        .arg(label));
}

} // namespace herald
