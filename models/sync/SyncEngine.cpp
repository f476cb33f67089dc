#include "SyncEngine.h"

#include "NonprofitCache.h"
#include "storage/BoundQuery.h"
#include "storage/Database.h"
#include "storage/StoredRow.h"
#include "storage/Transaction.h"

#include <QSet>
#include <QUuid>

namespace herald {

namespace {
// The log is read by people: it says what happened in words, not in the codes the conflicts table keeps.
QString describe(ConflictKind kind)
{
    switch (kind) {
    case ConflictKind::EditedOnBoth:
        return SyncEngine::tr("changed here and on the server");
    case ConflictKind::DeletedOnServer:
        return SyncEngine::tr("changed here, deleted on the server");
    case ConflictKind::DeletedLocally:
        return SyncEngine::tr("deleted here, changed on the server");
    }
    return {};
}

QString describe(Resolution resolution)
{
    switch (resolution) {
    case Resolution::KeepMine:
        return SyncEngine::tr("kept yours");
    case Resolution::KeepServer:
        return SyncEngine::tr("kept the server's");
    case Resolution::KeepBoth:
        return SyncEngine::tr("kept both");
    }
    return {};
}
} // namespace

struct SyncEngine::Run
{
    QString id;
    SyncSummary summary;
    SyncProgress progress;
    const ProgressCallback* callback = nullptr;
};

SyncEngine::SyncEngine(Database& server, LocalStore& local) : m_server(server), m_local(local) {}

void SyncEngine::log(const QString& runId, const QString& action, const SyncTable& table, const QString& uuid,
                     const QString& name, const QString& detail)
{
    (void)m_local.log(SyncLogEntry{{}, runId, action, table.entity, uuid, name, detail});
}

bool SyncEngine::serverLost(const Error& error)
{
    return error.kind == Error::Kind::Connection || !m_server.ping().ok();
}

Result<SyncEngine::Connections> SyncEngine::connections()
{
    auto server = m_server.checkedConnection();
    if (!server)
        return server.error();
    auto local = m_local.database().checkedConnection();
    if (!local)
        return local.error();
    return Connections{server.value(), local.value()};
}

Result<SyncSummary> SyncEngine::run(const ProgressCallback& progress)
{
    Run run;
    run.id = QUuid::createUuid().toString(QUuid::Id128).left(8);
    run.callback = &progress;
    if (auto pinged = m_server.ping(); !pinged)
        return pinged.error();
    // Local deletions first and in reverse order (a campaign goes before the template it used), then everything
    // else with referenced tables first (a template before the campaign made from it).
    const QList<SyncTable>& tables = SyncTable::all();
    for (auto table = tables.crbegin(); table != tables.crend(); ++table) {
        if (auto done = syncTable(run, *table, true); !done)
            return done.error();
    }
    for (const SyncTable& table : tables) {
        if (auto done = syncTable(run, table, false); !done)
            return done.error();
    }
    auto both = connections();
    if (!both)
        return both.error();
    auto cached = NonprofitCache::refresh(both->server, both->local, m_nonprofitLimit);
    if (!cached)
        return cached.error();
    run.summary.cachedNonprofits = cached.value();
    auto open = m_local.openConflicts();
    if (!open)
        return open.error();
    run.summary.openConflicts = int(open->size());
    (void)m_local.setLastSyncAt(QDateTime::currentDateTimeUtc());
    (void)m_local.log({{}, run.id, QStringLiteral("finished"), {}, {}, {},
                       tr("pushed: %1, pulled: %2, conflicts: %3 new, %4 open")
                           .arg(run.summary.pushed)
                           .arg(run.summary.pulled)
                           .arg(run.summary.newConflicts)
                           .arg(run.summary.openConflicts)});
    return run.summary;
}

namespace {
// The value stored under `key`, or null.
template <typename Map>
const typename Map::mapped_type* entryOf(const Map& map, const QString& key)
{
    const auto found = map.constFind(key);
    return found == map.constEnd() ? nullptr : &found.value();
}
} // namespace

Status SyncEngine::syncTable(Run& run, const SyncTable& table, bool deletionsOnly)
{
    auto both = connections();
    if (!both)
        return both.error();
    const QSqlDatabase server = both->server;
    const QSqlDatabase local = both->local;
    auto serverVersions = table.versions(server);
    if (!serverVersions)
        return serverVersions.error();
    auto localVersions = table.versions(local);
    if (!localVersions)
        return localVersions.error();
    auto synced = m_local.syncedRows(table.entity);
    if (!synced)
        return synced.error();
    auto conflicted = m_local.openConflictUuids(table.entity);
    if (!conflicted)
        return conflicted.error();
    auto refused = m_local.refusedRows(table.entity);
    if (!refused)
        return refused.error();

    QSet<QString> uuids;
    for (const auto* versions : {&serverVersions.value(), &localVersions.value()}) {
        for (auto it = versions->cbegin(); it != versions->cend(); ++it)
            uuids.insert(it.key());
    }
    for (auto it = synced->cbegin(); it != synced->cend(); ++it)
        uuids.insert(it.key());

    struct Step
    {
        QString uuid;
        Action action;
        ConflictKind kind;
        int localVersion;
    };
    QList<Step> pushes;
    QList<Step> pulls;
    for (const QString& uuid : std::as_const(uuids)) {
        if (conflicted->contains(uuid))
            continue; // waits for the user
        // Pointers into the maps rather than std::optional copies: GCC 12 at -O2 takes the optionals' payload
        // for "maybe uninitialized" and the build treats warnings as errors.
        const auto s = entryOf(*serverVersions, uuid);
        const auto l = entryOf(*localVersions, uuid);
        const auto b = entryOf(*synced, uuid);
        if (l && !l->inScope)
            continue; // a local campaign that is not a draft is not ours to push
        if (deletionsOnly != (b && !l))
            continue;
        Action action = Action::None;
        ConflictKind kind = ConflictKind::EditedOnBoth;
        if (!b) {
            if (l && s)
                action = s->inScope ? Action::CompareBoth : Action::Conflict;
            else if (l)
                action = Action::PushInsert;
            else if (s && s->inScope)
                action = Action::PullWrite;
        } else {
            const bool localChanged = !l || l->version != b->local;
            const bool serverChanged = !s || !s->inScope || s->version != b->server;
            if (localChanged && !serverChanged) {
                action = l ? Action::PushUpdate : Action::PushDelete;
            } else if (!localChanged && serverChanged) {
                action = s && s->inScope ? Action::PullWrite : Action::PullDelete;
            } else if (localChanged && serverChanged) {
                if (l && s)
                    action = s->inScope ? Action::CompareBoth : Action::Conflict;
                else if (l) {
                    action = Action::Conflict;
                    kind = ConflictKind::DeletedOnServer;
                } else if (s && s->inScope) {
                    action = Action::Conflict;
                    kind = ConflictKind::DeletedLocally;
                } else {
                    action = Action::PullDelete; // gone on both sides: only the journal line is left
                }
            }
        }
        if (action == Action::None)
            continue;
        const bool isPush = action == Action::PushInsert || action == Action::PushUpdate || action == Action::PushDelete;
        const int localVersion = l ? l->version : -1;
        // Refused to this role and not changed since: trying again would be refused again (see pushRefused).
        if (isPush && refused->contains(uuid) && refused->value(uuid) == localVersion) {
            ++run.summary.stillRefused;
            continue;
        }
        (isPush ? pushes : pulls) << Step{uuid, action, kind, localVersion};
    }

    // Pushes first: a local row renamed because its name is taken on the server frees the name for the pull.
    const QList<Step> steps = pushes + pulls;
    run.progress.stage = table.table;
    run.progress.done = 0;
    run.progress.total = int(steps.size());
    for (const Step& step : steps) {
        const auto s = serverVersions->contains(step.uuid)
            ? std::optional<SyncVersion>(serverVersions->value(step.uuid))
            : std::nullopt;
        const auto b = synced->contains(step.uuid) ? std::optional<SyncedVersions>(synced->value(step.uuid))
                                                   : std::nullopt;
        if (auto done = apply(run, table, step.uuid, step.action, step.kind, s, b); !done) {
            if (serverLost(done.error()))
                return done;
            if (done.error().kind == Error::Kind::Permission) {
                if (auto kept = pushRefused(run, table, step.uuid, step.localVersion, done.error()); !kept)
                    return kept;
            } else {
                run.summary.failures << done.error().message;
                log(run.id, QStringLiteral("failed"), table, step.uuid, {}, done.error().message);
            }
        } else if (refused->contains(step.uuid)) {
            (void)m_local.forgetRefused(table.entity, step.uuid); // went through: the role may now
        }
        ++run.progress.done;
        run.progress.pushed = run.summary.pushed;
        run.progress.pulled = run.summary.pulled;
        if (*run.callback && !(*run.callback)(run.progress))
            return Error::make(Error::Kind::Cancelled,
                               tr("The sync was stopped; what was synced so far is kept and the rest follows next time."));
    }
    return {};
}

Status SyncEngine::apply(Run& run, const SyncTable& table, const QString& uuid, Action action,
                         ConflictKind conflictKind, const std::optional<SyncVersion>& serverVersion,
                         const std::optional<SyncedVersions>& synced)
{
    Q_UNUSED(serverVersion)
    auto both = connections();
    if (!both)
        return both.error();
    const QSqlDatabase server = both->server;
    const QSqlDatabase local = both->local;
    const auto readMine = [&] { return table.read(local, uuid); };
    const auto readTheirs = [&] { return table.read(server, uuid); };

    switch (action) {
    case Action::None:
        return {};
    case Action::PushInsert: {
        auto mine = readMine();
        if (!mine)
            return mine.error();
        if (!mine.value())
            return {}; // deleted locally while we looked
        return pushInsert(run, table, **mine);
    }
    case Action::PushUpdate: {
        auto mine = readMine();
        if (!mine)
            return mine.error();
        if (!mine.value())
            return {};
        auto version = table.updateOnServer(server, **mine, synced->server);
        if (!version)
            return version.error();
        if (!version.value())
            return conflictFound(run, table, uuid, ConflictKind::EditedOnBoth, (*mine)->name());
        if (auto recorded = m_local.recordSynced(table.entity, uuid, {**version, (*mine)->version}); !recorded)
            return recorded;
        ++run.summary.pushed;
        log(run.id, QStringLiteral("pushed"), table, uuid, (*mine)->name(), tr("now version %1 on the server").arg(**version));
        return {};
    }
    case Action::PushDelete: {
        auto removed = table.removeOnServer(server, uuid, synced->server);
        if (!removed) {
            // Still used on the server (a template a campaign there uses): bring the row back here.
            auto theirs = readTheirs();
            if (theirs && theirs.value())
                (void)pullWrite(table, **theirs);
            return removed.error();
        }
        if (!removed.value())
            return conflictFound(run, table, uuid, ConflictKind::DeletedLocally, QString());
        if (auto forgotten = m_local.forgetSynced(table.entity, uuid); !forgotten)
            return forgotten;
        ++run.summary.pushed;
        log(run.id, QStringLiteral("deleted_on_server"), table, uuid, {});
        return {};
    }
    case Action::PullWrite: {
        auto theirs = readTheirs();
        if (!theirs)
            return theirs.error();
        if (!theirs.value())
            return {};
        if (auto written = pullWrite(table, **theirs); !written)
            return written;
        ++run.summary.pulled;
        log(run.id, QStringLiteral("pulled"), table, uuid, (*theirs)->name(), tr("version %1").arg((*theirs)->version));
        return {};
    }
    case Action::PullDelete: {
        if (auto removed = pullDelete(table, uuid); !removed)
            return removed;
        ++run.summary.pulled;
        log(run.id, QStringLiteral("deleted_locally"), table, uuid, {},
            tr("deleted on the server, or no longer a draft there"));
        return {};
    }
    case Action::CompareBoth: {
        auto mine = readMine();
        if (!mine)
            return mine.error();
        auto theirs = readTheirs();
        if (!theirs)
            return theirs.error();
        if (mine.value() && theirs.value() && table.sameContent(**mine, **theirs)) {
            log(run.id, QStringLiteral("matched"), table, uuid, (*mine)->name(), tr("same on both sides"));
            return m_local.recordSynced(table.entity, uuid, {(*theirs)->version, (*mine)->version});
        }
        return conflictFound(run, table, uuid, conflictKind, mine.value() ? (*mine)->name() : QString());
    }
    case Action::Conflict: {
        auto mine = readMine();
        auto theirs = readTheirs();
        QString name = mine && mine.value() ? (*mine)->name() : QString();
        if (name.isEmpty() && theirs && theirs.value())
            name = (*theirs)->name();
        return conflictFound(run, table, uuid, conflictKind, name);
    }
    }
    return {};
}

Status SyncEngine::pushInsert(Run& run, const SyncTable& table, SyncRecord mine)
{
    auto both = connections();
    if (!both)
        return both.error();
    const QSqlDatabase server = both->server;
    const QSqlDatabase local = both->local;
    auto version = table.insertOnServer(server, mine);
    if (!version && version.error().kind == Error::Kind::Duplicate && table.namesUnique) {
        // Someone took the name on the server meanwhile: keep the draft under a name of its own.
        auto name = freeName(table, mine.name(), tr("offline copy"));
        if (!name)
            return name.error();
        auto renamed = table.renameLocal(local, mine.uuid, mine.uuid, name.value());
        if (!renamed)
            return renamed.error();
        log(run.id, QStringLiteral("renamed"), table, mine.uuid, name.value(),
            tr("'%1' is taken on the server").arg(mine.name()));
        mine.values[0] = name.value();
        mine.version = renamed.value();
        version = table.insertOnServer(server, mine);
    }
    if (!version)
        return version.error();
    if (auto recorded = m_local.recordSynced(table.entity, mine.uuid, {version.value(), mine.version}); !recorded)
        return recorded;
    ++run.summary.pushed;
    log(run.id, QStringLiteral("pushed"), table, mine.uuid, mine.name(), tr("new on the server"));
    return {};
}

Status SyncEngine::pullWrite(const SyncTable& table, const SyncRecord& server)
{
    auto localConnection = m_local.database().checkedConnection();
    if (!localConnection)
        return localConnection.error();
    const QSqlDatabase local = localConnection.value();
    Transaction transaction(local);
    if (auto begun = transaction.begin(); !begun)
        return begun;
    if (auto stored = storePulled(table, server); !stored)
        return stored;
    return transaction.commit();
}

Status SyncEngine::storePulled(const SyncTable& table, const SyncRecord& server)
{
    auto localConnection = m_local.database().checkedConnection();
    if (!localConnection)
        return localConnection.error();
    const QSqlDatabase local = localConnection.value();
    auto version = table.writeLocal(local, server);
    if (!version)
        return version.error();
    return m_local.recordSynced(table.entity, server.uuid, {server.version, version.value()});
}

Status SyncEngine::pullDelete(const SyncTable& table, const QString& uuid)
{
    auto localConnection = m_local.database().checkedConnection();
    if (!localConnection)
        return localConnection.error();
    const QSqlDatabase local = localConnection.value();
    Transaction transaction(local);
    if (auto begun = transaction.begin(); !begun)
        return begun;
    if (auto removed = table.removeLocal(local, uuid); !removed)
        return removed;
    if (auto forgotten = m_local.forgetSynced(table.entity, uuid); !forgotten)
        return forgotten;
    return transaction.commit();
}

Status SyncEngine::pushRefused(Run& run, const SyncTable& table, const QString& uuid, int localVersion,
                                const Error& error)
{
    // The server's rules, not a passing failure: the draft stays here, said once in the log, and is not sent again
    // (nor counted as a failure that keeps the window offline) until it is changed here.
    if (auto recorded = m_local.recordRefused(table.entity, uuid, localVersion); !recorded)
        return recorded;
    auto mine = table.read(m_local.database().connection(), uuid);
    const QString name = mine && mine.value() ? (*mine)->name() : QString();
    const QString detail = tr("%1 Kept on this computer; it is not sent again until you change it.").arg(error.message);
    run.summary.refused << (name.isEmpty() ? detail : QStringLiteral("%1: %2").arg(name, detail));
    log(run.id, QStringLiteral("refused"), table, uuid, name, detail);
    return {};
}

Status SyncEngine::conflictFound(Run& run, const SyncTable& table, const QString& uuid, ConflictKind kind,
                                 const QString& name)
{
    auto recorded = m_local.recordConflict(table.entity, uuid, kind, name);
    if (!recorded)
        return recorded.error();
    ++run.summary.newConflicts;
    log(run.id, QStringLiteral("conflict"), table, uuid, name, describe(kind));
    return {};
}

Result<QString> SyncEngine::freeName(const SyncTable& table, const QString& name, const QString& suffix)
{
    for (int n = 1;; ++n) {
        const QString candidate = n == 1 ? QStringLiteral("%1 (%2)").arg(name, suffix)
                                         : QStringLiteral("%1 (%2 %3)").arg(name, suffix).arg(n);
        if (!table.namesUnique)
            return candidate;
        bool taken = false;
        for (Database* database : {&m_server, &m_local.database()}) {
            auto db = database->checkedConnection();
            if (!db)
                return db.error();
            BoundQuery query(db.value(), QStringLiteral("SELECT 1 FROM %1 WHERE lower(name) = lower(:name)").arg(table.table));
            query.bind(QStringLiteral(":name"), candidate);
            if (auto done = query.exec(tr("Could not look for the name '%1'").arg(candidate)); !done)
                return done.error();
            taken = taken || query.next();
        }
        if (!taken)
            return candidate;
    }
}

Result<SyncEngine::ConflictSides> SyncEngine::sides(qint64 conflictId)
{
    auto conflict = m_local.conflict(conflictId);
    if (!conflict)
        return conflict.error();
    ConflictSides sides;
    sides.conflict = conflict.value();
    sides.table = SyncTable::forEntity(conflict->entity);
    if (!sides.table)
        return Error::make(Error::Kind::NotFound, tr("Sync conflict #%1 is about an unknown kind of row '%2'.")
                                                      .arg(conflictId)
                                                      .arg(conflict->entity));
    auto both = connections();
    if (!both)
        return both.error();
    const QSqlDatabase server = both->server;
    const QSqlDatabase local = both->local;
    auto mine = sides.table->read(local, conflict->uuid);
    if (!mine)
        return mine.error();
    auto theirs = sides.table->read(server, conflict->uuid);
    if (!theirs)
        return theirs.error();
    sides.mine = mine.value();
    sides.server = theirs.value();
    // Names for the rows the two versions refer to, so they can be shown as more than UUIDs.
    for (const auto* side : {&sides.mine, &sides.server}) {
        if (!*side)
            continue;
        for (int i = 0; i < sides.table->columns.size(); ++i) {
            const SyncTable::Column& column = sides.table->columns.at(i);
            QString uuid = (*side)->values.value(i).toString();
            if (column.kind == SyncTable::Kind::Audience)
                uuid = SyncTable::audienceSegmentUuid(uuid);
            else if (column.kind != SyncTable::Kind::Reference)
                continue;
            if (uuid.isEmpty() || sides.referenceNames.contains(uuid))
                continue;
            for (const QSqlDatabase& db : {local, server}) {
                BoundQuery name(db, QStringLiteral("SELECT name FROM %1 WHERE uuid = :uuid").arg(column.referencedTable));
                name.bind(QStringLiteral(":uuid"), uuid);
                if (name.exec(QString()) && name.next()) {
                    sides.referenceNames.insert(uuid, name.value(0).toString());
                    break;
                }
            }
        }
    }
    return sides;
}

Status SyncEngine::resolve(qint64 conflictId, Resolution resolution)
{
    auto found = sides(conflictId);
    if (!found)
        return found.error();
    const ConflictSides& sides = found.value();
    const SyncTable& table = *sides.table;
    const QString uuid = sides.conflict.uuid;
    const QString name = sides.mine ? sides.mine->name() : sides.server ? sides.server->name() : sides.conflict.name;
    auto both = connections();
    if (!both)
        return both.error();
    const QSqlDatabase server = both->server;
    const QSqlDatabase local = both->local;
    const bool serverHasDraft = sides.server && sides.server->inScope;
    const auto keepServers = [&]() -> Status {
        if (serverHasDraft)
            return pullWrite(table, *sides.server);
        return pullDelete(table, uuid);
    };
    QString detail;

    switch (resolution) {
    case Resolution::KeepMine: {
        if (!sides.mine) { // deleted here: delete there too
            if (sides.server) {
                auto removed = table.removeOnServer(server, uuid, sides.server->version);
                if (!removed)
                    return removed.error();
                if (!removed.value())
                    return Error::make(Error::Kind::Conflict,
                                       tr("%1 '%2' changed on the server again just now; look at it again.")
                                           .arg(table.entity, name));
            }
            if (auto forgotten = m_local.forgetSynced(table.entity, uuid); !forgotten)
                return forgotten;
            detail = tr("deleted on the server");
            break;
        }
        if (sides.server && !sides.server->inScope)
            return Error::make(Error::Kind::Conflict,
                               tr("%1 '%2' is no longer a draft on the server (it was queued), so your version cannot "
                                  "replace it. Keep both to keep your version as a new draft.")
                                   .arg(table.entity, name));
        Result<int> version = 0;
        if (sides.server) {
            auto updated = table.updateOnServer(server, *sides.mine, sides.server->version);
            if (!updated)
                return updated.error();
            if (!updated.value())
                return Error::make(Error::Kind::Conflict,
                                   tr("%1 '%2' changed on the server again just now; look at it again.")
                                       .arg(table.entity, name));
            version = **updated;
        } else {
            version = table.insertOnServer(server, *sides.mine);
            if (!version)
                return version.error();
        }
        if (auto recorded = m_local.recordSynced(table.entity, uuid, {version.value(), sides.mine->version}); !recorded)
            return recorded;
        detail = tr("your version is now version %1 on the server").arg(version.value());
        break;
    }
    case Resolution::KeepServer:
        if (auto kept = keepServers(); !kept)
            return kept;
        detail = serverHasDraft ? tr("the server's version %1 replaced yours").arg(sides.server->version)
                                : tr("removed here as on the server");
        break;
    case Resolution::KeepBoth: {
        if (sides.mine) {
            auto copyName = freeName(table, sides.mine->name(), tr("my copy"));
            if (!copyName)
                return copyName.error();
            Transaction transaction(local);
            if (auto begun = transaction.begin(); !begun)
                return begun;
            const QString newUuid = StoredRow::newUuid();
            if (auto renamed = table.renameLocal(local, uuid, newUuid, copyName.value()); !renamed)
                return renamed.error();
            if (auto forgotten = m_local.forgetSynced(table.entity, uuid); !forgotten)
                return forgotten;
            if (serverHasDraft) {
                if (auto kept = storePulled(table, *sides.server); !kept)
                    return kept;
            }
            if (auto committed = transaction.commit(); !committed)
                return committed;
            detail = tr("yours kept as the new draft '%1' (%2)").arg(copyName.value(), newUuid);
        } else {
            if (auto kept = keepServers(); !kept)
                return kept;
            detail = tr("the server's version restored here");
        }
        break;
    }
    }
    if (auto resolved = m_local.markResolved(conflictId, resolution); !resolved)
        return resolved;
    log(QString(), QStringLiteral("resolved"), table, uuid, name, describe(resolution) + QStringLiteral(": ") + detail);
    return {};
}

} // namespace herald
