#pragma once

#include "emailhtml/HtmlTree.h"

#include <QSet>
#include <QStringList>

namespace herald::test {

// What keeps an HTML message from having inline styles only, as email clients need (they drop <style> blocks
// and know no classes): each <style>, <link> and class attribute, and each element that shows something
// (block, link, image, rule, layout cell) without a style of its own. Empty when there is nothing.
inline QStringList inlineStyleProblems(const QString& html)
{
    static const QSet<QString> mustBeStyled = {
        QStringLiteral("body"), QStringLiteral("table"), QStringLiteral("td"), QStringLiteral("p"),
        QStringLiteral("h1"), QStringLiteral("h2"), QStringLiteral("h3"), QStringLiteral("h4"),
        QStringLiteral("h5"), QStringLiteral("h6"), QStringLiteral("ul"), QStringLiteral("ol"),
        QStringLiteral("li"), QStringLiteral("a"), QStringLiteral("img"), QStringLiteral("hr"),
        QStringLiteral("div")};
    QStringList problems;
    const HtmlTree tree(html);
    HtmlTree::forEachNode(tree.document(), [&](const GumboNode* node) {
        if (!HtmlTree::isElement(node))
            return;
        const QString tag = HtmlTree::tagName(node);
        if (tag == QLatin1String("style") || tag == QLatin1String("link"))
            problems << QStringLiteral("a <%1> element").arg(tag);
        if (HtmlTree::hasAttribute(node, "class"))
            problems << QStringLiteral("class on <%1>").arg(tag);
        if (mustBeStyled.contains(tag) && HtmlTree::attribute(node, "style").trimmed().isEmpty())
            problems << QStringLiteral("<%1> without a style").arg(tag);
    });
    return problems;
}

} // namespace herald::test
