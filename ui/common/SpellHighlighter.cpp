#include "SpellHighlighter.h"

#include "spelling/SpellingSession.h"

#include <QTextBlock>

namespace herald {

SpellHighlighter::SpellHighlighter(QTextDocument* document, SpellingSession& session, WordTokenizer::Markup markup)
    : QSyntaxHighlighter(document)
    , m_session(session)
    , m_markup(markup)
{
    connect(&m_session, &SpellingSession::changed, this, &SpellHighlighter::rehighlight);
}

QTextCharFormat SpellHighlighter::misspeltFormat()
{
    QTextCharFormat format;
    format.setUnderlineStyle(QTextCharFormat::SpellCheckUnderline);
    format.setUnderlineColor(Qt::red);
    return format;
}

WordTokenizer::HtmlState SpellHighlighter::htmlStateBefore(const QTextBlock& block)
{
    const QTextBlock previous = block.previous();
    if (!previous.isValid() || previous.userState() < 0)
        return WordTokenizer::HtmlState::Text;
    return WordTokenizer::HtmlState(previous.userState());
}

void SpellHighlighter::highlightBlock(const QString& text)
{
    QList<WordSpan> misspelt;
    if (m_markup == WordTokenizer::Markup::Html) {
        auto state = previousBlockState() < 0 ? WordTokenizer::HtmlState::Text
                                              : WordTokenizer::HtmlState(previousBlockState());
        misspelt = m_session.misspeltHtml(text, &state);
        setCurrentBlockState(int(state));
    } else {
        misspelt = m_session.misspelt(text);
    }
    const QTextCharFormat format = misspeltFormat();
    for (const WordSpan& word : misspelt)
        setFormat(word.start, word.length, format);
}

} // namespace herald
