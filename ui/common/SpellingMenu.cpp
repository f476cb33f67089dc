#include "SpellingMenu.h"

#include "MessageBox.h"
#include "SpellHighlighter.h"
#include "spelling/SpellingSession.h"

#include <QMenu>
#include <QPlainTextEdit>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextEdit>

namespace herald {

namespace {
// The word under a text cursor, found the way the highlighter found it in that block.
WordSpan wordUnder(const QTextCursor& cursor, WordTokenizer::Markup markup)
{
    const QTextBlock block = cursor.block();
    QList<WordSpan> words;
    if (markup == WordTokenizer::Markup::Html) {
        WordTokenizer::HtmlState state = SpellHighlighter::htmlStateBefore(block);
        words = WordTokenizer::htmlWords(block.text(), &state);
    } else {
        words = WordTokenizer::words(block.text());
    }
    return WordTokenizer::wordAt(words, cursor.positionInBlock());
}

// QTextEdit and QPlainTextEdit share these members without a common base that has them.
template<typename Editor>
std::unique_ptr<QMenu> createFor(Editor* editor, const QPoint& viewportPosition, SpellingSession& session,
                                 WordTokenizer::Markup markup)
{
    std::unique_ptr<QMenu> menu(editor->createStandardContextMenu(viewportPosition));
    const QTextCursor cursor = editor->cursorForPosition(viewportPosition);
    const QTextBlock block = cursor.block();
    const WordSpan word = wordUnder(cursor, markup);
    if (word.length == 0)
        return menu;
    SpellingMenu::prepend(menu.get(), block.text(), word, session,
                          [editor, block](const WordSpan& replaced, const QString& replacement) {
                              QTextCursor edit(editor->document());
                              edit.setPosition(block.position() + replaced.start);
                              edit.setPosition(block.position() + replaced.end(), QTextCursor::KeepAnchor);
                              edit.insertText(replacement);
                              editor->setTextCursor(edit);
                          });
    return menu;
}

template<typename Editor>
void attachTo(Editor* editor, SpellingSession& session, WordTokenizer::Markup markup)
{
    editor->setContextMenuPolicy(Qt::CustomContextMenu);
    // Scroll areas report the position in their viewport.
    QObject::connect(editor, &QWidget::customContextMenuRequested, editor,
                     [editor, &session, markup](const QPoint& position) {
                         const std::unique_ptr<QMenu> menu = SpellingMenu::create(editor, position, session, markup);
                         menu->exec(editor->viewport()->mapToGlobal(position));
                     });
}
} // namespace

void SpellingMenu::prepend(QMenu* menu, const QString& text, const WordSpan& word, SpellingSession& session,
                           const Replace& replace)
{
    const QString misspelt = text.mid(word.start, word.length);
    if (word.length == 0 || !session.isMisspelt(misspelt))
        return;
    QAction* first = menu->actions().value(0);
    const QStringList suggestions = session.suggest(misspelt);
    for (const QString& suggestion : suggestions) {
        auto* action = new QAction(suggestion, menu);
        QFont font = action->font();
        font.setBold(true);
        action->setFont(font);
        action->setObjectName(QStringLiteral("spellingSuggestion"));
        QObject::connect(action, &QAction::triggered, menu, [replace, word, suggestion] { replace(word, suggestion); });
        menu->insertAction(first, action);
    }
    if (suggestions.isEmpty()) {
        auto* none = new QAction(tr("No suggestions"), menu);
        none->setEnabled(false);
        menu->insertAction(first, none);
    }
    auto* add = new QAction(tr("Add “%1” to Dictionary").arg(misspelt), menu);
    add->setObjectName(QStringLiteral("addToDictionary"));
    QWidget* parent = menu->parentWidget();
    QObject::connect(add, &QAction::triggered, menu, [&session, misspelt, parent] {
        if (const Status added = session.addToDictionary(misspelt); !added)
            MessageBox::warning(parent, tr("Add to Dictionary"), added.error().message);
    });
    menu->insertAction(first, add);
    menu->insertSeparator(first);
}

std::unique_ptr<QMenu> SpellingMenu::create(QPlainTextEdit* editor, const QPoint& viewportPosition,
                                            SpellingSession& session, WordTokenizer::Markup markup)
{
    return createFor(editor, viewportPosition, session, markup);
}

std::unique_ptr<QMenu> SpellingMenu::create(QTextEdit* editor, const QPoint& viewportPosition, SpellingSession& session,
                                            WordTokenizer::Markup markup)
{
    return createFor(editor, viewportPosition, session, markup);
}

void SpellingMenu::attach(QPlainTextEdit* editor, SpellingSession& session, WordTokenizer::Markup markup)
{
    attachTo(editor, session, markup);
}

void SpellingMenu::attach(QTextEdit* editor, SpellingSession& session, WordTokenizer::Markup markup)
{
    attachTo(editor, session, markup);
}

} // namespace herald
