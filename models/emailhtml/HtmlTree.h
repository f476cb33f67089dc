#pragma once

#include <gumbo.h>

#include <QByteArray>
#include <QString>
#include <QVector>

#include <memory>

namespace herald {

// Gumbo reads UTF-8 bytes; Herald's texts are UTF-16. Maps each byte offset of the UTF-8 form to the
// index of the same character in the QString: a four-byte sequence is two UTF-16 units, any other one.
class Utf8ToUtf16
{
public:
    explicit Utf8ToUtf16(const QByteArray& utf8);
    qsizetype at(qsizetype byte) const { return m_index.at(byte); }

private:
    QVector<qsizetype> m_index;
};

// An HTML text parsed by gumbo as a browser parses it. Owns the UTF-8 bytes the tree points into, so
// positions (original_tag, start_pos.offset) stay valid as long as this object lives.
class HtmlTree
{
public:
    explicit HtmlTree(const QString& html);
    ~HtmlTree();
    HtmlTree(const HtmlTree&) = delete;
    HtmlTree& operator=(const HtmlTree&) = delete;

    const GumboNode* document() const { return m_output->document; }
    const GumboNode* root() const { return m_output->root; }
    const GumboNode* body() const; // the <body> element; the parser always makes one
    const QByteArray& utf8() const { return m_utf8; }
    qsizetype indexOfByte(qsizetype byte) const { return m_offsets.at(byte); }

    static bool isElement(const GumboNode* node);
    static const GumboVector* childrenOf(const GumboNode* node);
    // The element's tag name in lower case; for tags gumbo does not know (<o:p>) the name as written.
    static QString tagName(const GumboNode* element);
    static bool hasAttribute(const GumboNode* element, const char* name);
    static QString attribute(const GumboNode* element, const char* name);
    static QString text(const GumboNode* node); // the text below node, as it is

    // Visits the nodes below node (node included) in tree order without recursion (a document may nest
    // deeply): enter(node) before its children, returning whether to visit them; leave(node) after them,
    // only for nodes whose children were visited.
    template<typename Enter, typename Leave>
    static void walk(const GumboNode* node, Enter enter, Leave leave)
    {
        struct Step
        {
            const GumboNode* node;
            bool leaving;
        };
        QVector<Step> pending{{node, false}};
        while (!pending.isEmpty()) {
            const Step step = pending.takeLast();
            if (step.leaving) {
                leave(step.node);
                continue;
            }
            if (!enter(step.node))
                continue;
            pending.append({step.node, true});
            const GumboVector* children = childrenOf(step.node);
            for (unsigned int i = children ? children->length : 0; i > 0; --i)
                pending.append({static_cast<const GumboNode*>(children->data[i - 1]), false});
        }
    }

    template<typename Visit>
    static void forEachNode(const GumboNode* node, Visit visit)
    {
        walk(node, [&](const GumboNode* current) { visit(current); return true; }, [](const GumboNode*) {});
    }

private:
    QByteArray m_utf8;
    Utf8ToUtf16 m_offsets;
    GumboOutput* m_output = nullptr;
};

} // namespace herald
