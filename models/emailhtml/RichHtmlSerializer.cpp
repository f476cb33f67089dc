#include "RichHtmlSerializer.h"

#include <QStringList>
#include <QVector>

namespace herald {

namespace {
QString joinedStyle(const QStringList& declarations)
{
    QStringList present;
    for (const QString& declaration : declarations) {
        if (!declaration.isEmpty())
            present << declaration;
    }
    return present.join(QLatin1Char(';'));
}

QString styleAttribute(const QString& style)
{
    return style.isEmpty() ? QString() : QStringLiteral(" style=\"%1\"").arg(RichHtmlSerializer::escapeAttribute(style));
}

QString alignment(const RichBlock& block)
{
    return block.alignment.isEmpty() ? QString() : QStringLiteral("text-align:") + block.alignment;
}

// An inline element a run stands in; runs next to each other share the elements they have in common.
struct InlineTag
{
    QString open;
    QString close;
    bool operator==(const InlineTag& other) const { return open == other.open; }
};

QVector<InlineTag> inlineTags(const RunFormat& format, const HtmlStyleSheet& styles)
{
    QVector<InlineTag> tags;
    const QString a = QStringLiteral("</a>");
    if (format.isButton()) {
        const QString text = format.color.isEmpty() ? QStringLiteral("#ffffff") : format.color;
        const QString style = joinedStyle({styles.button, QStringLiteral("background-color:") + format.buttonColor,
                                           QStringLiteral("color:") + text});
        tags.append({QStringLiteral("<a href=\"%1\"%2>").arg(RichHtmlSerializer::escapeAttribute(format.href), styleAttribute(style)), a});
    } else if (!format.href.isEmpty()) {
        tags.append({QStringLiteral("<a href=\"%1\"%2>").arg(RichHtmlSerializer::escapeAttribute(format.href), styleAttribute(styles.link)), a});
    }
    if (!format.color.isEmpty() && !format.isButton())
        tags.append({QStringLiteral("<span style=\"color:%1\">").arg(RichHtmlSerializer::escapeAttribute(format.color)), QStringLiteral("</span>")});
    if (format.bold)
        tags.append({QStringLiteral("<strong>"), QStringLiteral("</strong>")});
    if (format.italic)
        tags.append({QStringLiteral("<em>"), QStringLiteral("</em>")});
    if (format.underline)
        tags.append({QStringLiteral("<u>"), QStringLiteral("</u>")});
    return tags;
}

QString image(const RichRun& run, const HtmlStyleSheet& styles)
{
    QString html = QStringLiteral("<img src=\"%1\"").arg(RichHtmlSerializer::escapeAttribute(run.imageSrc));
    if (run.hasAlt)
        html += QStringLiteral(" alt=\"%1\"").arg(RichHtmlSerializer::escapeAttribute(run.imageAlt));
    if (run.imageWidth > 0)
        html += QStringLiteral(" width=\"%1\"").arg(run.imageWidth);
    if (run.imageHeight > 0)
        html += QStringLiteral(" height=\"%1\"").arg(run.imageHeight);
    return html + styleAttribute(styles.image) + QLatin1Char('>');
}

QString runs(const QList<RichRun>& content, const HtmlStyleSheet& styles)
{
    QString html;
    QVector<InlineTag> open;
    for (const RichRun& run : content) {
        const QVector<InlineTag> wanted = run.kind == RichRun::Kind::LineBreak ? QVector<InlineTag>() : inlineTags(run.format, styles);
        qsizetype shared = 0;
        while (shared < open.size() && shared < wanted.size() && open.at(shared) == wanted.at(shared))
            ++shared;
        while (open.size() > shared)
            html += open.takeLast().close;
        for (qsizetype i = shared; i < wanted.size(); ++i) {
            html += wanted.at(i).open;
            open.append(wanted.at(i));
        }
        if (run.kind == RichRun::Kind::Text)
            html += RichHtmlSerializer::escapeText(run.text);
        else if (run.kind == RichRun::Kind::LineBreak)
            html += QStringLiteral("<br>");
        else
            html += image(run, styles);
    }
    while (!open.isEmpty())
        html += open.takeLast().close;
    return html;
}

class Writer
{
public:
    explicit Writer(const HtmlStyleSheet& styles) : m_styles(styles) {}

    void write(const RichBlock& block)
    {
        if (block.lists.isEmpty()) {
            closeListsFrom(0);
            writeTopLevel(block);
            return;
        }
        qsizetype same = 0;
        while (same < m_open.size() && same < block.lists.size() && m_open.at(same) == block.lists.at(same))
            ++same;
        if (same == m_open.size() && same == block.lists.size()) {
            m_html += QStringLiteral("<br>"); // a second paragraph of one list item
        } else {
            // The first level that differs keeps its list when only the item changed.
            const bool keepList = same < m_open.size() && same < block.lists.size()
                && m_open.at(same).listId == block.lists.at(same).listId;
            closeListsFrom(same, keepList);
            for (qsizetype level = same; level < block.lists.size(); ++level) {
                if (level != same || !keepList) {
                    lineBreak();
                    m_html += QStringLiteral("<%1%2>\n").arg(listTag(block.lists.at(level)), styleAttribute(m_styles.list));
                }
                m_html += QStringLiteral("<li%1>").arg(styleAttribute(joinedStyle({m_styles.listItem, alignment(block)})));
                m_open.append(block.lists.at(level));
            }
        }
        m_html += runs(block.runs, m_styles);
    }

    QString finish()
    {
        closeListsFrom(0);
        return m_html;
    }

private:
    static QString listTag(const ListLevel& level) { return level.ordered ? QStringLiteral("ol") : QStringLiteral("ul"); }

    void lineBreak()
    {
        if (!m_html.isEmpty() && !m_html.endsWith(QLatin1Char('\n')))
            m_html += QLatin1Char('\n');
    }

    // Closes the open list items from level on, and their lists; the list at level stays open with keepList.
    void closeListsFrom(qsizetype level, bool keepList = false)
    {
        while (m_open.size() > level) {
            const ListLevel closing = m_open.takeLast();
            m_html += QStringLiteral("</li>\n");
            if (m_open.size() > level || !keepList)
                m_html += QStringLiteral("</%1>\n").arg(listTag(closing));
        }
    }

    void writeTopLevel(const RichBlock& block)
    {
        if (block.kind == RichBlock::Kind::Rule) {
            m_html += QStringLiteral("<hr%1>\n").arg(styleAttribute(m_styles.rule));
            return;
        }
        const bool heading = block.kind == RichBlock::Kind::Heading;
        const int level = qBound(1, block.headingLevel, 6);
        const QString tag = heading ? QStringLiteral("h%1").arg(level) : QStringLiteral("p");
        const QString style = joinedStyle({heading ? m_styles.headings[level - 1] : m_styles.paragraph, alignment(block)});
        m_html += QStringLiteral("<%1%2>%3</%1>\n").arg(tag, styleAttribute(style), runs(block.runs, m_styles));
    }

    const HtmlStyleSheet& m_styles;
    QString m_html;
    QList<ListLevel> m_open;
};
} // namespace

QString RichHtmlSerializer::toHtml(const RichText& text, const HtmlStyleSheet& styles)
{
    Writer writer(styles);
    for (const RichBlock& block : text)
        writer.write(block);
    return writer.finish();
}

QString RichHtmlSerializer::escapeText(const QString& text)
{
    QString escaped;
    escaped.reserve(text.size());
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '&': escaped += QStringLiteral("&amp;"); break;
        case '<': escaped += QStringLiteral("&lt;"); break;
        case '>': escaped += QStringLiteral("&gt;"); break;
        case 0x00A0: escaped += QStringLiteral("&nbsp;"); break;
        default: escaped += c;
        }
    }
    return escaped;
}

QString RichHtmlSerializer::escapeAttribute(const QString& value)
{
    QString escaped = escapeText(value);
    escaped.replace(QLatin1Char('"'), QStringLiteral("&quot;"));
    return escaped;
}

} // namespace herald
