#pragma once

#include <QColor>
#include <QIcon>

namespace herald {

// The visual editor's toolbar icons, drawn (Herald ships no icon theme, and the desktop's may have none):
// alignment, lists, the rule, undo and redo, and the text colour, in the palette's text colour so they suit light and dark themes.
class EditorIcons
{
public:
    enum class Kind { AlignLeft, AlignCenter, AlignRight, BulletList, NumberedList, Rule, Undo, Redo };
    static QIcon icon(Kind kind, const QColor& ink);
    // An "A" over a bar of `colour`.
    static QIcon textColour(const QColor& colour, const QColor& ink);
};

} // namespace herald
