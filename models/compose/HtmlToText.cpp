#include "HtmlToText.h"

#include <QHash>
#include <QList>
#include <QRegularExpression>
#include <QStringList>

#include <algorithm>
#include <initializer_list>

namespace herald {

namespace {

// The named entities mail HTML uses; others are left as written.
const QHash<QString, QString>& namedEntities()
{
    static const QHash<QString, QString> entities = {
        {QStringLiteral("amp"), QStringLiteral("&")},          {QStringLiteral("lt"), QStringLiteral("<")},
        {QStringLiteral("gt"), QStringLiteral(">")},           {QStringLiteral("quot"), QStringLiteral("\"")},
        {QStringLiteral("apos"), QStringLiteral("'")},         {QStringLiteral("nbsp"), QStringLiteral(" ")},
        {QStringLiteral("copy"), QStringLiteral("\u00A9")},    {QStringLiteral("reg"), QStringLiteral("\u00AE")},
        {QStringLiteral("trade"), QStringLiteral("\u2122")},   {QStringLiteral("hellip"), QStringLiteral("\u2026")},
        {QStringLiteral("mdash"), QStringLiteral("\u2014")},   {QStringLiteral("ndash"), QStringLiteral("\u2013")},
        {QStringLiteral("lsquo"), QStringLiteral("\u2018")},   {QStringLiteral("rsquo"), QStringLiteral("\u2019")},
        {QStringLiteral("ldquo"), QStringLiteral("\u201C")},   {QStringLiteral("rdquo"), QStringLiteral("\u201D")},
        {QStringLiteral("laquo"), QStringLiteral("\u00AB")},   {QStringLiteral("raquo"), QStringLiteral("\u00BB")},
        {QStringLiteral("bull"), QStringLiteral("\u2022")},    {QStringLiteral("middot"), QStringLiteral("\u00B7")},
        {QStringLiteral("euro"), QStringLiteral("\u20AC")},    {QStringLiteral("pound"), QStringLiteral("\u00A3")},
        {QStringLiteral("yen"), QStringLiteral("\u00A5")},     {QStringLiteral("cent"), QStringLiteral("\u00A2")},
        {QStringLiteral("deg"), QStringLiteral("\u00B0")},     {QStringLiteral("times"), QStringLiteral("\u00D7")},
        {QStringLiteral("eacute"), QStringLiteral("\u00E9")},  {QStringLiteral("egrave"), QStringLiteral("\u00E8")},
        {QStringLiteral("aacute"), QStringLiteral("\u00E1")},  {QStringLiteral("agrave"), QStringLiteral("\u00E0")},
        {QStringLiteral("uuml"), QStringLiteral("\u00FC")},    {QStringLiteral("ouml"), QStringLiteral("\u00F6")},
        {QStringLiteral("auml"), QStringLiteral("\u00E4")},    {QStringLiteral("szlig"), QStringLiteral("\u00DF")},
        {QStringLiteral("ccedil"), QStringLiteral("\u00E7")},  {QStringLiteral("ntilde"), QStringLiteral("\u00F1")},
    };
    return entities;
}

// Length of the {{tag}} or {{{tag}}} starting at `from`, or 0 when none starts there.
qsizetype mustacheLength(const QString& html, qsizetype from)
{
    if (!QStringView(html).mid(from).startsWith(QLatin1String("{{")))
        return 0;
    const bool triple = QStringView(html).mid(from).startsWith(QLatin1String("{{{"));
    const QString close = triple ? QStringLiteral("}}}") : QStringLiteral("}}");
    const qsizetype end = html.indexOf(close, from + close.size());
    return end < 0 ? 0 : end + close.size() - from;
}

// Decodes entities, copying mustache tags untouched.
QString decodeEntities(const QString& text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size();) {
        if (const qsizetype tag = mustacheLength(text, i)) {
            out += QStringView(text).mid(i, tag);
            i += tag;
            continue;
        }
        if (text.at(i) == QLatin1Char('&')) {
            const qsizetype semicolon = text.indexOf(QLatin1Char(';'), i + 1);
            if (semicolon > i + 1 && semicolon - i <= 12) {
                const QString name = text.mid(i + 1, semicolon - i - 1);
                QString decoded;
                if (name.startsWith(QLatin1Char('#'))) {
                    bool ok = false;
                    const uint code = name.startsWith(QLatin1String("#x"), Qt::CaseInsensitive) ? name.mid(2).toUInt(&ok, 16)
                                                                                                 : name.mid(1).toUInt(&ok, 10);
                    if (ok && code > 0 && code <= 0x10FFFF) {
                        const char32_t character = code == 0xA0 ? U' ' : char32_t(code);
                        decoded = QString::fromUcs4(&character, 1);
                    }
                } else {
                    decoded = namedEntities().value(name);
                }
                if (!decoded.isEmpty()) {
                    out += decoded;
                    i = semicolon + 1;
                    continue;
                }
            }
        }
        out += text.at(i) == QChar(0xA0) ? QLatin1Char(' ') : text.at(i);
        ++i;
    }
    return out;
}

struct Tag
{
    QString name; // lower case, without the slash
    bool closing = false;
    QHash<QString, QString> attributes;
};

// Parses the tag between `<` and `>` (exclusive); attribute values are decoded.
Tag parseTag(const QString& inside)
{
    static const QRegularExpression attribute(
        QStringLiteral("([^\\s=/]+)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+)))?"));
    Tag tag;
    QString body = inside.trimmed();
    if (body.startsWith(QLatin1Char('/'))) {
        tag.closing = true;
        body = body.mid(1).trimmed();
    }
    qsizetype nameEnd = 0;
    while (nameEnd < body.size() && (body.at(nameEnd).isLetterOrNumber()))
        ++nameEnd;
    tag.name = body.left(nameEnd).toLower();
    auto matches = attribute.globalMatch(body, nameEnd);
    while (matches.hasNext()) {
        const auto match = matches.next();
        const QString value = match.hasCaptured(2) ? match.captured(2)
                            : match.hasCaptured(3) ? match.captured(3)
                                                   : match.captured(4);
        tag.attributes.insert(match.captured(1).toLower(), decodeEntities(value));
    }
    return tag;
}

// Where `>` ends the tag opened at `from`, skipping quoted attribute values; -1 when it never closes.
qsizetype tagEnd(const QString& html, qsizetype from)
{
    QChar quote;
    for (qsizetype i = from + 1; i < html.size(); ++i) {
        const QChar c = html.at(i);
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
        } else if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            quote = c;
        } else if (c == QLatin1Char('>')) {
            return i;
        }
    }
    return -1;
}

// The text being written: words, pending line breaks and spaces, so blocks never pile up blank lines.
class TextWriter
{
public:
    void words(const QString& text, bool preformatted)
    {
        for (const QChar c : text) {
            if (!preformatted && c.isSpace()) {
                m_space = true;
                continue;
            }
            if (preformatted && c == QLatin1Char('\n')) {
                m_out += QLatin1Char('\n');
                m_space = false;
                continue;
            }
            flush();
            m_out += c;
        }
    }
    // At least `count` line breaks before the next words (1: new line, 2: blank line).
    void breakLines(int count) { m_breaks = std::max(m_breaks, count); m_space = false; }
    void prefix(const QString& text) { flush(); m_out += text; m_space = false; }
    void lineBreak()
    {
        m_space = false;
        flush();
        m_out += QLatin1Char('\n');
    }
    qsizetype size() const { return m_out.size(); }
    QString since(qsizetype position) const { return m_out.mid(position); }
    QString finish()
    {
        QStringList lines = m_out.split(QLatin1Char('\n'));
        for (QString& line : lines) {
            while (line.endsWith(QLatin1Char(' ')))
                line.chop(1);
        }
        return lines.join(QLatin1Char('\n')).trimmed() + QLatin1Char('\n');
    }

private:
    void flush()
    {
        if (m_out.isEmpty()) {
            m_breaks = 0;
            m_space = false;
            return;
        }
        if (m_breaks > 0) {
            while (m_out.endsWith(QLatin1Char(' ')))
                m_out.chop(1);
            int already = 0;
            for (qsizetype i = m_out.size() - 1; i >= 0 && m_out.at(i) == QLatin1Char('\n'); --i)
                ++already;
            m_out += QString(std::max(0, m_breaks - already), QLatin1Char('\n'));
        } else if (m_space && !m_out.endsWith(QLatin1Char('\n')) && !m_out.endsWith(QLatin1Char(' '))) {
            m_out += QLatin1Char(' ');
        }
        m_breaks = 0;
        m_space = false;
    }

    QString m_out;
    int m_breaks = 0;
    bool m_space = false;
};

bool isOneOf(const QString& name, std::initializer_list<const char*> names)
{
    for (const char* candidate : names)
        if (name == QLatin1String(candidate))
            return true;
    return false;
}

struct OpenLink
{
    QString href;
    qsizetype textStart = 0;
};

} // namespace

QString HtmlToText::convert(const QString& html)
{
    TextWriter writer;
    QList<OpenLink> links;
    int listDepth = 0;
    int preformatted = 0;
    QString skippedUntil; // the closing tag of <head>, <style>, <script> or <title> while inside one
    qsizetype textStart = 0;

    const auto emitText = [&](qsizetype end) {
        if (end > textStart && skippedUntil.isEmpty())
            writer.words(decodeEntities(html.mid(textStart, end - textStart)), preformatted > 0);
    };

    qsizetype i = 0;
    while (i < html.size()) {
        if (const qsizetype tag = mustacheLength(html, i)) {
            i += tag; // part of the text; emitText copies it untouched
            continue;
        }
        if (html.at(i) != QLatin1Char('<') || i + 1 >= html.size()) {
            ++i;
            continue;
        }
        const QChar next = html.at(i + 1);
        if (QStringView(html).mid(i).startsWith(QLatin1String("<!--"))) {
            emitText(i);
            const qsizetype end = html.indexOf(QLatin1String("-->"), i + 4);
            i = end < 0 ? html.size() : end + 3;
            textStart = i;
            continue;
        }
        if (!next.isLetter() && next != QLatin1Char('/') && next != QLatin1Char('!') && next != QLatin1Char('?')) {
            ++i; // a lone '<' is text
            continue;
        }
        const qsizetype end = tagEnd(html, i);
        if (end < 0) { // a tag cut off at the end: dropped
            emitText(i);
            textStart = html.size();
            break;
        }
        emitText(i);
        const Tag tag = parseTag(html.mid(i + 1, end - i - 1));
        i = end + 1;
        textStart = i;

        if (!skippedUntil.isEmpty()) {
            if (tag.closing && tag.name == skippedUntil)
                skippedUntil.clear();
            continue;
        }
        const QString& name = tag.name;
        if (isOneOf(name, {"head", "style", "script", "title"})) {
            if (!tag.closing)
                skippedUntil = name;
        } else if (name == QLatin1String("br")) {
            writer.lineBreak(); // each <br> ends a line, so two make a blank one
        } else if (isOneOf(name, {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table"})) {
            writer.breakLines(listDepth > 0 ? 1 : 2);
        } else if (isOneOf(name, {"ul", "ol"})) {
            listDepth = std::max(0, listDepth + (tag.closing ? -1 : 1));
            writer.breakLines(listDepth > 0 ? 1 : 2);
        } else if (name == QLatin1String("li")) {
            writer.breakLines(1);
            if (!tag.closing)
                writer.prefix(QString(2 * std::max(0, listDepth - 1), QLatin1Char(' ')) + QStringLiteral("- "));
        } else if (name == QLatin1String("pre")) {
            preformatted = std::max(0, preformatted + (tag.closing ? -1 : 1));
            writer.breakLines(2);
        } else if (isOneOf(name, {"div", "tr", "section", "article", "header", "footer", "center", "dl", "dt", "dd"})) {
            writer.breakLines(1);
        } else if (name == QLatin1String("hr")) {
            writer.breakLines(2);
            writer.prefix(QStringLiteral("----"));
            writer.breakLines(2);
        } else if (isOneOf(name, {"td", "th"}) && !tag.closing) {
            writer.words(QStringLiteral(" "), false);
        } else if (name == QLatin1String("img") && !tag.closing) {
            writer.words(tag.attributes.value(QStringLiteral("alt")), false);
        } else if (name == QLatin1String("a")) {
            if (!tag.closing) {
                links.append({tag.attributes.value(QStringLiteral("href")).trimmed(), writer.size()});
            } else if (!links.isEmpty()) {
                const OpenLink link = links.takeLast();
                const QString text = writer.since(link.textStart).trimmed();
                QString shown = link.href;
                if (shown.startsWith(QLatin1String("mailto:"), Qt::CaseInsensitive))
                    shown = shown.mid(7);
                if (!shown.isEmpty() && !link.href.startsWith(QLatin1Char('#')) && text != shown) {
                    writer.words(QStringLiteral(" "), false);
                    writer.prefix(text.isEmpty() ? shown : QStringLiteral("(%1)").arg(shown));
                }
            }
        }
    }
    emitText(html.size());
    return writer.finish();
}

} // namespace herald
