#pragma once

#include "domain/Error.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace herald {

// A link of a campaign that goes through the click redirect.
struct TrackedLink
{
    int number = 0;            // N of its {{herald_link_N}}, from 1
    QString url;               // where it leads, as the browser would follow it, {{placeholders}} not yet rendered
    bool personalised = false; // the URL holds {{placeholders}}: render it for each recipient
};

// A campaign's templates with their trackable links replaced by {{herald_link_N}}, and the links.
struct RewrittenTemplates
{
    QString html;
    QString text;
    QList<TrackedLink> links; // by number
};

// Prepares a campaign's templates for click and open tracking, once per campaign: every http(s) link of
// the HTML part (found with an HTML parser) and of the text part becomes {{herald_link_N}}, and the HTML
// part gets the open pixel ({{herald_open_url}}) and a link no person can see or reach for machines that
// follow every link ({{herald_trap_url}}). Everything else stays byte for byte as it was. Left as they are:
// mailto:, tel:, other schemes, relative links and #fragments, the unsubscribe and web-view placeholders,
// links marked data-herald-notrack, and links whose URL depends on a section's current item ({{.}}).
// The same templates always give the same numbers: the queue stores the links and the senders recompute them.
class LinkRewriter
{
    Q_DECLARE_TR_FUNCTIONS(herald::LinkRewriter)
public:
    static Result<RewrittenTemplates> rewrite(const QString& htmlTemplate, const QString& textTemplate);

    static QString linkPlaceholder(int number); // "herald_link_3", the name to set in a RenderContext
    static QString openPlaceholder();           // "herald_open_url"
    static QString trapPlaceholder();           // "herald_trap_url"
};

} // namespace herald
