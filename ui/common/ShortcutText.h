#pragma once

#include <QKeySequence>
#include <QString>

namespace herald {

// A tooltip that names its shortcut: "Add a nonprofit (Ctrl+N)".
inline QString withShortcut(const QString& text, const QKeySequence& shortcut)
{
    return QStringLiteral("%1 (%2)").arg(text, shortcut.toString(QKeySequence::NativeText));
}

} // namespace herald
