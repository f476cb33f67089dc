#pragma once

#include "Branding.h"
#include "domain/Error.h"
#include "domain/Template.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

namespace herald {

// One of the designed starters a new template can begin from, in the UI language.
struct StarterDesign
{
    QString id; // "newsletter", "event", "appeal", "announcement"
    QString title;
    QString description; // one line
};

// The catalogue of starter designs: a newsletter, an event invitation, a fundraising appeal and an
// announcement. build() writes one in the organisation's branding as a complete template (name, subject,
// HTML and plain-text bodies) in the UI language: HTML as the visual editor writes it (EmailHtmlWriter: the
// 600 px fluid layout, inline styles only, so it opens in the visual editor), the text body from it
// (HtmlToText), {{name}} greeting the recipient and the footer with {{postal_address}} and {{unsubscribe_url}}.
class StarterDesigns
{
    Q_DECLARE_TR_FUNCTIONS(herald::StarterDesigns)
public:
    static QList<StarterDesign> all();
    static QStringList ids();
    // The template; an error naming the id and the known ones when there is no such starter.
    static Result<Template> build(const QString& id, const Branding& branding);
};

} // namespace herald
