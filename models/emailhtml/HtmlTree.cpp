#include "HtmlTree.h"

namespace herald {

Utf8ToUtf16::Utf8ToUtf16(const QByteArray& utf8) : m_index(utf8.size() + 1)
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

HtmlTree::HtmlTree(const QString& html)
    : m_utf8(html.toUtf8())
    , m_offsets(m_utf8)
    , m_output(gumbo_parse_with_options(&kGumboDefaultOptions, m_utf8.constData(), size_t(m_utf8.size())))
{
}

HtmlTree::~HtmlTree()
{
    gumbo_destroy_output(&kGumboDefaultOptions, m_output);
}

const GumboNode* HtmlTree::body() const
{
    const GumboVector* children = childrenOf(root());
    for (unsigned int i = 0; children && i < children->length; ++i) {
        const auto* child = static_cast<const GumboNode*>(children->data[i]);
        if (isElement(child) && child->v.element.tag == GUMBO_TAG_BODY)
            return child;
    }
    return nullptr;
}

bool HtmlTree::isElement(const GumboNode* node)
{
    return node && (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE);
}

const GumboVector* HtmlTree::childrenOf(const GumboNode* node)
{
    if (node->type == GUMBO_NODE_DOCUMENT)
        return &node->v.document.children;
    return isElement(node) ? &node->v.element.children : nullptr;
}

QString HtmlTree::tagName(const GumboNode* element)
{
    if (element->v.element.tag != GUMBO_TAG_UNKNOWN)
        return QString::fromLatin1(gumbo_normalized_tagname(element->v.element.tag));
    GumboStringPiece name = element->v.element.original_tag;
    gumbo_tag_from_original_text(&name);
    return QString::fromUtf8(name.data, qsizetype(name.length)).toLower();
}

bool HtmlTree::hasAttribute(const GumboNode* element, const char* name)
{
    return gumbo_get_attribute(&element->v.element.attributes, name) != nullptr;
}

QString HtmlTree::attribute(const GumboNode* element, const char* name)
{
    const GumboAttribute* found = gumbo_get_attribute(&element->v.element.attributes, name);
    return found ? QString::fromUtf8(found->value) : QString();
}

QString HtmlTree::text(const GumboNode* node)
{
    QString collected;
    forEachNode(node, [&](const GumboNode* current) {
        if (current->type == GUMBO_NODE_TEXT || current->type == GUMBO_NODE_WHITESPACE || current->type == GUMBO_NODE_CDATA)
            collected += QString::fromUtf8(current->v.text.text);
    });
    return collected;
}

} // namespace herald
