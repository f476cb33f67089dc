#include "LinkRewriter.h"

#include "CompiledTemplate.h"
#include "HtmlLinkScanner.h"
#include "MustacheTags.h"
#include "TextUrlScanner.h"

#include <QHash>

#include <algorithm>

namespace herald {

namespace {
// Replaces source[start, end) (end == start: inserts) with replacement.
struct Edit
{
    qsizetype start = 0;
    qsizetype end = 0;
    QString replacement;
};

// The source with its edits made; edits at one place keep the order they were given in.
QString applied(const QString& source, QList<Edit> edits)
{
    std::stable_sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) { return a.start < b.start; });
    QString out;
    out.reserve(source.size() + 64 * edits.size());
    qsizetype copied = 0;
    for (const Edit& edit : edits) {
        out += QStringView(source).mid(copied, edit.start - copied);
        out += edit.replacement;
        copied = edit.end;
    }
    out += QStringView(source).mid(copied);
    return out;
}

// Numbers links in order of first appearance: one URL, one number.
class LinkTable
{
public:
    int numberFor(const QString& url)
    {
        const auto known = m_numbers.constFind(url);
        if (known != m_numbers.cend())
            return known.value();
        const int number = int(m_links.size()) + 1;
        m_links << TrackedLink{number, url, url.contains(QLatin1String("{{"))};
        m_numbers.insert(url, number);
        return number;
    }
    const QList<TrackedLink>& links() const { return m_links; }

private:
    QHash<QString, int> m_numbers;
    QList<TrackedLink> m_links;
};

QString placeholder(const QString& name)
{
    return QStringLiteral("{{") + name + QStringLiteral("}}");
}

// Only web links go through the redirect. This also leaves mailto:, tel:, sms:, #fragments, relative links
// and an href that is just {{unsubscribe_url}} or {{view_url}} (no scheme before the placeholder) as they are.
bool hasWebScheme(const QString& url)
{
    for (const QLatin1String scheme : {QLatin1String("http://"), QLatin1String("https://")}) {
        if (url.startsWith(scheme, Qt::CaseInsensitive) && url.size() > scheme.size())
            return true;
    }
    return false;
}

// Whether the redirect can render the URL for a recipient by itself: its tags compile on their own, and
// it names no section's current item ({{.}} inside {{#tags}}…{{/tags}}) outside a section it opens itself.
bool rendersOnItsOwn(const QString& url)
{
    int depth = 0;
    for (const MustacheTag& tag : MustacheTags(url).all()) {
        if (tag.kind == QLatin1Char('#') || tag.kind == QLatin1Char('^'))
            ++depth;
        else if (tag.kind == QLatin1Char('/'))
            --depth;
        else if (tag.isVariable() && tag.name == QLatin1String(".") && depth <= 0)
            return false;
    }
    CompiledTemplate compiled;
    TemplateIssue issue;
    return CompiledTemplate::compile(url, CompiledTemplate::Escaping::Plain, &compiled, &issue);
}

bool isTrackable(const QString& url)
{
    return hasWebScheme(url) && rendersOnItsOwn(url);
}

bool changesDelimiters(const QString& text)
{
    const QList<MustacheTag> tags = MustacheTags(text).all();
    return std::any_of(tags.cbegin(), tags.cend(), [](const MustacheTag& tag) { return tag.kind == QLatin1Char('='); });
}

QString rewriteHtml(const QString& html, LinkTable* table)
{
    if (html.trimmed().isEmpty())
        return html;
    static const QString trap = QStringLiteral("<a href=\"%1\" style=\"display:none\" aria-hidden=\"true\" tabindex=\"-1\"></a>")
                                    .arg(placeholder(LinkRewriter::trapPlaceholder()));
    static const QString pixel = QStringLiteral("<img src=\"%1\" width=\"1\" height=\"1\" alt=\"\" "
                                                "style=\"display:block;width:1px;height:1px;border:0\" />")
                                     .arg(placeholder(LinkRewriter::openPlaceholder()));
    const HtmlLinkScan scan = HtmlLinkScanner::scan(html);
    const MustacheTags tags(html);
    QList<Edit> edits{{scan.bodyStart, scan.bodyStart, trap}};
    for (const HtmlLink& link : scan.links) {
        // A browser ignores white space around an href; {{! <a href="…"> }} is a mustache comment, no link.
        const QString url = link.url.trimmed();
        if (link.noTrack || tags.encloses(link.valueStart) || !isTrackable(url))
            continue;
        edits << Edit{link.valueStart, link.valueEnd, placeholder(LinkRewriter::linkPlaceholder(table->numberFor(url)))};
    }
    edits << Edit{scan.bodyEnd, scan.bodyEnd, pixel};
    return applied(html, edits);
}

QString rewriteText(const QString& text, LinkTable* table)
{
    QList<Edit> edits;
    for (const TextUrl& found : TextUrlScanner::scan(text)) {
        const QString url = text.mid(found.start, found.length);
        if (isTrackable(url))
            edits << Edit{found.start, found.start + found.length,
                          placeholder(LinkRewriter::linkPlaceholder(table->numberFor(url)))};
    }
    return applied(text, edits);
}
} // namespace

QString LinkRewriter::linkPlaceholder(int number)
{
    return QStringLiteral("herald_link_%1").arg(number);
}

QString LinkRewriter::openPlaceholder()
{
    return QStringLiteral("herald_open_url");
}

QString LinkRewriter::trapPlaceholder()
{
    return QStringLiteral("herald_trap_url");
}

Result<RewrittenTemplates> LinkRewriter::rewrite(const QString& htmlTemplate, const QString& textTemplate)
{
    // {{herald_link_N}} is written with the default delimiters; a template that changes them would not see it.
    if (changesDelimiters(htmlTemplate) || changesDelimiters(textTemplate))
        return Error::validation(QStringLiteral("template"),
                                 tr("Links cannot be tracked in a template that changes the mustache delimiters."));
    LinkTable table;
    RewrittenTemplates rewritten;
    rewritten.html = rewriteHtml(htmlTemplate, &table);
    rewritten.text = rewriteText(textTemplate, &table);
    rewritten.links = table.links();
    return rewritten;
}

} // namespace herald
