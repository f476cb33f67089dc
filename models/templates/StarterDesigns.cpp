#include "StarterDesigns.h"

#include "StarterLayout.h"
#include "compose/HtmlToText.h"
#include "emailhtml/EmailHtmlWriter.h"

namespace herald {

namespace {
// Where a button leads until the writer puts their own page in: clearly an example.
QString examplePage(const QString& path)
{
    return QStringLiteral("https://www.example.org/") + path;
}

struct Starter
{
    QString subject;
    RichText content;
};

Starter newsletter(const Branding& branding)
{
    StarterLayout layout(branding);
    const QString organisation = branding.organisationOrSender();
    layout.heading(1, StarterDesigns::tr("This season at %1").arg(organisation));
    layout.paragraph(StarterDesigns::tr("Dear friends at {{name}},"));
    layout.paragraph(StarterDesigns::tr("Thank you for being part of our community. Here is a short look at what we "
                                        "have done together these past months, and what comes next."));
    layout.heading(2, StarterDesigns::tr("What we achieved together"));
    layout.bullets({StarterDesigns::tr("Our volunteers gave more than 1,200 hours of their time."),
                    StarterDesigns::tr("Forty families found support when they needed it most."),
                    StarterDesigns::tr("Two new partners joined our work in the neighbourhood.")});
    layout.heading(2, StarterDesigns::tr("Coming up"));
    layout.paragraph(StarterDesigns::tr("This autumn we start a mentoring programme, and we would love your ideas "
                                        "and your help to shape it."));
    layout.button(StarterDesigns::tr("Read the full update"), examplePage(QStringLiteral("news")));
    layout.signOff(StarterDesigns::tr("With warm wishes,"));
    return {StarterDesigns::tr("News from %1").arg(organisation), layout.finish()};
}

Starter event(const Branding& branding)
{
    StarterLayout layout(branding);
    layout.heading(1, StarterDesigns::tr("You're invited"));
    layout.paragraph(StarterDesigns::tr("Dear friends at {{name}},"));
    layout.paragraph(StarterDesigns::tr("Join us for an evening of stories, music and good company as we celebrate "
                                        "what we have built together this year."));
    layout.details({{StarterDesigns::tr("When:"), StarterDesigns::tr("Thursday, 6 to 8 pm")},
                    {StarterDesigns::tr("Where:"), StarterDesigns::tr("Community Hall, 12 Market Street")}});
    layout.button(StarterDesigns::tr("Reserve your place"), examplePage(QStringLiteral("event")));
    layout.paragraph(StarterDesigns::tr("Bring a colleague: everyone is welcome, and refreshments are on us."));
    layout.signOff(StarterDesigns::tr("We look forward to seeing you,"));
    return {StarterDesigns::tr("You're invited: an evening with %1").arg(branding.organisationOrSender()), layout.finish()};
}

Starter appeal(const Branding& branding)
{
    StarterLayout layout(branding);
    layout.heading(1, StarterDesigns::tr("Together we can do more"));
    layout.paragraph(StarterDesigns::tr("Dear friends at {{name}},"));
    layout.paragraph(StarterDesigns::tr("Every week, people in our community turn to us for help. This year we want "
                                        "to say yes to every one of them, and we cannot do it alone."));
    layout.paragraph(StarterDesigns::tr("A gift of any size goes straight to the work: meals served, classes taught, "
                                        "families supported."));
    layout.button(StarterDesigns::tr("Give today"), examplePage(QStringLiteral("give")));
    layout.paragraph(StarterDesigns::tr("Thank you for standing with us."));
    layout.signOff(StarterDesigns::tr("With gratitude,"));
    return {StarterDesigns::tr("Will you help us reach our goal this year?"), layout.finish()};
}

Starter announcement(const Branding& branding)
{
    StarterLayout layout(branding);
    layout.heading(1, StarterDesigns::tr("Big news to share"));
    layout.paragraph(StarterDesigns::tr("Dear friends at {{name}},"));
    layout.paragraph(StarterDesigns::tr("We wanted you to hear it from us first: next month we open a second centre, "
                                        "so we can welcome twice as many people."));
    layout.paragraph(StarterDesigns::tr("Nothing changes in how you reach us, and everything we do together goes on "
                                        "as before."));
    layout.button(StarterDesigns::tr("Find out more"), examplePage(QStringLiteral("news")));
    layout.signOff(StarterDesigns::tr("Warm regards,"));
    return {StarterDesigns::tr("News from %1: we are growing").arg(branding.organisationOrSender()), layout.finish()};
}

using StarterBuilder = Starter (*)(const Branding&);

// The starters in the order they are offered: id, title and description (translated when read), content.
struct CatalogueEntry
{
    const char* id;
    const char* title;
    const char* description;
    StarterBuilder build;
};

const CatalogueEntry catalogue[] = {
    {"newsletter", QT_TRANSLATE_NOOP("herald::StarterDesigns", "Newsletter"),
     QT_TRANSLATE_NOOP("herald::StarterDesigns", "News of the season: what you achieved together and what comes next."),
     newsletter},
    {"event", QT_TRANSLATE_NOOP("herald::StarterDesigns", "Event invitation"),
     QT_TRANSLATE_NOOP("herald::StarterDesigns", "An invitation with when and where, and a button to reply."), event},
    {"appeal", QT_TRANSLATE_NOOP("herald::StarterDesigns", "Fundraising appeal"),
     QT_TRANSLATE_NOOP("herald::StarterDesigns", "A warm request for support, with a button to give."), appeal},
    {"announcement", QT_TRANSLATE_NOOP("herald::StarterDesigns", "Announcement"),
     QT_TRANSLATE_NOOP("herald::StarterDesigns", "One piece of news, told simply, with a link to more."), announcement},
};
} // namespace

QStringList StarterDesigns::ids()
{
    QStringList ids;
    for (const CatalogueEntry& entry : catalogue)
        ids << QString::fromLatin1(entry.id);
    return ids;
}

QList<StarterDesign> StarterDesigns::all()
{
    QList<StarterDesign> designs;
    for (const CatalogueEntry& entry : catalogue)
        designs.append({QString::fromLatin1(entry.id), tr(entry.title), tr(entry.description)});
    return designs;
}

Result<Template> StarterDesigns::build(const QString& id, const Branding& branding)
{
    for (const CatalogueEntry& entry : catalogue) {
        if (id != QLatin1String(entry.id))
            continue;
        const Starter starter = entry.build(branding);
        Template messageTemplate;
        messageTemplate.name = tr(entry.title);
        messageTemplate.subject = starter.subject;
        messageTemplate.htmlBody = EmailHtmlWriter::write(starter.content);
        messageTemplate.textBody = HtmlToText::convert(messageTemplate.htmlBody);
        return messageTemplate;
    }
    return Error::validation(QStringLiteral("starter"), tr("There is no starter design '%1'. The starters are: %2.")
                                                            .arg(id, ids().join(QStringLiteral(", "))));
}

} // namespace herald
