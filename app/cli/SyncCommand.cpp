#include "SyncCommand.h"

#include "CommandArguments.h"
#include "Output.h"
#include "ProfileOpener.h"
#include "config/Config.h"
#include "sync/LocalStore.h"
#include "sync/SyncEngine.h"

#include <QCommandLineParser>

namespace herald::cli {

namespace {
constexpr int ConflictsRemain = 3;
} // namespace

int SyncCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Syncs the drafts kept on this computer with the profile's PostgreSQL server."));
    const QCommandLineOption profileOption = CommandArguments::profileOption();
    const QCommandLineOption keepOption(QStringLiteral("keep"),
                                        tr("Resolve every open conflict first: mine, server or both."),
                                        QStringLiteral("choice"));
    parser.addOptions({profileOption, keepOption});
    if (const int done = CommandArguments::parse(parser, arguments); done != CommandArguments::Continue)
        return done;

    Resolution resolution = Resolution::KeepMine;
    const QString keep = parser.value(keepOption);
    if (parser.isSet(keepOption) && !fromString(QStringLiteral("keep_") + keep, &resolution)) {
        Output::error(tr("--keep takes mine, server or both, not '%1'.").arg(keep));
        return 2;
    }
    auto profile = ProfileOpener::resolve(parser.value(profileOption));
    if (!profile) {
        Output::error(profile.error().message);
        return 1;
    }
    if (profile->backend != Backend::Postgres) {
        Output::error(tr("Profile '%1' keeps its data on this computer; only PostgreSQL profiles have drafts to sync.")
                          .arg(profile->name));
        return 2;
    }
    LocalStore local(profile.value());
    if (auto opened = local.open(); !opened) {
        Output::error(opened.error().message);
        return 1;
    }
    auto server = ProfileOpener::open(parser.value(profileOption));
    if (!server) {
        Output::error(tr("Cannot sync now: %1").arg(server.error().message));
        return 1;
    }
    SyncEngine engine(*server.value(), local);
    engine.setNonprofitLimit(Config::instance().get(Config::OfflineNonprofitLimit).toInt());

    if (parser.isSet(keepOption)) {
        auto conflicts = local.openConflicts();
        if (!conflicts) {
            Output::error(conflicts.error().message);
            return 1;
        }
        for (const SyncConflict& conflict : conflicts.value()) {
            if (auto resolved = engine.resolve(conflict.id, resolution); !resolved)
                Output::error(tr("Conflict on %1 '%2' not resolved: %3")
                                  .arg(conflict.entity, conflict.name, resolved.error().message));
            else
                Output::line(tr("Resolved: %1 '%2' (%3)").arg(conflict.entity, conflict.name, keep));
        }
    }

    auto summary = engine.run([](const SyncProgress& progress) {
        if (progress.done == progress.total)
            Output::err() << tr("%1: %n row(s)", nullptr, progress.total).arg(progress.stage) << Qt::endl;
        return true;
    });
    if (!summary) {
        Output::error(tr("Sync stopped: %1").arg(summary.error().message));
        Output::error(tr("What was synced is kept; run 'herald sync' again to finish."));
        return 1;
    }
    Output::line(tr("Pushed: %1").arg(summary->pushed));
    Output::line(tr("Pulled: %1").arg(summary->pulled));
    Output::line(tr("Conflicts: %1 new, %2 open").arg(summary->newConflicts).arg(summary->openConflicts));
    Output::line(tr("Nonprofits kept offline: %1").arg(summary->cachedNonprofits));
    for (const QString& failure : summary->failures)
        Output::error(tr("Not synced: %1").arg(failure));
    if (summary->openConflicts > 0) {
        if (auto conflicts = local.openConflicts()) {
            for (const SyncConflict& conflict : conflicts.value())
                Output::line(tr("  conflict: %1 '%2' (%3)").arg(conflict.entity, conflict.name, toString(conflict.kind)));
        }
        Output::line(tr("Resolve them in Herald's sync dialog, or with --keep mine|server|both."));
        return ConflictsRemain;
    }
    return summary->failures.isEmpty() ? 0 : 1;
}

} // namespace herald::cli
