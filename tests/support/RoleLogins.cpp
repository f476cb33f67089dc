#include "RoleLogins.h"

#include "TestDatabase.h"

#include <QProcess>
#include <QRegularExpression>
#include <QUuid>

namespace herald::test {

RoleLogins::RoleLogins(const ConnectionProfile& profile)
    : m_profile(profile)
    , m_runTag(QUuid::createUuid().toString(QUuid::Id128).left(8))
    , m_password(QUuid::createUuid().toString(QUuid::Id128))
{
}

RoleLogins::~RoleLogins()
{
    m_as.clear();
    // The database may still exist (dropped later by TestDatabase): objects a login owns there go first.
    for (const auto& [role, name] : m_logins) {
        psql({}, QStringLiteral("REASSIGN OWNED BY %1 TO postgres; DROP OWNED BY %1").arg(name));
        psql({}, QStringLiteral("DROP ROLE IF EXISTS %1").arg(name), QStringLiteral("postgres"));
    }
}

QString RoleLogins::create()
{
    for (const char* role : {"viewer", "editor", "sender", "admin", "worker"}) {
        const QString made = createLogin(QLatin1String(role), QLatin1String(role));
        if (made.isEmpty())
            return QStringLiteral("could not create the %1 login").arg(QLatin1String(role));
    }
    return {};
}

QString RoleLogins::createLogin(const QString& suffix, const QString& role)
{
    const QString name = QStringLiteral("t%1_%2").arg(m_runTag, suffix);
    const PsqlRun created = psql({}, QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD '%2' IN ROLE herald_%3").arg(name, m_password, role));
    if (created.exitCode != 0) {
        qWarning("%s", qPrintable(created.output));
        return {};
    }
    m_logins[suffix] = name;
    return name;
}

ConnectionProfile RoleLogins::profile(const QString& role) const
{
    ConnectionProfile profile = m_profile;
    profile.user = login(role);
    return profile;
}

Database& RoleLogins::as(const QString& role)
{
    auto& database = m_as[role];
    if (!database) {
        database = std::make_unique<Database>(profile(role), m_password);
        if (auto opened = database->open(); !opened)
            qWarning("as %s: %s", qPrintable(role), qPrintable(opened.error().message));
    }
    return *database;
}

RoleLogins::PsqlRun RoleLogins::psql(const QString& user, const QString& sql, const QString& database) const
{
    const ConnectionProfile profile = TestDatabase::serverProfile(database.isEmpty() ? m_profile.database : database);
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("PGPASSWORD"), m_password);
    environment.insert(QStringLiteral("PGCONNECT_TIMEOUT"), QStringLiteral("10"));
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("/usr/bin/psql"),
                  {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-A"), QStringLiteral("-t"), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"),
                   QStringLiteral("-h"), profile.host, QStringLiteral("-p"), QString::number(profile.port), QStringLiteral("-U"),
                   user.isEmpty() ? QStringLiteral("postgres") : user, QStringLiteral("-d"), profile.database, QStringLiteral("-c"), sql});
    if (!process.waitForFinished(30000))
        return {};
    return {process.exitCode(), QString::fromUtf8(process.readAll())};
}

QString RoleLogins::whyNotRefused(const QString& user, const QString& sql, const QString& reason) const
{
    const PsqlRun run = psql(user, sql);
    const QString who = user.isEmpty() ? QStringLiteral("postgres") : user;
    if (run.exitCode == 0)
        return QStringLiteral("%1 was allowed: %2").arg(who, sql);
    if (reason.isEmpty() ? !isRefusal(run.output) : !run.output.contains(reason))
        return QStringLiteral("%1: %2 -> %3").arg(who, sql, run.output);
    return {};
}

QString RoleLogins::whyNotAllowed(const QString& user, const QString& sql) const
{
    const PsqlRun run = psql(user, sql);
    if (run.exitCode == 0)
        return {};
    return QStringLiteral("%1: %2 -> %3").arg(user.isEmpty() ? QStringLiteral("postgres") : user, sql, run.output);
}

bool RoleLogins::isRefusal(const QString& output)
{
    static const QRegularExpression reason(QStringLiteral("permission denied|row-level security|append-only|must be owner"));
    return reason.match(output).hasMatch();
}

} // namespace herald::test
