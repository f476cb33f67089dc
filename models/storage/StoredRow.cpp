#include "StoredRow.h"

#include "BoundQuery.h"
#include "SqlErrors.h"

#include <QCoreApplication>
#include <QUuid>

namespace herald {

QString StoredRow::newUuid() { return QUuid::createUuid().toString(QUuid::WithoutBraces); }

Error StoredRow::staleWriteError(const QSqlDatabase& db, const QString& table, const QString& entity,
                                 const QString& name, qint64 id, int version)
{
    BoundQuery current(db, QStringLiteral("SELECT name, version FROM %1 WHERE id = :id").arg(table));
    current.bind(QStringLiteral(":id"), id);
    if (auto read = current.exec(tr("Could not read %1 #%2").arg(entity, QString::number(id))); !read)
        return read.error();
    if (!current.next())
        return Error::make(Error::Kind::NotFound,
                           tr("%1 '%2' (#%3) was deleted by someone else; your changes were not saved.")
                               .arg(entity, name, QString::number(id)));
    return Error::make(Error::Kind::Conflict,
                       tr("%1 '%2' (#%3) was changed by someone else since you opened it (your version %4, now %5). "
                          "Reload it to see their changes.")
                           .arg(entity, current.value(0).toString(), QString::number(id), QString::number(version),
                                current.value(1).toString()));
}

Error StoredRow::namedWriteError(const QSqlDatabase& db, const QString& table, const QString& entity,
                                 const QString& name, qint64 id, const QSqlError& error, const QString& what)
{
    const Error plain = SqlErrors::toError(error, what);
    if (!SqlErrors::isUniqueViolation(error))
        return plain;
    BoundQuery holder(db, QStringLiteral("SELECT id, name FROM %1 WHERE lower(name) = lower(:name) AND id <> :id "
                                         "ORDER BY CASE WHEN name = :exact THEN 0 ELSE 1 END, id LIMIT 1")
                              .arg(table));
    holder.bind(QStringLiteral(":name"), name).bind(QStringLiteral(":id"), id).bind(QStringLiteral(":exact"), name);
    if (!holder.exec(QString()) || !holder.next())
        return plain; // another unique key (a UUID)
    return {Error::Kind::Duplicate,
            tr("%1 name '%2' is already used by '%3' (#%4).")
                .arg(entity, name, holder.value(1).toString(), holder.value(0).toString()),
            QStringLiteral("name")};
}

} // namespace herald
