#include "IntakeCommand.h"

#include "CommandArguments.h"
#include "Output.h"
#include "ProfileOpener.h"
#include "deliverability/FeedbackIntake.h"
#include "storage/AppSettingsRepository.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <csignal>

namespace herald::cli {

namespace {
std::atomic<bool> g_stopRequested{false};
void requestStop(int) { g_stopRequested = true; }

QString summaryLine(const IntakeSummary& summary)
{
    QString line = IntakeCommand::tr("read %1: %2 hard bounce(s), %3 soft bounce(s), %4 complaint(s), %5 unsubscribe(s), "
                      "%6 not matched, %7 not understood")
                       .arg(summary.read)
                       .arg(summary.hardBounces)
                       .arg(summary.softBounces)
                       .arg(summary.complaints)
                       .arg(summary.unsubscribes)
                       .arg(summary.unmatched)
                       .arg(summary.unrecognised);
    for (const qint64 id : summary.pausedCampaigns)
        line += IntakeCommand::tr("; campaign #%1 paused: its complaint rate passed the limit").arg(id);
    return line;
}
} // namespace

int IntakeCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Reads bounces, complaints and mailto: unsubscribes from the feedback mailbox "
                                        "set up in Settings, suppresses the addresses and pauses campaigns with too "
                                        "many complaints."));
    const QCommandLineOption profile = CommandArguments::profileOption();
    const QCommandLineOption once(QStringLiteral("once"), tr("One pass, then exit."));
    const QCommandLineOption interval(QStringLiteral("interval"), tr("Seconds between passes (default 300)."), tr("seconds"),
                                      QStringLiteral("300"));
    parser.addOptions({profile, once, interval});
    if (const int done = CommandArguments::parse(parser, arguments); done != CommandArguments::Continue)
        return done;
    auto database = ProfileOpener::open(parser.value(profile));
    if (!database) {
        Output::error(database.error().message);
        return 1;
    }
    Database& db = *database.value();
    auto secret = AppSettingsRepository(db).unsubscribeSecret();
    if (!secret) {
        Output::error(secret.error().message);
        return 1;
    }

    std::signal(SIGINT, requestStop);
    std::signal(SIGTERM, requestStop);
    const int seconds = std::max(10, parser.value(interval).toInt());
    while (true) {
        // Settings are read each pass: a change in the desktop app takes effect without a restart.
        auto settings = MailboxSettings::load(db);
        if (!settings) {
            Output::error(settings.error().message);
            return 1;
        }
        FeedbackIntake intake(db, settings.value(), secret.value());
        auto summary = intake.runOnce([] { return g_stopRequested.load(); });
        const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
        if (summary)
            Output::line(now + QLatin1Char(' ') + summaryLine(summary.value()));
        else
            Output::error(now + QLatin1Char(' ') + summary.error().message);
        if (parser.isSet(once))
            return summary ? 0 : 1;
        if (!settings->isConfigured())
            return 1; // nothing to poll: say so once rather than every interval
        for (int waited = 0; waited < seconds * 10 && !g_stopRequested.load(); ++waited)
            QThread::msleep(100);
        if (g_stopRequested.load())
            return 0;
    }
}

} // namespace herald::cli
