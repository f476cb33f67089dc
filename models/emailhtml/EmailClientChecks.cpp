#include "EmailClientChecks.h"

#include "EmailHtmlWriter.h"
#include "HtmlTree.h"
#include "StyleDeclarations.h"

namespace herald {

namespace {
// The width an image asks for in pixels: its width attribute, else a width:…px style; 0 when neither says.
int imageWidth(const GumboNode* image)
{
    const QString attribute = HtmlTree::attribute(image, "width").trimmed();
    bool ok = false;
    const int width = attribute.toInt(&ok);
    if (ok)
        return width;
    QString style = StyleDeclarations(HtmlTree::attribute(image, "style")).value(QStringLiteral("width"));
    if (!style.endsWith(QLatin1String("px")))
        return 0;
    style.chop(2);
    return style.trimmed().toInt();
}
} // namespace

bool EmailClientChecks::isRelativeUrl(const QString& url)
{
    const QString trimmed = url.trimmed();
    if (trimmed.isEmpty() || trimmed.startsWith(QLatin1Char('#')) || trimmed.startsWith(QLatin1String("{{")))
        return false;
    // A scheme: a letter, then letters, digits, '+', '-' or '.', then ':' (RFC 3986, section 3.1).
    for (qsizetype i = 0; i < trimmed.size(); ++i) {
        const QChar c = trimmed.at(i);
        if (c == QLatin1Char(':'))
            return i == 0;
        const bool schemeCharacter = c.isLetter() || (i > 0 && (c.isDigit() || c == QLatin1Char('+') || c == QLatin1Char('-') || c == QLatin1Char('.')));
        if (!schemeCharacter || c.unicode() > 0x7F)
            return true;
    }
    return true;
}

QList<EmailClientWarning> EmailClientChecks::check(const QString& html)
{
    QList<EmailClientWarning> warnings;
    const HtmlTree tree(html);
    HtmlTree::forEachNode(tree.document(), [&](const GumboNode* node) {
        if (node->type != GUMBO_NODE_ELEMENT)
            return;
        const GumboElement& element = node->v.element;
        // Elements the parser made up (an implied <tbody>) have no place in the source.
        const qsizetype position = element.original_tag.data ? tree.indexOfByte(qsizetype(element.start_pos.offset)) : -1;
        if (element.tag == GUMBO_TAG_IMG) {
            const QString src = HtmlTree::attribute(node, "src");
            if (!HtmlTree::hasAttribute(node, "alt"))
                warnings << EmailClientWarning{position, tr("The image %1 has no alt text; many email clients show images "
                                                            "only on request, and screen readers read the alt text "
                                                            "instead.").arg(src)};
            const int width = imageWidth(node);
            if (width > EmailHtmlWriter::LayoutWidth)
                warnings << EmailClientWarning{position, tr("The image %1 is %2 px wide, wider than the %3 px layout; "
                                                            "email clients cut it off or shrink it.")
                                                             .arg(src).arg(width).arg(EmailHtmlWriter::LayoutWidth)};
            if (isRelativeUrl(src))
                warnings << EmailClientWarning{position, tr("The image %1 has a relative URL, which leads nowhere in an "
                                                            "email; use a full address starting with https://.").arg(src)};
        } else if ((element.tag == GUMBO_TAG_A || element.tag == GUMBO_TAG_AREA) && isRelativeUrl(HtmlTree::attribute(node, "href"))) {
            warnings << EmailClientWarning{position, tr("The link %1 has a relative URL, which leads nowhere in an "
                                                        "email; use a full address starting with https://.")
                                                         .arg(HtmlTree::attribute(node, "href"))};
        }
    });
    const qsizetype bytes = tree.utf8().size();
    if (bytes > GmailClipBytes)
        warnings << EmailClientWarning{-1, tr("The HTML body is %1 KB; Gmail clips messages over 102 KB and hides the "
                                              "rest, the unsubscribe link included, behind \"View entire message\".")
                                               .arg((bytes + 1023) / 1024)};
    return warnings;
}

} // namespace herald
