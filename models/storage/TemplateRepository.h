#pragma once

#include "Database.h"
#include "domain/Error.h"
#include "domain/Template.h"

#include <QList>

class QSqlQuery;

namespace herald {

// SQL for message templates. Every method uses this thread's connection of the database.
class TemplateRepository
{
public:
    explicit TemplateRepository(Database& database);

    // Validates, stores and fills in id, version (1), timestamps and a new UUID when it has none.
    Status insert(Template& messageTemplate);
    // Stores the edit if nobody changed the row since it was read (messageTemplate.version); bumps version.
    Status update(Template& messageTemplate);
    Result<Template> find(qint64 id);
    Result<Template> findByUuid(const QString& uuid);
    // Every template by name (they are few).
    Result<QList<Template>> list();
    // Deletes the template; refused, naming them, while campaigns use it.
    Status remove(qint64 id);

private:
    // Normalizes and validates the template, then hands out the connection to write it on.
    Result<QSqlDatabase> connectionToWrite(Template& messageTemplate);
    Error writeError(const Template& messageTemplate, const QSqlError& error, const QString& what);
    Error inUseError(qint64 id);
    static Template readRow(const QSqlQuery& query);

    Database& m_database;
};

} // namespace herald
