#pragma once

#include <QList>
#include <QString>

namespace herald {

// A word to spell-check: where it stands in the text it was found in.
struct WordSpan
{
    int start = 0;
    int length = 0;
    int end() const { return start + length; }
    bool contains(int position) const { return position >= start && position <= end(); }
    friend bool operator==(const WordSpan& a, const WordSpan& b) { return a.start == b.start && a.length == b.length; }
};

// Finds the words of a text worth spell-checking: letters (accents included) joined by apostrophes or hyphens
// ("don't", "l'association", "peut-être"). Never {{placeholders}} ({{ name }} too), URLs (http(s)://…, www.…,
// mailto:…), email addresses, numbers or words with digits in them: a misspelling mark there is always wrong.
// In HTML source, tags with their attribute values, comments, entities and <style>/<script> contents are not
// text either; a tag or comment may run over several lines (blocks), so the state at a line's end is returned
// for the next line (QSyntaxHighlighter's block state).
class WordTokenizer
{
public:
    enum class Markup { PlainText, Html };
    // Where a line of HTML source starts: in text, or inside something begun on an earlier line.
    enum class HtmlState { Text = 0, InTag = 1, InComment = 2, InStyleOrScript = 3 };

    static QList<WordSpan> words(const QString& text, Markup markup = Markup::PlainText);
    // One line of HTML source starting in `state`; `state` becomes the state at the line's end.
    static QList<WordSpan> htmlWords(const QString& line, HtmlState* state);
    // The word at `position` (a cursor position inside it or at either end), or a span of length 0.
    static WordSpan wordAt(const QList<WordSpan>& words, int position);

private:
    static void addPlainWords(const QString& text, int from, int to, QList<WordSpan>* words);
};

} // namespace herald
