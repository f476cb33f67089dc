#include "StatementCache.h"

#include <QSqlDriver>
#include <QVariant>

#include <atomic>
#include <cstring>
#include <map>
#include <mutex>

namespace herald {

namespace {
constexpr const char* SessionProperty = "heraldSession";

// Per thread: a connection belongs to the thread that opened it, and so do its statements. std::map: QSqlQuery
// can be moved but not copied, which QHash's values need.
thread_local std::map<std::pair<QString, QString>, StatementCache::Taken> t_statements;

thread_local bool t_quiet = false;
QtMessageHandler g_previousHandler = nullptr;

void filterDriverWarnings(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    if (t_quiet && context.category && std::strcmp(context.category, "qt.sql.qpsql") == 0)
        return;
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

// Silences the PostgreSQL driver's warnings on this thread while it lives.
class QuietDriverWarnings
{
public:
    QuietDriverWarnings()
    {
        static std::once_flag installed;
        std::call_once(installed, [] { g_previousHandler = qInstallMessageHandler(filterDriverWarnings); });
        t_quiet = true;
    }
    ~QuietDriverWarnings() { t_quiet = false; }
    QuietDriverWarnings(const QuietDriverWarnings&) = delete;
    QuietDriverWarnings& operator=(const QuietDriverWarnings&) = delete;
};

quint64 sessionOf(const QSqlDatabase& db)
{
    return db.driver() ? db.driver()->property(SessionProperty).toULongLong() : 0;
}
} // namespace

StatementCache::Taken StatementCache::take(const QSqlDatabase& db, const QString& sql)
{
    const quint64 session = sessionOf(db);
    const auto found = t_statements.find({db.connectionName(), sql});
    if (found != t_statements.end()) {
        Taken kept = std::move(found->second);
        t_statements.erase(found);
        if (kept.session == session)
            return kept;
    }
    Taken fresh{QSqlQuery(db), session, false};
    fresh.query.setForwardOnly(true);
    fresh.prepared = fresh.query.prepare(sql);
    return fresh;
}

void StatementCache::giveBack(const QSqlDatabase& db, const QString& sql, Taken taken, bool failed)
{
    if (failed || !taken.prepared || taken.session == 0 || taken.session != sessionOf(db))
        return;
    taken.query.finish();
    t_statements.try_emplace({db.connectionName(), sql}, std::move(taken)); // a nested twin stays out
}

void StatementCache::forget(const QString& connectionName)
{
    // Qt's PostgreSQL driver sends DEALLOCATE for each statement dropped and warns when it fails, as it does on
    // a connection that is closed or gone; that is expected here and no one's concern.
    const QuietDriverWarnings quiet;
    for (auto it = t_statements.begin(); it != t_statements.end();) {
        if (it->first.first == connectionName)
            it = t_statements.erase(it);
        else
            ++it;
    }
}

void StatementCache::markOpened(const QSqlDatabase& db)
{
    static std::atomic<quint64> sessions{0};
    if (db.driver())
        db.driver()->setProperty(SessionProperty, QVariant::fromValue<quint64>(++sessions));
}

} // namespace herald
