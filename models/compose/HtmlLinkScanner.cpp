#include "HtmlLinkScanner.h"

#include "emailhtml/HtmlTree.h"

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
        if (!HtmlTree::isElement(node))
            return false;
        const GumboElement& element = node->v.element;
        if (element.tag_namespace != GUMBO_NAMESPACE_HTML || (element.tag != GUMBO_TAG_A && element.tag != GUMBO_TAG_AREA))
            return false;
        const GumboAttribute* href = gumbo_get_attribute(&element.attributes, "href");
        const qsizetype start = href ? byteOffset(href->original_value) : -1;
        if (start < 0)
            return false;
        qsizetype valueStart = start;
        qsizetype valueEnd = start + qsizetype(href->original_value.length);
        const char quote = m_utf8.at(start);
        if (quote == '"' || quote == '\'') {
            ++valueStart;
            if (valueEnd > valueStart && m_utf8.at(valueEnd - 1) == quote)
                --valueEnd;
        }
        link->valueStart = index(valueStart);
        link->valueEnd = index(valueEnd);
        link->url = QString::fromUtf8(href->value);
        link->noTrack = gumbo_get_attribute(&element.attributes, "data-herald-notrack") != nullptr;
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
    HtmlTree::forEachNode(parsed.document(), [&](const GumboNode* node) {
        HtmlLink link;
        if (scanner.linkOf(node, &link))
            linksByPosition.emplace(link.valueStart, link);
    });
    HtmlLinkScan scan;
    for (const auto& [position, link] : linksByPosition)
        scan.links << link;

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
