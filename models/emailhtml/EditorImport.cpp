#include "EditorImport.h"

#include "EmailHtmlWriter.h"
#include "HtmlBlockReader.h"
#include "HtmlTree.h"
#include "RichHtmlSerializer.h"
#include "StyleDeclarations.h"

#include <QColor>
#include <QSet>

namespace herald {

namespace {
bool isHeraldTable(const GumboNode* table)
{
    const QString marker = HtmlTree::attribute(table, "data-herald");
    return marker == QLatin1String("layout") || marker == QLatin1String("column");
}

const GumboNode* enclosingTable(const GumboNode* node)
{
    for (const GumboNode* up = node->parent; up; up = up->parent) {
        if (HtmlTree::isElement(up) && up->v.element.tag == GUMBO_TAG_TABLE)
            return up;
    }
    return nullptr;
}

bool documentHasClasses(const GumboNode* node)
{
    while (node->parent)
        node = node->parent;
    bool found = false;
    HtmlTree::forEachNode(node, [&](const GumboNode* current) {
        found = found || (HtmlTree::isElement(current) && HtmlTree::hasAttribute(current, "class"));
    });
    return found;
}

int pixelCount(const QString& value, bool* ok)
{
    const int number = value.trimmed().toInt(ok);
    *ok = *ok && number > 0;
    return number;
}

class EditorClassifier : public ElementClassifier
{
public:
    const QString& reason() const { return m_reason; }

    void comment(const GumboNode* node) override
    {
        const QString comment = QStringLiteral("<!--%1-->").arg(QString::fromUtf8(node->v.text.text));
        if (comment != EmailHtmlWriter::outlookOpening() && comment != EmailHtmlWriter::outlookClosing())
            lose(EditorImport::tr("Opened as HTML: the template has an HTML comment, which the visual editor would drop."));
    }

    ElementReading classify(const GumboNode* element, const RunFormat& inherited) override
    {
        using Role = ElementReading::Role;
        ElementReading reading;
        reading.format = inherited;
        const QString tag = HtmlTree::tagName(element);
        const HtmlStyleSheet& sheet = EmailHtmlWriter::styles();
        if (tag == QLatin1String("html") || tag == QLatin1String("head")) {
            return reading;
        } else if (tag == QLatin1String("title") || tag == QLatin1String("meta")) {
            reading.role = Role::Drop; // the writer writes its own
        } else if (tag == QLatin1String("style")) {
            lose(documentHasClasses(element)
                     ? EditorImport::tr("Opened as HTML: the template uses CSS classes from a <style> block; the visual "
                                        "editor keeps only inline styles.")
                     : EditorImport::tr("Opened as HTML: the template has a <style> block, whose rules the visual editor "
                                        "would drop."));
            reading.role = Role::Drop;
        } else if (tag == QLatin1String("body")) {
            reading.role = Role::Block;
            checkAttributes(element, tag, {QStringLiteral("style")}, EmailHtmlWriter::bodyStyle());
        } else if (tag == QLatin1String("table") || tag == QLatin1String("tbody") || tag == QLatin1String("tr")
                   || tag == QLatin1String("td")) {
            const GumboNode* table = tag == QLatin1String("table") ? element : enclosingTable(element);
            if (!table || !isHeraldTable(table))
                lose(EditorImport::tr("Opened as HTML: the template uses a <table> layout, which the visual editor "
                                      "cannot keep."));
            reading.role = Role::Block; // Herald's own layout: written again around the content
        } else if (tag == QLatin1String("p") || tag == QLatin1String("div")) {
            reading.role = Role::Block;
            reading.alignment = checkBlockStyle(element, tag, tag == QLatin1String("p") ? sheet.paragraph : QString());
        } else if (tag.size() == 2 && tag.at(0) == QLatin1Char('h') && tag.at(1) >= QLatin1Char('1') && tag.at(1) <= QLatin1Char('6')) {
            reading.role = Role::Heading;
            reading.headingLevel = tag.at(1).digitValue();
            reading.alignment = checkBlockStyle(element, tag, sheet.headings[reading.headingLevel - 1]);
        } else if (tag == QLatin1String("ul") || tag == QLatin1String("ol")) {
            reading.role = Role::List;
            reading.ordered = tag == QLatin1String("ol");
            checkAttributes(element, tag, {QStringLiteral("style")}, sheet.list);
        } else if (tag == QLatin1String("li")) {
            reading.role = Role::ListItem;
            reading.alignment = checkBlockStyle(element, tag, sheet.listItem);
        } else if (tag == QLatin1String("br")) {
            reading.role = Role::LineBreak;
            checkAttributes(element, tag, {});
        } else if (tag == QLatin1String("hr")) {
            reading.role = Role::Rule;
            checkAttributes(element, tag, {QStringLiteral("style")}, sheet.rule);
        } else if (tag == QLatin1String("img")) {
            readImage(element, &reading);
        } else if (tag == QLatin1String("a")) {
            readLink(element, &reading);
        } else if (tag == QLatin1String("strong") || tag == QLatin1String("b")) {
            reading.format.bold = true;
            checkAttributes(element, tag, {});
        } else if (tag == QLatin1String("em") || tag == QLatin1String("i")) {
            reading.format.italic = true;
            checkAttributes(element, tag, {});
        } else if (tag == QLatin1String("u")) {
            reading.format.underline = true;
            checkAttributes(element, tag, {});
        } else if (tag == QLatin1String("span")) {
            const StyleDeclarations style(HtmlTree::attribute(element, "style"));
            checkAttributes(element, tag, {QStringLiteral("style")}, QString(), {QStringLiteral("color")});
            if (style.has(QStringLiteral("color")))
                reading.format.color = colour(style.value(QStringLiteral("color")), tag);
        } else {
            lose(EditorImport::tr("Opened as HTML: the template has a <%1> element, which the visual editor cannot "
                                  "keep.")
                     .arg(tag));
            reading.role = Role::Drop;
        }
        return reading;
    }

private:
    void lose(const QString& reason)
    {
        if (m_reason.isEmpty())
            m_reason = reason;
    }

    QString colour(const QString& value, const QString& tag)
    {
        const QColor colour(value);
        if (!colour.isValid())
            lose(EditorImport::tr("Opened as HTML: the style \"%1\" on <%2> would be lost in the visual editor.")
                     .arg(QStringLiteral("color:") + value, tag));
        return colour.name();
    }

    // Only the attributes listed; a style only with the writer's declarations for the element (same
    // values) and the ones the editor holds itself (any value).
    void checkAttributes(const GumboNode* element, const QString& tag, const QSet<QString>& allowed,
                         const QString& writerStyle = QString(), const QSet<QString>& editorProperties = {})
    {
        const GumboVector& attributes = element->v.element.attributes;
        for (unsigned int i = 0; i < attributes.length; ++i) {
            const auto* attribute = static_cast<const GumboAttribute*>(attributes.data[i]);
            const QString name = QString::fromUtf8(attribute->name).toLower();
            if (!allowed.contains(name))
                lose(EditorImport::tr("Opened as HTML: the attribute %1=\"%2\" on <%3> would be lost in the visual editor.")
                         .arg(name, QString::fromUtf8(attribute->value), tag));
        }
        const StyleDeclarations known(writerStyle);
        const StyleDeclarations given(HtmlTree::attribute(element, "style"));
        for (const auto& [property, value] : given.all()) {
            if (!editorProperties.contains(property) && known.value(property) != value.toLower())
                lose(EditorImport::tr("Opened as HTML: the style \"%1\" on <%2> would be lost in the visual editor.")
                         .arg(property + QLatin1Char(':') + value, tag));
        }
    }

    QString checkBlockStyle(const GumboNode* element, const QString& tag, const QString& writerStyle)
    {
        checkAttributes(element, tag, {QStringLiteral("style")}, writerStyle, {QStringLiteral("text-align")});
        const QString alignment = StyleDeclarations(HtmlTree::attribute(element, "style")).value(QStringLiteral("text-align"));
        if (alignment == QLatin1String("center") || alignment == QLatin1String("right") || alignment == QLatin1String("justify"))
            return alignment;
        if (!alignment.isEmpty() && alignment != QLatin1String("left"))
            lose(EditorImport::tr("Opened as HTML: the style \"%1\" on <%2> would be lost in the visual editor.")
                     .arg(QStringLiteral("text-align:") + alignment, tag));
        return {};
    }

    void readLink(const GumboNode* element, ElementReading* reading)
    {
        const StyleDeclarations style(HtmlTree::attribute(element, "style"));
        const bool button = style.has(QStringLiteral("background-color"));
        const QString writerStyle = button ? EmailHtmlWriter::styles().button : EmailHtmlWriter::styles().link;
        checkAttributes(element, QStringLiteral("a"), {QStringLiteral("href"), QStringLiteral("style")}, writerStyle,
                        button ? QSet<QString>{QStringLiteral("background-color"), QStringLiteral("color")} : QSet<QString>{});
        reading->format.href = HtmlTree::attribute(element, "href");
        reading->format.color.clear();
        reading->format.buttonColor.clear();
        if (button) {
            reading->format.buttonColor = colour(style.value(QStringLiteral("background-color")), QStringLiteral("a"));
            if (style.has(QStringLiteral("color")))
                reading->format.color = colour(style.value(QStringLiteral("color")), QStringLiteral("a"));
        }
    }

    void readImage(const GumboNode* element, ElementReading* reading)
    {
        const QString tag = QStringLiteral("img");
        checkAttributes(element, tag,
                        {QStringLiteral("src"), QStringLiteral("alt"), QStringLiteral("width"), QStringLiteral("height"),
                         QStringLiteral("style")},
                        EmailHtmlWriter::styles().image);
        RichRun& image = reading->image;
        image.kind = RichRun::Kind::Image;
        image.imageSrc = HtmlTree::attribute(element, "src");
        image.hasAlt = HtmlTree::hasAttribute(element, "alt");
        image.imageAlt = HtmlTree::attribute(element, "alt");
        for (const auto& [name, size] : {std::pair<const char*, int*>{"width", &image.imageWidth}, {"height", &image.imageHeight}}) {
            if (!HtmlTree::hasAttribute(element, name))
                continue;
            bool ok = false;
            *size = pixelCount(HtmlTree::attribute(element, name), &ok);
            if (!ok)
                lose(EditorImport::tr("Opened as HTML: the attribute %1=\"%2\" on <%3> would be lost in the visual editor.")
                         .arg(QString::fromLatin1(name), HtmlTree::attribute(element, name), tag));
        }
        reading->role = ElementReading::Role::Image;
    }

    QString m_reason;
};
} // namespace

Result<QString> EditorImport::editorHtml(const QString& templateHtml)
{
    EditorClassifier classifier;
    const RichText content = HtmlBlockReader::read(templateHtml, &classifier);
    if (!classifier.reason().isEmpty())
        return Error::validation(QStringLiteral("html"), classifier.reason());
    return RichHtmlSerializer::toHtml(content);
}

} // namespace herald
