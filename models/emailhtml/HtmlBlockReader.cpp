#include "HtmlBlockReader.h"

#include "HtmlTree.h"

#include <QVector>

namespace herald {

namespace {
bool isCollapsible(QChar c)
{
    return c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\n') || c == QLatin1Char('\r')
        || c == QLatin1Char('\f');
}

bool isBlank(QChar c)
{
    return c == QLatin1Char(' ') || c == QChar(0x00A0);
}

// What entering an element changed, undone when it is left.
struct Frame
{
    ElementReading::Role role = ElementReading::Role::Inline;
    bool pushedHeading = false;
    bool pushedList = false;
    bool wordListParagraph = false;
};

class Builder
{
public:
    explicit Builder(ElementClassifier* classifier) : m_classifier(classifier) {}

    bool enter(const GumboNode* node)
    {
        switch (node->type) {
        case GUMBO_NODE_DOCUMENT:
            return true;
        case GUMBO_NODE_TEXT:
        case GUMBO_NODE_WHITESPACE:
        case GUMBO_NODE_CDATA:
            appendText(QString::fromUtf8(node->v.text.text));
            return false;
        case GUMBO_NODE_COMMENT:
            m_classifier->comment(node);
            return false;
        default:
            break;
        }
        const ElementReading reading = m_classifier->classify(node, m_formats.last());
        using Role = ElementReading::Role;
        switch (reading.role) {
        case Role::Drop:
            return false;
        case Role::LineBreak:
            appendBreak();
            return false;
        case Role::Image:
            appendImage(reading.image);
            return false;
        case Role::Rule: {
            finishBlock();
            RichBlock rule;
            rule.kind = RichBlock::Kind::Rule;
            m_blocks << rule;
            return false;
        }
        default:
            break;
        }
        Frame frame;
        frame.role = reading.role;
        if (reading.role != Role::Inline) {
            finishBlock();
            m_alignments << (reading.alignment.isEmpty() ? m_alignments.last() : reading.alignment);
        }
        if (reading.role == Role::Heading) {
            m_headings << reading.headingLevel;
            frame.pushedHeading = true;
        } else if (reading.role == Role::List && m_lists.size() < HtmlBlockReader::MaxListDepth) {
            m_lists << ListLevel{reading.ordered, ++m_lastId, 0};
            frame.pushedList = true;
        } else if (reading.role == Role::ListItem && !m_lists.isEmpty()) {
            m_lists.last().itemId = ++m_lastId;
        } else if (reading.role == Role::Block && reading.wordListLevel > 0) {
            enterWordListParagraph(reading.wordListLevel, reading.ordered);
            frame.wordListParagraph = true;
        }
        m_formats << reading.format;
        m_frames << frame;
        return true;
    }

    void leave(const GumboNode* node)
    {
        if (node->type == GUMBO_NODE_DOCUMENT)
            return;
        const Frame frame = m_frames.takeLast();
        m_formats.removeLast();
        if (frame.role == ElementReading::Role::Inline)
            return;
        finishBlock();
        m_alignments.removeLast();
        if (frame.pushedHeading)
            m_headings.removeLast();
        if (frame.pushedList)
            m_lists.removeLast();
        if (frame.wordListParagraph)
            m_inWordListParagraph = false;
    }

    RichText finish()
    {
        finishBlock();
        return m_blocks;
    }

private:
    // A word processor writes a list as paragraphs that each name their level; they become list items,
    // one list per level, until a paragraph that is not in a list.
    void enterWordListParagraph(int level, bool ordered)
    {
        level = qMin(level, HtmlBlockReader::MaxListDepth);
        while (m_wordLists.size() > level)
            m_wordLists.removeLast();
        if (m_wordLists.size() == level && m_wordLists.last().ordered != ordered)
            m_wordLists.removeLast();
        if (m_wordLists.size() == level)
            m_wordLists.last().itemId = ++m_lastId;
        while (m_wordLists.size() < level) {
            const int listId = ++m_lastId;
            m_wordLists << ListLevel{ordered, listId, ++m_lastId};
        }
        m_inWordListParagraph = true;
    }

    // Gives the block being started what encloses it.
    void start()
    {
        m_started = true;
        if (!m_headings.isEmpty()) {
            m_current.kind = RichBlock::Kind::Heading;
            m_current.headingLevel = m_headings.last();
        }
        m_current.alignment = m_alignments.last();
        for (ListLevel& level : m_lists) {
            if (level.itemId == 0) // content in a list but in no item: an item of its own
                level.itemId = ++m_lastId;
        }
        if (!m_inWordListParagraph)
            m_wordLists.clear();
        m_current.lists = m_lists;
        m_current.lists << m_wordLists;
    }

    bool endsInSpaceOrBreak() const
    {
        if (m_current.runs.isEmpty())
            return true;
        const RichRun& last = m_current.runs.last();
        return last.kind == RichRun::Kind::LineBreak
            || (last.kind == RichRun::Kind::Text && last.text.endsWith(QLatin1Char(' ')));
    }

    void appendText(const QString& raw)
    {
        QString text;
        text.reserve(raw.size());
        bool space = m_started ? endsInSpaceOrBreak() : true;
        for (const QChar c : raw) {
            if (isCollapsible(c)) {
                if (!space)
                    text += QLatin1Char(' ');
                space = true;
            } else {
                text += c;
                space = false;
            }
        }
        if (text.isEmpty())
            return;
        if (!m_started)
            start();
        const RunFormat& format = m_formats.last();
        if (!m_current.runs.isEmpty() && m_current.runs.last().kind == RichRun::Kind::Text
            && m_current.runs.last().format == format) {
            m_current.runs.last().text += text;
            return;
        }
        RichRun run;
        run.format = format;
        run.text = text;
        m_current.runs << run;
    }

    void trimTrailingSpace()
    {
        while (!m_current.runs.isEmpty() && m_current.runs.last().kind == RichRun::Kind::Text) {
            QString& text = m_current.runs.last().text;
            while (text.endsWith(QLatin1Char(' ')))
                text.chop(1);
            if (!text.isEmpty())
                return;
            m_current.runs.removeLast();
        }
    }

    void appendBreak()
    {
        if (!m_started)
            return;
        trimTrailingSpace();
        RichRun run;
        run.kind = RichRun::Kind::LineBreak;
        m_current.runs << run;
    }

    void appendImage(RichRun image)
    {
        if (!m_started)
            start();
        image.format = m_formats.last();
        m_current.runs << image;
    }

    bool hasContent() const
    {
        for (const RichRun& run : m_current.runs) {
            if (run.kind == RichRun::Kind::Image)
                return true;
            if (run.kind == RichRun::Kind::Text) {
                for (const QChar c : run.text) {
                    if (!isBlank(c))
                        return true;
                }
            }
        }
        return false;
    }

    void finishBlock()
    {
        if (!m_started)
            return;
        trimTrailingSpace();
        while (!m_current.runs.isEmpty() && m_current.runs.last().kind == RichRun::Kind::LineBreak) {
            m_current.runs.removeLast();
            trimTrailingSpace();
        }
        if (hasContent())
            m_blocks << m_current;
        m_current = RichBlock();
        m_started = false;
    }

    ElementClassifier* m_classifier;
    RichText m_blocks;
    RichBlock m_current;
    bool m_started = false;
    int m_lastId = 0;
    QVector<RunFormat> m_formats{RunFormat()};
    QVector<QString> m_alignments{QString()};
    QVector<int> m_headings;
    QList<ListLevel> m_lists;
    QList<ListLevel> m_wordLists;
    bool m_inWordListParagraph = false;
    QVector<Frame> m_frames;
};
} // namespace

RichText HtmlBlockReader::read(const QString& html, ElementClassifier* classifier)
{
    const HtmlTree tree(html);
    Builder builder(classifier);
    HtmlTree::walk(
        tree.document(), [&](const GumboNode* node) { return builder.enter(node); },
        [&](const GumboNode* node) { builder.leave(node); });
    return builder.finish();
}

} // namespace herald
