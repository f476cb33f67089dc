#include "TextUrlScanner.h"

#include "MustacheTags.h"

#include <QRegularExpression>

namespace herald {

namespace {
bool endsUrl(QChar c)
{
    return c.isSpace() || c == QLatin1Char('<') || c == QLatin1Char('>') || c == QLatin1Char('"');
}

// Where the URL whose scheme ends at `from` ends: at white space or < > ", or before a tag it cannot hold
// (a comment, a section it did not open, a section it opens but does not close).
qsizetype urlEnd(const QString& text, const MustacheTags& tags, qsizetype from)
{
    QList<const MustacheTag*> openSections;
    qsizetype at = from;
    while (at < text.size()) {
        if (const MustacheTag* tag = tags.startingAt(at)) {
            const QChar kind = tag->kind;
            if (kind == QLatin1Char('#') || kind == QLatin1Char('^'))
                openSections << tag;
            else if (kind == QLatin1Char('/') && !openSections.isEmpty() && openSections.last()->name == tag->name)
                openSections.removeLast();
            else if (!tag->isVariable())
                break;
            at = tag->end();
            continue;
        }
        if (endsUrl(text.at(at)))
            break;
        ++at;
    }
    return openSections.isEmpty() ? at : openSections.first()->position;
}

// Sentence punctuation after a URL, and a closing parenthesis the URL did not open.
qsizetype withoutTrailingPunctuation(const QString& text, qsizetype start, qsizetype end)
{
    static const QString punctuation = QStringLiteral(".,;:!?");
    while (end > start) {
        const QChar last = text.at(end - 1);
        if (punctuation.contains(last)) {
            --end;
            continue;
        }
        const QStringView url = QStringView(text).mid(start, end - start);
        if (last == QLatin1Char(')') && url.count(QLatin1Char(')')) > url.count(QLatin1Char('('))) {
            --end;
            continue;
        }
        break;
    }
    return end;
}
} // namespace

QList<TextUrl> TextUrlScanner::scan(const QString& text)
{
    static const QRegularExpression scheme(QStringLiteral("https?://"), QRegularExpression::CaseInsensitiveOption);
    const MustacheTags tags(text);
    QList<TextUrl> urls;
    qsizetype from = 0;
    while (from < text.size()) {
        const auto match = scheme.match(text, from);
        if (!match.hasMatch())
            break;
        const qsizetype start = match.capturedStart();
        from = match.capturedEnd();
        // "xhttp://" is a word, not a URL; a URL inside a tag ({{! see https://… }}) is no text.
        if ((start > 0 && text.at(start - 1).isLetterOrNumber()) || tags.encloses(start))
            continue;
        const qsizetype end = withoutTrailingPunctuation(text, start, urlEnd(text, tags, match.capturedEnd()));
        if (end <= match.capturedEnd())
            continue;
        urls << TextUrl{start, end - start};
        from = end;
    }
    return urls;
}

} // namespace herald
