#include "TextDocumentReader.h"

#include "EditorFormats.h"

#include <QTextBlock>
#include <QTextDocument>
#include <QTextFragment>
#include <QTextList>
#include <QVector>

namespace herald {

namespace {
RunFormat runFormat(const QTextCharFormat& format, bool inHeading)
{
    RunFormat run;
    run.href = format.anchorHref();
    run.bold = !inHeading && format.fontWeight() >= QFont::DemiBold;
    run.italic = format.fontItalic();
    run.underline = run.href.isEmpty() && format.fontUnderline(); // a link's underline is the link's own
    if (EditorFormats::isButton(format))
        run.buttonColor = format.background().color().name();
    // A link's colour is the layout's link colour; a button's is its label's.
    if (format.foreground().style() != Qt::NoBrush && (run.href.isEmpty() || run.isButton()))
        run.color = format.foreground().color().name();
    return run;
}

QString alignmentOf(const QTextBlockFormat& format)
{
    const Qt::Alignment horizontal = format.alignment() & Qt::AlignHorizontal_Mask;
    if (horizontal & Qt::AlignHCenter)
        return QStringLiteral("center");
    if (horizontal & (Qt::AlignRight | Qt::AlignTrailing))
        return QStringLiteral("right");
    if (horizontal & Qt::AlignJustify)
        return QStringLiteral("justify");
    return {};
}

void appendText(QList<RichRun>* runs, const RunFormat& format, const QString& text)
{
    if (!runs->isEmpty() && runs->last().kind == RichRun::Kind::Text && runs->last().format == format) {
        runs->last().text += text;
        return;
    }
    RichRun run;
    run.format = format;
    run.text = text;
    *runs << run;
}

QList<RichRun> runsOf(const QTextBlock& block, bool inHeading)
{
    QList<RichRun> runs;
    for (auto it = block.begin(); !it.atEnd(); ++it) {
        const QTextFragment fragment = it.fragment();
        const QTextCharFormat format = fragment.charFormat();
        const RunFormat run = runFormat(format, inHeading);
        if (format.isImageFormat()) {
            const QTextImageFormat image = format.toImageFormat();
            RichRun picture;
            picture.kind = RichRun::Kind::Image;
            picture.format = run;
            picture.imageSrc = image.name();
            picture.hasAlt = image.hasProperty(QTextFormat::ImageAltText);
            picture.imageAlt = image.stringProperty(QTextFormat::ImageAltText);
            picture.imageWidth = image.width() > 0 ? qRound(image.width()) : 0;
            picture.imageHeight = image.height() > 0 ? qRound(image.height()) : 0;
            for (qsizetype i = 0; i < fragment.text().size(); ++i) // one fragment holds alike images next to each other
                runs << picture;
            continue;
        }
        QString text;
        for (const QChar c : fragment.text()) {
            if (c == QChar::LineSeparator) {
                appendText(&runs, run, text);
                text.clear();
                RichRun lineBreak;
                lineBreak.kind = RichRun::Kind::LineBreak;
                runs << lineBreak;
            } else if (c != QChar::ObjectReplacementCharacter) {
                text += c.isSpace() && c != QChar::Nbsp ? QChar(QLatin1Char(' ')) : c;
            }
        }
        if (!text.isEmpty())
            appendText(&runs, run, text);
    }
    return runs;
}

// Spaces HTML would not show go; a second space in a row is kept as a no-break space.
QList<RichRun> withHtmlSpaces(QList<RichRun> runs)
{
    bool atLineStart = true;
    bool afterSpace = false;
    for (qsizetype i = 0; i < runs.size(); ++i) {
        RichRun& run = runs[i];
        if (run.kind != RichRun::Kind::Text) {
            atLineStart = run.kind == RichRun::Kind::LineBreak;
            afterSpace = false;
            continue;
        }
        QString text;
        for (const QChar c : run.text) {
            if (c == QLatin1Char(' ') && atLineStart)
                continue;
            text += c == QLatin1Char(' ') && afterSpace ? QChar(QChar::Nbsp) : c;
            afterSpace = c == QLatin1Char(' ');
            atLineStart = false;
        }
        run.text = text;
    }
    // Trailing spaces before a line break or the end of the block.
    for (qsizetype i = runs.size() - 1; i >= 0; --i) {
        if (runs.at(i).kind != RichRun::Kind::Text)
            continue;
        const bool endsLine = i + 1 == runs.size() || runs.at(i + 1).kind == RichRun::Kind::LineBreak;
        if (endsLine) {
            while (runs[i].text.endsWith(QLatin1Char(' ')) || runs[i].text.endsWith(QChar::Nbsp))
                runs[i].text.chop(1);
        }
        if (runs.at(i).text.isEmpty())
            runs.removeAt(i);
    }
    return runs;
}

bool hasContent(const QList<RichRun>& runs)
{
    for (const RichRun& run : runs) {
        if (run.kind == RichRun::Kind::Image || (run.kind == RichRun::Kind::Text && !run.text.trimmed().isEmpty()))
            return true;
    }
    return false;
}

// The lists open at a block, by indent, with the item each is at.
struct OpenList
{
    const QTextList* list;
    int indent;
    ListLevel level;
};
} // namespace

RichText TextDocumentReader::read(const QTextDocument& document)
{
    RichText text;
    QVector<OpenList> open;
    int lastId = 0;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        const QTextBlockFormat format = block.blockFormat();
        if (format.hasProperty(QTextFormat::BlockTrailingHorizontalRulerWidth)) {
            open.clear();
            RichBlock rule;
            rule.kind = RichBlock::Kind::Rule;
            text << rule;
            continue;
        }
        const QTextList* list = block.textList();
        RichBlock rich;
        if (!list && format.headingLevel() > 0) {
            rich.kind = RichBlock::Kind::Heading;
            rich.headingLevel = qMin(6, format.headingLevel());
        }
        rich.alignment = alignmentOf(format);
        rich.runs = withHtmlSpaces(runsOf(block, rich.kind == RichBlock::Kind::Heading));
        // Trailing line breaks show nothing in HTML.
        while (!rich.runs.isEmpty() && rich.runs.last().kind == RichRun::Kind::LineBreak)
            rich.runs.removeLast();
        if (!hasContent(rich.runs))
            continue;
        if (!list) {
            open.clear();
        } else {
            const int indent = list->format().indent();
            while (!open.isEmpty() && (open.last().indent > indent || (open.last().indent == indent && open.last().list != list)))
                open.removeLast();
            if (!open.isEmpty() && open.last().list == list) {
                open.last().level.itemId = ++lastId;
            } else {
                const int listId = ++lastId;
                open.append({list, indent, ListLevel{list->format().style() <= QTextListFormat::ListDecimal, listId, ++lastId}});
            }
            for (const OpenList& level : open)
                rich.lists << level.level;
        }
        text << rich;
    }
    return text;
}

} // namespace herald
