#pragma once

#include "Database.h"
#include "domain/Campaign.h"
#include "domain/Error.h"
#include "domain/Template.h"

#include <QCoreApplication>
#include <QList>

class QSqlQuery;

namespace herald {

// SQL for message templates. Every method uses this thread's connection of the database.
class TemplateRepository
{
    Q_DECLARE_TR_FUNCTIONS(herald::TemplateRepository)
public:
    explicit TemplateRepository(Database& database);

    // Validates, stores and fills in id, version (1), timestamps and a new UUID when it has none.
    Status insert(Template& messageTemplate);
    // Stores the edit if nobody changed the row since it was read (messageTemplate.version); bumps version.
    // The state it replaces is kept in template_versions, in the same transaction.
    Status update(Template& messageTemplate);
    Result<Template> find(qint64 id);
    Result<Template> findByUuid(const QString& uuid);
    // Every template by name (they are few).
    Result<QList<Template>> list();
    // Deletes the template; refused, naming them, while campaigns use it.
    Status remove(qint64 id);

    // Every saved state of the template, newest (the current row) first; updatedAt is when that state was saved.
    Result<QList<Template>> versions(qint64 templateId);
    // The template as it was at `version` (the current row when that is its version), e.g. the one a campaign
    // recorded; NotFound naming both when there is no such version.
    Result<Template> findVersion(qint64 templateId, int version);
    // Gives a campaign without a snapshot yet the subject and bodies it will be sent with: a draft's are the
    // template's current ones (queueing snapshots them), any other's those of the version it records.
    // A campaign that has a snapshot is left as it is.
    Status fillSnapshot(Campaign& campaign);

    // The statement that copies a template's row into template_versions, for the row `condition` (SQL with bound
    // :version and the row's key) picks; shared with offline sync, which keeps history the same way.
    static QString keepVersionStatement(const QString& condition);

private:
    // Normalizes and validates the template, then hands out the connection to write it on.
    Result<QSqlDatabase> connectionToWrite(Template& messageTemplate);
    Error writeError(const Template& messageTemplate, const QSqlError& error, const QString& what);
    Error inUseError(qint64 id);
    // Copies the row at `version` into template_versions; false (nothing copied) when it is not at that version.
    Result<bool> keepVersion(const QSqlDatabase& db, const Template& messageTemplate);
    static Template readRow(const QSqlQuery& query);

    Database& m_database;
};

} // namespace herald
