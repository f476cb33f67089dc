#pragma once

#include "domain/Error.h"

#include <QSqlError>

namespace herald {

// Reads what went wrong out of a QSqlError from either backend (SQLSTATE on PostgreSQL,
// extended result codes on SQLite), so repositories can turn it into a message for the user.
class SqlErrors
{
public:
    static bool isUniqueViolation(const QSqlError& error);
    static bool isForeignKeyViolation(const QSqlError& error);
    static bool isCheckViolation(const QSqlError& error);
    static bool isConnectionLost(const QSqlError& error);
    static bool isAuthenticationFailure(const QSqlError& error);
    // SQLSTATE 42501: a grant, a row-level security policy or the audit log's append-only trigger said no.
    static bool isPermissionDenied(const QSqlError& error);

    // "<what>: <the server's own text>" with a kind that says what the user can do; a permission error becomes a
    // sentence naming the table instead.
    static Error toError(const QSqlError& error, const QString& what);
};

} // namespace herald
