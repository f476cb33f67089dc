#pragma once

#include "spelling/WordTokenizer.h"

#include <QCoreApplication>

#include <functional>
#include <memory>

class QMenu;
class QPlainTextEdit;
class QPoint;
class QTextEdit;

namespace herald {

class SpellingSession;

// The spelling part of an editor's context menu: for the misspelt word under the mouse, the dictionary's
// suggestions (each replaces the word, as one undo step) and "Add to Dictionary", above the editor's standard
// actions (Undo, Cut, Copy, Paste, …).
class SpellingMenu
{
    Q_DECLARE_TR_FUNCTIONS(herald::SpellingMenu)
public:
    using Replace = std::function<void(const WordSpan& word, const QString& replacement)>;

    // Puts the actions on top of `menu` when `word` of `text` is misspelt; nothing otherwise.
    static void prepend(QMenu* menu, const QString& text, const WordSpan& word, SpellingSession& session,
                        const Replace& replace);

    // The menu a right-click at `viewportPosition` opens (the caller owns it).
    static std::unique_ptr<QMenu> create(QPlainTextEdit* editor, const QPoint& viewportPosition,
                                         SpellingSession& session, WordTokenizer::Markup markup);
    static std::unique_ptr<QMenu> create(QTextEdit* editor, const QPoint& viewportPosition, SpellingSession& session,
                                         WordTokenizer::Markup markup);
    // Makes `editor`'s right-click show create()'s menu.
    static void attach(QPlainTextEdit* editor, SpellingSession& session, WordTokenizer::Markup markup);
    static void attach(QTextEdit* editor, SpellingSession& session, WordTokenizer::Markup markup);
};

} // namespace herald
