#include "PasteCleaner.h"

#include "HtmlBlockReader.h"
#include "HtmlTree.h"
#include "MessageUrls.h"
#include "RichHtmlSerializer.h"
#include "StyleDeclarations.h"

#include <QSet>

namespace herald {

namespace {
// Elements whose content never belongs in a message.
const QSet<QString>& droppedElements()
{
    static const QSet<QString> dropped{
        QStringLiteral("head"),   QStringLiteral("script"),   QStringLiteral("style"),    QStringLiteral("noscript"),
        QStringLiteral("template"), QStringLiteral("iframe"), QStringLiteral("frame"),    QStringLiteral("frameset"),
        QStringLiteral("object"), QStringLiteral("embed"),    QStringLiteral("applet"),   QStringLiteral("form"),
        QStringLiteral("input"),  QStringLiteral("button"),   QStringLiteral("select"),   QStringLiteral("textarea"),
        QStringLiteral("option"), QStringLiteral("svg"),      QStringLiteral("math"),     QStringLiteral("canvas"),
        QStringLiteral("video"),  QStringLiteral("audio"),    QStringLiteral("picture"),  QStringLiteral("source"),
        QStringLiteral("nav"),    QStringLiteral("title"),    QStringLiteral("meta"),     QStringLiteral("link"),
        QStringLiteral("map"),    QStringLiteral("dialog"),   QStringLiteral("xml"),
    };
    return dropped;
}

// Elements that lay out blocks: their content is a block of its own.
const QSet<QString>& blockElements()
{
    static const QSet<QString> blocks{
        QStringLiteral("p"),       QStringLiteral("div"),     QStringLiteral("table"),   QStringLiteral("tr"),
        QStringLiteral("td"),      QStringLiteral("th"),      QStringLiteral("thead"),   QStringLiteral("tbody"),
        QStringLiteral("tfoot"),   QStringLiteral("caption"), QStringLiteral("blockquote"), QStringLiteral("section"),
        QStringLiteral("article"), QStringLiteral("header"),  QStringLiteral("footer"),  QStringLiteral("main"),
        QStringLiteral("aside"),   QStringLiteral("figure"),  QStringLiteral("figcaption"), QStringLiteral("dl"),
        QStringLiteral("dt"),      QStringLiteral("dd"),      QStringLiteral("pre"),     QStringLiteral("address"),
        QStringLiteral("center"),  QStringLiteral("hr"),      QStringLiteral("body"),    QStringLiteral("html"),
    };
    return blocks;
}

bool isKeptLink(const QString& href)
{
    return MessageUrls::isAllowed(href.trimmed(), MessageUrls::Use::Link);
}

bool isKeptImageSource(const QString& src)
{
    return MessageUrls::isAllowed(src.trimmed(), MessageUrls::Use::Image);
}

// A length in CSS pixels from an attribute ("600") or a style ("600px"); 0 when none is given.
int pixels(const QString& attribute, const QString& styleValue)
{
    for (const QString& candidate : {attribute.trimmed(), styleValue}) {
        QString digits;
        for (const QChar c : candidate) {
            if (!c.isDigit())
                break;
            digits += c;
        }
        const QString unit = candidate.mid(digits.size()).trimmed();
        if (!digits.isEmpty() && (unit.isEmpty() || unit == QLatin1String("px")))
            return digits.toInt();
    }
    return 0;
}

void applyStyle(const StyleDeclarations& style, RunFormat* format)
{
    const QString weight = style.value(QStringLiteral("font-weight"));
    if (weight == QLatin1String("bold") || weight == QLatin1String("bolder") || weight.toInt() >= 600)
        format->bold = true;
    else if (weight == QLatin1String("normal") || weight == QLatin1String("lighter") || (weight.toInt() > 0 && weight.toInt() < 600))
        format->bold = false;
    const QString fontStyle = style.value(QStringLiteral("font-style"));
    if (fontStyle == QLatin1String("italic") || fontStyle == QLatin1String("oblique"))
        format->italic = true;
    else if (fontStyle == QLatin1String("normal"))
        format->italic = false;
    for (const QString& property : {QStringLiteral("text-decoration"), QStringLiteral("text-decoration-line")}) {
        if (style.value(property).contains(QLatin1String("underline")))
            format->underline = true;
    }
}

// Word marks its list paragraphs "mso-list:l0 level2 lfo1"; the number or bullet it shows comes first,
// in a span marked "mso-list:Ignore".
int wordListLevel(const StyleDeclarations& style)
{
    const QString list = style.value(QStringLiteral("mso-list"));
    const qsizetype at = list.indexOf(QLatin1String("level"));
    return at < 0 ? 0 : qMax(1, list.mid(at + 5).section(QLatin1Char(' '), 0, 0).toInt());
}

bool isWordListMarker(const StyleDeclarations& style)
{
    return style.value(QStringLiteral("mso-list")) == QLatin1String("ignore");
}

bool wordListIsOrdered(const GumboNode* paragraph)
{
    QString marker;
    HtmlTree::forEachNode(paragraph, [&](const GumboNode* node) {
        if (marker.isEmpty() && HtmlTree::isElement(node)
            && isWordListMarker(StyleDeclarations(HtmlTree::attribute(node, "style"))))
            marker = HtmlTree::text(node).remove(QChar(0x00A0)).trimmed();
    });
    // "1." "a)" "iv." are numbers; "·", "o", "§" bullets.
    return marker.size() >= 2 && (marker.endsWith(QLatin1Char('.')) || marker.endsWith(QLatin1Char(')')));
}

bool isHidden(const GumboNode* element, const StyleDeclarations& style)
{
    return HtmlTree::hasAttribute(element, "hidden") || style.value(QStringLiteral("display")) == QLatin1String("none")
        || style.value(QStringLiteral("visibility")) == QLatin1String("hidden") || isWordListMarker(style);
}

class PasteClassifier : public ElementClassifier
{
public:
    ElementReading classify(const GumboNode* element, const RunFormat& inherited) override
    {
        using Role = ElementReading::Role;
        ElementReading reading;
        const QString tag = HtmlTree::tagName(element);
        const StyleDeclarations style(HtmlTree::attribute(element, "style"));
        if (droppedElements().contains(tag) || isHidden(element, style)) {
            reading.role = Role::Drop;
            return reading;
        }
        reading.format = inherited;
        if (tag == QLatin1String("b") || tag == QLatin1String("strong"))
            reading.format.bold = true;
        else if (tag == QLatin1String("i") || tag == QLatin1String("em"))
            reading.format.italic = true;
        else if (tag == QLatin1String("u") || tag == QLatin1String("ins"))
            reading.format.underline = true;
        else if (tag == QLatin1String("a") && isKeptLink(HtmlTree::attribute(element, "href").trimmed()))
            reading.format.href = HtmlTree::attribute(element, "href").trimmed();
        applyStyle(style, &reading.format); // Google Docs wraps a paste in <b style="font-weight:normal">

        if (tag == QLatin1String("br")) {
            reading.role = Role::LineBreak;
        } else if (tag == QLatin1String("img")) {
            readImage(element, style, &reading);
        } else if (tag.size() == 2 && tag.at(0) == QLatin1Char('h') && tag.at(1) >= QLatin1Char('1') && tag.at(1) <= QLatin1Char('6')) {
            reading.role = Role::Heading;
            reading.headingLevel = qMin(3, tag.at(1).digitValue());
        } else if (tag == QLatin1String("ul") || tag == QLatin1String("ol")) {
            reading.role = Role::List;
            reading.ordered = tag == QLatin1String("ol");
        } else if (tag == QLatin1String("li")) {
            reading.role = Role::ListItem;
        } else if (blockElements().contains(tag)) {
            reading.role = Role::Block;
            reading.wordListLevel = wordListLevel(style);
            if (reading.wordListLevel > 0)
                reading.ordered = wordListIsOrdered(element);
        }
        return reading;
    }

private:
    static void readImage(const GumboNode* element, const StyleDeclarations& style, ElementReading* reading)
    {
        const QString src = HtmlTree::attribute(element, "src").trimmed();
        const int width = pixels(HtmlTree::attribute(element, "width"), style.value(QStringLiteral("width")));
        const int height = pixels(HtmlTree::attribute(element, "height"), style.value(QStringLiteral("height")));
        const bool trackingPixel = (width > 0 && width <= 1) || (height > 0 && height <= 1);
        if (!isKeptImageSource(src) || trackingPixel) {
            reading->role = ElementReading::Role::Drop;
            return;
        }
        reading->role = ElementReading::Role::Image;
        reading->image.kind = RichRun::Kind::Image;
        reading->image.imageSrc = src;
        reading->image.hasAlt = HtmlTree::hasAttribute(element, "alt");
        reading->image.imageAlt = HtmlTree::attribute(element, "alt").simplified();
        reading->image.imageWidth = width;
    }
};
} // namespace

QString PasteCleaner::clean(const QString& pastedHtml)
{
    PasteClassifier classifier;
    return RichHtmlSerializer::toHtml(HtmlBlockReader::read(pastedHtml, &classifier));
}

} // namespace herald
