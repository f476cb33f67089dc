#include "GdprCommand.h"

#include "CommandArguments.h"
#include "Output.h"
#include "ProfileOpener.h"
#include "compliance/GdprService.h"

#include <QCoreApplication>

namespace herald::cli {

int GdprCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Answers GDPR requests about one email address."));
    parser.addPositionalArgument(QStringLiteral("action"), tr("export FILE.json, or erase."));
    const QCommandLineOption profile = CommandArguments::profileOption();
    const QCommandLineOption email(QStringLiteral("email"), tr("The address the request is about."), tr("address"));
    const QCommandLineOption yes(QStringLiteral("yes"), tr("Confirm the erasure (it cannot be undone)."));
    parser.addOptions({ profile, email, yes });
    if (const int done = CommandArguments::parse(parser, arguments); done != CommandArguments::Continue)
        return done;
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    const bool exporting = action == QLatin1String("export") && positional.size() == 2;
    const bool erasing = action == QLatin1String("erase") && positional.size() == 1;
    if ((!exporting && !erasing) || parser.value(email).trimmed().isEmpty()) {
        Output::error(
            tr("Usage: herald gdpr export --email ADDRESS FILE.json | herald gdpr erase --email ADDRESS --yes"));
        return 2;
    }
    if (erasing && !parser.isSet(yes)) {
        Output::error(
            tr("Erasing '%1' deletes its personal data for good; add --yes to confirm.").arg(parser.value(email)));
        return 2;
    }
    auto database = ProfileOpener::open(parser.value(profile));
    if (!database) {
        Output::error(database.error().message);
        return 1;
    }
    GdprService service(*database.value());
    if (exporting) {
        if (auto written = service.writeExport(parser.value(email), positional.at(1)); !written) {
            Output::error(written.error().message);
            return 1;
        }
        Output::line(tr("Everything Herald holds about '%1' is in %2.").arg(parser.value(email), positional.at(1)));
        return 0;
    }
    auto erased = service.erase(parser.value(email), CommandArguments::actor());
    if (!erased) {
        Output::error(erased.error().message);
        return 1;
    }
    Output::line(
        tr("Erased '%1': %2 nonprofit row(s) deleted, %3 message(s) anonymised, %4 open(s) and click(s) deleted; the "
           "address stays suppressed as %5.")
            .arg(parser.value(email))
            .arg(erased->nonprofitId ? 1 : 0)
            .arg(erased->sendsAnonymised)
            .arg(erased->engagementEventsDeleted)
            .arg(erased->suppressionKey));
    return 0;
}

} // namespace herald::cli
