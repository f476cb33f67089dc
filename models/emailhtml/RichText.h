#pragma once

#include <QList>
#include <QString>

namespace herald {

// The content the visual editor can hold, as a flat list of blocks of runs (the shape of a QTextDocument):
// what PasteCleaner and EditorImport read out of HTML, what EmailHtmlWriter reads out of the editor's
// document, and what RichHtmlSerializer writes. Two equal RichText values give the same HTML.

// How a run looks. A link with a button colour is a button.
struct RunFormat
{
    bool bold = false;
    bool italic = false;
    bool underline = false;
    QString color;       // "#rrggbb", empty: the text colour of the layout
    QString href;        // empty: no link
    QString buttonColor; // "#rrggbb" background of a button link; empty: a plain link

    bool isButton() const { return !href.isEmpty() && !buttonColor.isEmpty(); }
    bool operator==(const RunFormat& other) const
    {
        return bold == other.bold && italic == other.italic && underline == other.underline && color == other.color
            && href == other.href && buttonColor == other.buttonColor;
    }
    bool operator!=(const RunFormat& other) const { return !(*this == other); }
};

struct RichRun
{
    enum class Kind { Text, LineBreak, Image };
    Kind kind = Kind::Text;
    RunFormat format;
    QString text;     // Text: the characters, white space already collapsed
    QString imageSrc; // Image
    QString imageAlt;
    bool hasAlt = false; // alt="" (decorative) differs from no alt at all
    int imageWidth = 0;  // 0: not given
    int imageHeight = 0;

    bool operator==(const RichRun& other) const
    {
        return kind == other.kind && format == other.format && text == other.text && imageSrc == other.imageSrc
            && imageAlt == other.imageAlt && hasAlt == other.hasAlt && imageWidth == other.imageWidth
            && imageHeight == other.imageHeight;
    }
};

// One level of the lists a block stands in: which list and which of its items.
struct ListLevel
{
    bool ordered = false;
    int listId = 0;
    int itemId = 0;
    bool operator==(const ListLevel& other) const
    {
        return ordered == other.ordered && listId == other.listId && itemId == other.itemId;
    }
};

struct RichBlock
{
    enum class Kind { Paragraph, Heading, Rule };
    Kind kind = Kind::Paragraph;
    int headingLevel = 0; // 1..6 for a heading
    QString alignment;    // "center", "right", "justify"; empty: left
    QList<ListLevel> lists; // outermost first; empty: not in a list
    QList<RichRun> runs;

    bool operator==(const RichBlock& other) const
    {
        return kind == other.kind && headingLevel == other.headingLevel && alignment == other.alignment
            && lists == other.lists && runs == other.runs;
    }
};

using RichText = QList<RichBlock>;

} // namespace herald
