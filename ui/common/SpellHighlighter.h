#pragma once

#include "spelling/WordTokenizer.h"

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace herald {

class SpellingSession;

// Underlines misspelt words in a QTextEdit's or QPlainTextEdit's document with the platform's spell-check
// underline (a red wave), as SpellingSession finds them: never placeholders, URLs or addresses, and in HTML
// source never tags or attribute values. Looks again when the session changes (language, a word added).
class SpellHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    SpellHighlighter(QTextDocument* document, SpellingSession& session,
                     WordTokenizer::Markup markup = WordTokenizer::Markup::PlainText);

    static QTextCharFormat misspeltFormat();
    // Where a block of HTML source starts (the state its previous block ended in), for the context menu.
    static WordTokenizer::HtmlState htmlStateBefore(const QTextBlock& block);

protected:
    void highlightBlock(const QString& text) override;

private:
    SpellingSession& m_session;
    WordTokenizer::Markup m_markup;
};

} // namespace herald
