#include "WordTokenizer.h"

#include <QRegularExpression>

namespace herald {

namespace {
// One scan left to right: at each position the first alternative that matches wins, so a placeholder, URL or
// address is consumed whole before its letters could be taken for a word. Only the last group is a word.
const QRegularExpression& tokenPattern()
{
    static const QRegularExpression pattern(
        QStringLiteral(R"(\{\{\{?[^{}]*(?:\}\}\}?|$))"                                  // {{name}}, {{ name }}, unclosed
                       R"(|(?:https?|ftp)://[^\s<>"']*|www\.[^\s<>"']+|mailto:[^\s<>"']+)" // URLs
                       R"(|[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)+)"      // email addresses
                       R"(|([\p{L}\p{M}\p{N}_]+(?:['’\-][\p{L}\p{M}\p{N}_]+)*))"),        // a word
        QRegularExpression::UseUnicodePropertiesOption);
    return pattern;
}

bool hasDigitOrUnderscore(QStringView word)
{
    for (const QChar c : word) {
        if (c.isDigit() || c == QLatin1Char('_'))
            return true;
    }
    return false;
}

const QRegularExpression& styleOrScriptOpening()
{
    static const QRegularExpression pattern(QStringLiteral(R"(^<\s*(?:style|script)\b)"),
                                            QRegularExpression::CaseInsensitiveOption);
    return pattern;
}

const QRegularExpression& styleOrScriptClosing()
{
    static const QRegularExpression pattern(QStringLiteral(R"(<\s*/\s*(?:style|script)\b)"),
                                            QRegularExpression::CaseInsensitiveOption);
    return pattern;
}

const QRegularExpression& entity()
{
    static const QRegularExpression pattern(QStringLiteral(R"(^&#?[A-Za-z0-9]+;)"));
    return pattern;
}
} // namespace

void WordTokenizer::addPlainWords(const QString& text, int from, int to, QList<WordSpan>* words)
{
    const QString part = text.mid(from, to - from);
    QRegularExpressionMatchIterator matches = tokenPattern().globalMatch(part);
    while (matches.hasNext()) {
        const QRegularExpressionMatch match = matches.next();
        if (match.capturedLength(1) == 0 || hasDigitOrUnderscore(match.capturedView(1)))
            continue;
        words->append({from + int(match.capturedStart(1)), int(match.capturedLength(1))});
    }
}

QList<WordSpan> WordTokenizer::words(const QString& text, Markup markup)
{
    QList<WordSpan> found;
    if (markup == Markup::PlainText) {
        addPlainWords(text, 0, int(text.size()), &found);
        return found;
    }
    HtmlState state = HtmlState::Text;
    return htmlWords(text, &state);
}

QList<WordSpan> WordTokenizer::htmlWords(const QString& line, HtmlState* state)
{
    QList<WordSpan> found;
    const int size = int(line.size());
    int position = 0;
    while (position < size) {
        switch (*state) {
        case HtmlState::InComment: {
            const int end = int(line.indexOf(QLatin1String("-->"), position));
            if (end < 0)
                return found;
            position = end + 3;
            *state = HtmlState::Text;
            break;
        }
        case HtmlState::InTag: {
            const int end = int(line.indexOf(QLatin1Char('>'), position));
            if (end < 0)
                return found;
            position = end + 1;
            *state = HtmlState::Text;
            break;
        }
        case HtmlState::InStyleOrScript: {
            const QRegularExpressionMatch closing = styleOrScriptClosing().match(line, position);
            if (!closing.hasMatch())
                return found;
            position = int(closing.capturedStart());
            *state = HtmlState::Text;
            break;
        }
        case HtmlState::Text: {
            int next = position;
            while (next < size && line.at(next) != QLatin1Char('<') && line.at(next) != QLatin1Char('&'))
                ++next;
            addPlainWords(line, position, next, &found);
            if (next >= size)
                return found;
            const QString rest = line.mid(next);
            if (line.at(next) == QLatin1Char('&')) {
                const QRegularExpressionMatch named = entity().match(rest);
                position = next + (named.hasMatch() ? int(named.capturedLength()) : 1);
            } else if (rest.startsWith(QLatin1String("<!--"))) {
                position = next + 4;
                *state = HtmlState::InComment;
            } else {
                const bool opensStyleOrScript = styleOrScriptOpening().match(rest).hasMatch();
                const int end = int(line.indexOf(QLatin1Char('>'), next));
                if (end < 0) {
                    *state = HtmlState::InTag;
                    return found;
                }
                position = end + 1;
                if (opensStyleOrScript)
                    *state = HtmlState::InStyleOrScript;
            }
            break;
        }
        }
    }
    return found;
}

WordSpan WordTokenizer::wordAt(const QList<WordSpan>& words, int position)
{
    for (const WordSpan& word : words) {
        if (word.contains(position))
            return word;
    }
    return {position, 0};
}

} // namespace herald
