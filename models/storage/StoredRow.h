#pragma once

#include "domain/Error.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QString>

namespace herald {

// What the repositories of named, versioned rows share: a UUID for a new syncable row, and the error that
// names the other row when a write fails because of it (someone saved first, or already holds the name).
class StoredRow
{
    Q_DECLARE_TR_FUNCTIONS(herald::StoredRow)
public:
    // A random (version 4) UUID as text without braces, for rows that sync between databases.
    static QString newUuid();

    // Why "UPDATE <table> … WHERE id = :id AND version = :version" matched no row: NotFound when the row is gone,
    // Conflict naming the row and both versions when someone else saved it first. `entity` is the translated
    // noun that starts the message ("Template"); `table` is a table name from code, never from input.
    static Error staleWriteError(const QSqlDatabase& db, const QString& table, const QString& entity,
                                 const QString& name, qint64 id, int version);

    // Why a write of a named row of `table` failed: when the name is taken (ignoring case), a Duplicate error
    // on field "name" naming the row that holds it; otherwise SqlErrors::toError(error, what).
    static Error namedWriteError(const QSqlDatabase& db, const QString& table, const QString& entity,
                                 const QString& name, qint64 id, const QSqlError& error, const QString& what);
};

} // namespace herald
