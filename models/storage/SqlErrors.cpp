#include "SqlErrors.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace herald {

namespace {
// SQLite extended result codes (sqlite3.h) and PostgreSQL SQLSTATEs.
const QString SqliteConstraint = QStringLiteral("19");
const QString SqliteUnique = QStringLiteral("2067");
const QString SqlitePrimaryKey = QStringLiteral("1555");
const QString SqliteForeignKey = QStringLiteral("787");
const QString SqliteCheck = QStringLiteral("275");

// Any SQLITE_CONSTRAINT code, extended or not (an ON DELETE RESTRICT failure is SQLITE_CONSTRAINT_TRIGGER, 1811).
bool isSqliteConstraint(const QString& code)
{
    bool numeric = false;
    const int value = code.toInt(&numeric);
    return numeric && (value & 0xff) == SqliteConstraint.toInt();
}

QString serverText(const QSqlError& error)
{
    QString text = error.databaseText().trimmed();
    if (text.isEmpty())
        text = error.driverText().trimmed();
    return text;
}

// The table a PostgreSQL permission error names: "permission denied for table nonprofits", "new row violates
// row-level security policy for table \"campaigns\"", "DELETE of audit_log is refused" (migration 23's trigger).
QString deniedTable(const QString& serverText)
{
    static const QRegularExpression table(
        QStringLiteral("for (?:table|relation|view) \"?([A-Za-z_][A-Za-z0-9_]*)|of ([A-Za-z_][A-Za-z0-9_]*) is refused"));
    const auto match = table.match(serverText);
    if (!match.hasMatch())
        return {};
    return match.captured(1).isEmpty() ? match.captured(2) : match.captured(1);
}

Error permissionError(const QSqlError& error, const QString& what)
{
    // Migration 24's refusal of an unapproved large send is a sentence already (Herald asks first and says it in the
    // user's language; this is for a race with a change of the threshold or of the approval).
    static const QRegularExpression approval(QStringLiteral("(Campaign '.*needs approval from [^\\n]*)"));
    if (const auto refusal = approval.match(serverText(error)); refusal.hasMatch())
        return Error::make(Error::Kind::Permission,
                           QCoreApplication::translate("SqlErrors", "%1: %2").arg(what, refusal.captured(1)));
    const QString table = deniedTable(serverText(error));
    const QString message = table.isEmpty()
        ? QCoreApplication::translate("SqlErrors", "%1: the database does not allow this to your role. Ask an "
                                                   "administrator if you need it.")
              .arg(what)
        : QCoreApplication::translate("SqlErrors", "%1: the database does not allow this on %2 to your role. Ask an "
                                                   "administrator if you need it.")
              .arg(what, table);
    return Error::make(Error::Kind::Permission, message);
}
} // namespace

bool SqlErrors::isUniqueViolation(const QSqlError& error)
{
    const QString code = error.nativeErrorCode();
    if (code == QLatin1String("23505") || code == SqliteUnique || code == SqlitePrimaryKey)
        return true;
    return code == SqliteConstraint && error.databaseText().contains(QLatin1String("UNIQUE"));
}

bool SqlErrors::isForeignKeyViolation(const QSqlError& error)
{
    const QString code = error.nativeErrorCode();
    if (code == QLatin1String("23503") || code == SqliteForeignKey)
        return true;
    return isSqliteConstraint(code) && error.databaseText().contains(QLatin1String("FOREIGN KEY"));
}

bool SqlErrors::isCheckViolation(const QSqlError& error)
{
    const QString code = error.nativeErrorCode();
    if (code == QLatin1String("23514") || code == SqliteCheck)
        return true;
    return code == SqliteConstraint && error.databaseText().contains(QLatin1String("CHECK"));
}

bool SqlErrors::isConnectionLost(const QSqlError& error)
{
    // QSQLITE reports every failed step as a ConnectionError, constraint violations included.
    if (isUniqueViolation(error) || isForeignKeyViolation(error) || isCheckViolation(error))
        return false;
    const QString code = error.nativeErrorCode();
    if (code.startsWith(QLatin1String("08")) || code == QLatin1String("57P01") || code == QLatin1String("57P02")
        || code == QLatin1String("57P03"))
        return true;
    if (error.type() == QSqlError::ConnectionError)
        return true;
    const QString text = error.text();
    return text.contains(QLatin1String("server closed the connection"))
        || text.contains(QLatin1String("no connection to the server"))
        || text.contains(QLatin1String("terminating connection"));
}

bool SqlErrors::isAuthenticationFailure(const QSqlError& error)
{
    const QString code = error.nativeErrorCode();
    const QString text = error.text();
    return code == QLatin1String("28P01") || code == QLatin1String("28000")
        || text.contains(QLatin1String("password authentication failed"))
        || text.contains(QLatin1String("no password supplied"))
        || text.contains(QLatin1String("authentication failed"));
}

bool SqlErrors::isPermissionDenied(const QSqlError& error)
{
    return error.nativeErrorCode() == QLatin1String("42501");
}

Error SqlErrors::toError(const QSqlError& error, const QString& what)
{
    if (isPermissionDenied(error))
        return permissionError(error, what);
    Error::Kind kind = Error::Kind::Database;
    if (isAuthenticationFailure(error))
        kind = Error::Kind::Authentication;
    else if (isConnectionLost(error))
        kind = Error::Kind::Connection;
    else if (isUniqueViolation(error))
        kind = Error::Kind::Duplicate;
    return Error::make(kind, QCoreApplication::translate("SqlErrors", "%1: %2").arg(what, serverText(error)));
}

} // namespace herald
