#include "HtmlLinkScanner.h"

#include <gumbo.h>

#include <QByteArray>
#include <QVector>

#include <algorithm>
#include <functional>
#include <map>
#include <memory>

namespace herald {

namespace {
// Gumbo reads UTF-8 bytes; Herald's texts are UTF-16. Maps each byte offset of the UTF-8 form to the
// index of the same character in the QString: a four-byte sequence is two UTF-16 units, any other one.
class Utf8ToUtf16
{
public:
    explicit Utf8ToUtf16(const QByteArray& utf8) : m_index(utf8.size() + 1)
    {
        qsizetype unit = 0;
        for (qsizetype byte = 0; byte < utf8.size();) {
            const uchar lead = uchar(utf8.at(byte));
            const int length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
            for (int i = 0; i < length && byte + i < utf8.size(); ++i)
                m_index[byte + i] = unit;
            byte += length;
            unit += length == 4 ? 2 : 1;
        }
        m_index[utf8.size()] = unit;
    }

    qsizetype at(qsizetype byte) const { return m_index.at(byte); }

private:
    QVector<qsizetype> m_index;
};

using ParsedHtml = std::unique_ptr<GumboOutput, std::function<void(GumboOutput*)>>;

ParsedHtml parse(const QByteArray& utf8)
{
    return ParsedHtml(gumbo_parse_with_options(&kGumboDefaultOptions, utf8.constData(), size_t(utf8.size())),
                      [](GumboOutput* output) { gumbo_destroy_output(&kGumboDefaultOptions, output); });
}

// The nodes below node, depth first in tree order, without recursion (a template may nest deeply).
template<typename Visit>
void forEachNode(const GumboNode* node, Visit visit)
{
    QVector<const GumboNode*> pending{node};
    while (!pending.isEmpty()) {
        const GumboNode* current = pending.takeLast();
        visit(current);
        const GumboVector* children = nullptr;
        if (current->type == GUMBO_NODE_DOCUMENT)
            children = &current->v.document.children;
        else if (current->type == GUMBO_NODE_ELEMENT || current->type == GUMBO_NODE_TEMPLATE)
            children = &current->v.element.children;
        for (unsigned int i = children ? children->length : 0; i > 0; --i)
            pending << static_cast<const GumboNode*>(children->data[i - 1]);
    }
}

bool isElement(const GumboNode* node)
{
    return node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE;
}

class Scanner
{
public:
    explicit Scanner(const QByteArray& utf8) : m_utf8(utf8), m_offsets(utf8) {}

    // Where piece starts in the source, in bytes; -1 when it is empty or not a piece of the source.
    qsizetype byteOffset(const GumboStringPiece& piece) const
    {
        const auto begin = reinterpret_cast<quintptr>(m_utf8.constData());
        const auto at = reinterpret_cast<quintptr>(piece.data);
        if (!piece.data || piece.length == 0 || at < begin || at + piece.length > begin + quintptr(m_utf8.size()))
            return -1;
        return qsizetype(at - begin);
    }

    qsizetype index(qsizetype byte) const { return m_offsets.at(byte); }

    // The href of an <a> or <area>; false for other nodes and for hrefs the source does not spell.
    bool linkOf(const GumboNode* node, HtmlLink* link) const
    {
        if (!isElement(node))
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
        forEachNode(node, [&](const GumboNode* current) {
            const qsizetype at = byteOffset(isElement(current) ? current->v.element.original_tag
                                                               : current->v.text.original_text);
            if (at >= 0 && (first < 0 || at < first))
                first = at;
        });
        return first;
    }

private:
    const QByteArray& m_utf8;
    Utf8ToUtf16 m_offsets;
};

const GumboNode* bodyOf(const GumboNode* root)
{
    if (!root || !isElement(root))
        return nullptr;
    const GumboVector& children = root->v.element.children;
    for (unsigned int i = 0; i < children.length; ++i) {
        const auto* child = static_cast<const GumboNode*>(children.data[i]);
        if (isElement(child) && child->v.element.tag == GUMBO_TAG_BODY)
            return child;
    }
    return nullptr;
}
} // namespace

HtmlLinkScan HtmlLinkScanner::scan(const QString& html)
{
    const QByteArray utf8 = html.toUtf8();
    const Scanner scanner(utf8);
    const ParsedHtml parsed = parse(utf8);

    // An <a> the parser had to repeat (misnested formatting elements) shares its source with the first one.
    std::map<qsizetype, HtmlLink> linksByPosition;
    forEachNode(parsed->document, [&](const GumboNode* node) {
        HtmlLink link;
        if (scanner.linkOf(node, &link))
            linksByPosition.emplace(link.valueStart, link);
    });
    HtmlLinkScan scan;
    for (const auto& [position, link] : linksByPosition)
        scan.links << link;

    scan.bodyEnd = html.size();
    scan.bodyStart = -1;
    if (const GumboNode* body = bodyOf(parsed->root)) {
        const GumboElement& element = body->v.element;
        const qsizetype endTag = scanner.byteOffset(element.original_end_tag);
        const qsizetype htmlEndTag = scanner.byteOffset(parsed->root->v.element.original_end_tag);
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
