#include "HtmlLinkScanner.h"

#include "emailhtml/HtmlTree.h"

#include <algorithm>
#include <map>

namespace herald {

namespace {
class Scanner
{
public:
    explicit Scanner(const HtmlTree& tree) : m_utf8(tree.utf8()), m_tree(tree) {}

    // Where piece starts in the source, in bytes; -1 when it is empty or not a piece of the source.
    qsizetype byteOffset(const GumboStringPiece& piece) const
    {
        const auto begin = reinterpret_cast<quintptr>(m_utf8.constData());
        const auto at = reinterpret_cast<quintptr>(piece.data);
        if (!piece.data || piece.length == 0 || at < begin || at + piece.length > begin + quintptr(m_utf8.size()))
            return -1;
        return qsizetype(at - begin);
    }

    qsizetype index(qsizetype byte) const { return m_tree.indexOfByte(byte); }

    // The href of an <a> or <area>; false for other nodes and for hrefs the source does not spell.
    bool linkOf(const GumboNode* node, HtmlLink* link) const
    {
        if (!isHtmlElement(node, {GUMBO_TAG_A, GUMBO_TAG_AREA}) || !valueOf(node, "href", link))
            return false;
        link->noTrack = gumbo_get_attribute(&node->v.element.attributes, "data-herald-notrack") != nullptr;
        return true;
    }

    // The src of an <img>; false for other nodes and for sources the source does not spell.
    bool imageOf(const GumboNode* node, HtmlLink* image) const
    {
        return isHtmlElement(node, {GUMBO_TAG_IMG}) && valueOf(node, "src", image);
    }

    static bool isHtmlElement(const GumboNode* node, std::initializer_list<GumboTag> tags)
    {
        return HtmlTree::isElement(node) && node->v.element.tag_namespace == GUMBO_NAMESPACE_HTML
            && std::find(tags.begin(), tags.end(), node->v.element.tag) != tags.end();
    }

    // The element's attribute `name`, where the source spells it.
    bool valueOf(const GumboNode* node, const char* name, HtmlLink* link) const
    {
        const GumboAttribute* attribute = gumbo_get_attribute(&node->v.element.attributes, name);
        const qsizetype start = attribute ? byteOffset(attribute->original_value) : -1;
        if (start < 0)
            return false;
        qsizetype valueStart = start;
        qsizetype valueEnd = start + qsizetype(attribute->original_value.length);
        const char quote = m_utf8.at(start);
        if (quote == '"' || quote == '\'') {
            ++valueStart;
            if (valueEnd > valueStart && m_utf8.at(valueEnd - 1) == quote)
                --valueEnd;
        }
        link->valueStart = index(valueStart);
        link->valueEnd = index(valueEnd);
        link->url = QString::fromUtf8(attribute->value);
        return true;
    }

    // The first place in the source where anything below node (node included) stands; -1 if none does.
    qsizetype firstInSource(const GumboNode* node) const
    {
        qsizetype first = -1;
        HtmlTree::forEachNode(node, [&](const GumboNode* current) {
            const qsizetype at = byteOffset(HtmlTree::isElement(current) ? current->v.element.original_tag
                                                               : current->v.text.original_text);
            if (at >= 0 && (first < 0 || at < first))
                first = at;
        });
        return first;
    }

private:
    const QByteArray& m_utf8;
    const HtmlTree& m_tree;
};

} // namespace

HtmlLinkScan HtmlLinkScanner::scan(const QString& html)
{
    const HtmlTree parsed(html);
    const Scanner scanner(parsed);

    // An <a> the parser had to repeat (misnested formatting elements) shares its source with the first one.
    std::map<qsizetype, HtmlLink> linksByPosition;
    std::map<qsizetype, HtmlLink> imagesByPosition;
    HtmlTree::forEachNode(parsed.document(), [&](const GumboNode* node) {
        HtmlLink found;
        if (scanner.linkOf(node, &found))
            linksByPosition.emplace(found.valueStart, found);
        else if (scanner.imageOf(node, &found))
            imagesByPosition.emplace(found.valueStart, found);
    });
    HtmlLinkScan scan;
    for (const auto& [position, link] : linksByPosition)
        scan.links << link;
    for (const auto& [position, image] : imagesByPosition)
        scan.images << image;

    scan.bodyEnd = html.size();
    scan.bodyStart = -1;
    if (const GumboNode* body = parsed.body()) {
        const GumboElement& element = body->v.element;
        const qsizetype endTag = scanner.byteOffset(element.original_end_tag);
        const qsizetype htmlEndTag = scanner.byteOffset(parsed.root()->v.element.original_end_tag);
        if (endTag >= 0 || htmlEndTag >= 0)
            scan.bodyEnd = scanner.index(endTag >= 0 ? endTag : htmlEndTag);
        const qsizetype startTag = scanner.byteOffset(element.original_tag);
        const qsizetype firstContent = scanner.firstInSource(body);
        if (startTag >= 0)
            scan.bodyStart = scanner.index(startTag + qsizetype(element.original_tag.length));
        else if (firstContent >= 0)
            scan.bodyStart = scanner.index(firstContent);
    }
    if (scan.bodyStart < 0 || scan.bodyStart > scan.bodyEnd)
        scan.bodyStart = scan.bodyEnd;
    return scan;
}

} // namespace herald
