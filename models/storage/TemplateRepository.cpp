#include "TemplateRepository.h"

#include "BoundQuery.h"
#include "SqlDialect.h"
#include "SqlErrors.h"
#include "StoredRow.h"
#include "Transaction.h"
#include "domain/HeaderText.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>

namespace herald {

namespace {
const QString Table = QStringLiteral("templates");
const QString SelectColumns = QStringLiteral("SELECT id, uuid, name, subject, html_body, text_body, created_at, "
                                             "updated_at, version, language FROM templates ");
// A kept version in the columns of SelectColumns (saved_at stands for updated_at).
const QString SelectVersionColumns = QStringLiteral(
    "SELECT t.id, t.uuid, v.name, v.subject, v.html_body, v.text_body, t.created_at, v.saved_at, v.version, "
    "v.language "
    "FROM template_versions v JOIN templates t ON t.id = v.template_id ");

constexpr int MaxNameLength = 300;

// What the table needs of a template. Mustache and content checks (compose/TemplateValidator) are advice shown
// while editing; a draft with issues can still be saved.
Status validate(const Template& messageTemplate)
{
    if (messageTemplate.name.trimmed().isEmpty())
        return Error::validation(QStringLiteral("name"), TemplateRepository::tr("Name is required."));
    if (messageTemplate.name.size() > MaxNameLength)
        return Error::validation(QStringLiteral("name"), TemplateRepository::tr("Name is longer than %1 characters.").arg(MaxNameLength));
    // A language tag as QLocale reads it ("es", "fr_CA", "pt-BR"); empty: the interface's language.
    static const QRegularExpression languageTag(QStringLiteral("^[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8})?$"));
    if (!messageTemplate.language.isEmpty() && !languageTag.match(messageTemplate.language).hasMatch())
        return Error::validation(QStringLiteral("language"),
                                 TemplateRepository::tr("Language '%1' is not a language code such as 'en', 'es' "
                                                        "or 'fr_CA'.")
                                     .arg(messageTemplate.language));
    return HeaderText::check(QStringLiteral("subject"), TemplateRepository::tr("Subject"), messageTemplate.subject);
}

void bindFields(BoundQuery& query, const Template& messageTemplate)
{
    query.bind(QStringLiteral(":name"), messageTemplate.name)
        .bind(QStringLiteral(":subject"), messageTemplate.subject)
        .bind(QStringLiteral(":html_body"), messageTemplate.htmlBody)
        .bind(QStringLiteral(":text_body"), messageTemplate.textBody)
        .bind(QStringLiteral(":language"), messageTemplate.language);
}
} // namespace

TemplateRepository::TemplateRepository(Database& database) : m_database(database) {}

Template TemplateRepository::readRow(const QSqlQuery& query)
{
    Template row;
    row.id = query.value(0).toLongLong();
    row.uuid = query.value(1).toString();
    row.name = query.value(2).toString();
    row.subject = query.value(3).toString();
    row.htmlBody = query.value(4).toString();
    row.textBody = query.value(5).toString();
    row.createdAt = SqlDialect::readTimestamp(query.value(6));
    row.updatedAt = SqlDialect::readTimestamp(query.value(7));
    row.version = query.value(8).toInt();
    row.language = query.value(9).toString();
    return row;
}

Result<QSqlDatabase> TemplateRepository::connectionToWrite(Template& messageTemplate)
{
    messageTemplate.name = messageTemplate.name.trimmed();
    messageTemplate.language = messageTemplate.language.trimmed();
    if (auto valid = validate(messageTemplate); !valid)
        return valid.error();
    return m_database.checkedConnection();
}

Error TemplateRepository::writeError(const Template& messageTemplate, const QSqlError& error, const QString& what)
{
    return StoredRow::namedWriteError(m_database.connection(), Table, tr("Template"), messageTemplate.name,
                                      messageTemplate.id, error, what);
}

Status TemplateRepository::insert(Template& messageTemplate)
{
    auto db = connectionToWrite(messageTemplate);
    if (!db)
        return db.error();
    const QString uuid = messageTemplate.uuid.isEmpty() ? StoredRow::newUuid() : messageTemplate.uuid;
    BoundQuery query(db.value(), QStringLiteral("INSERT INTO templates (uuid, name, subject, html_body, text_body, "
                                                "language) VALUES (:uuid, :name, :subject, :html_body, "
                                                ":text_body, :language) "
                                                "RETURNING id, version, created_at, updated_at"));
    bindFields(query, messageTemplate);
    query.bind(QStringLiteral(":uuid"), uuid);
    if (!query.query().exec())
        return writeError(messageTemplate, query.query().lastError(),
                          tr("Could not add template '%1'").arg(messageTemplate.name));
    query.next();
    messageTemplate.id = query.value(0).toLongLong();
    messageTemplate.version = query.value(1).toInt();
    messageTemplate.createdAt = SqlDialect::readTimestamp(query.value(2));
    messageTemplate.updatedAt = SqlDialect::readTimestamp(query.value(3));
    messageTemplate.uuid = uuid;
    query.finish();
    return {};
}

QString TemplateRepository::keepVersionStatement(const QString& condition)
{
    return QStringLiteral("INSERT INTO template_versions (template_id, version, name, subject, html_body, text_body, "
                          "language, saved_at) SELECT id, version, name, subject, html_body, text_body, language, "
                          "updated_at FROM templates WHERE ")
        + condition;
}

Result<bool> TemplateRepository::keepVersion(const QSqlDatabase& db, const Template& messageTemplate)
{
    BoundQuery keep(db, keepVersionStatement(QStringLiteral("id = :id AND version = :version")));
    keep.bind(QStringLiteral(":id"), messageTemplate.id).bind(QStringLiteral(":version"), messageTemplate.version);
    if (!keep.query().exec()) {
        // Another save of the same version kept it first (PostgreSQL makes us wait for it, then says so).
        if (SqlErrors::isUniqueViolation(keep.query().lastError()))
            return false;
        return writeError(messageTemplate, keep.query().lastError(),
                          tr("Could not keep version %1 of template '%2'")
                              .arg(messageTemplate.version)
                              .arg(messageTemplate.name));
    }
    return keep.numRowsAffected() == 1;
}

Status TemplateRepository::update(Template& messageTemplate)
{
    auto db = connectionToWrite(messageTemplate);
    if (!db)
        return db.error();
    const auto stale = [&] {
        return StoredRow::staleWriteError(db.value(), Table, tr("Template"), messageTemplate.name, messageTemplate.id,
                                          messageTemplate.version);
    };
    Transaction transaction(db.value());
    if (auto begun = transaction.begin(); !begun)
        return begun;
    auto kept = keepVersion(db.value(), messageTemplate);
    if (!kept)
        return kept.error();
    if (!kept.value()) {
        transaction.rollback();
        return stale();
    }
    BoundQuery query(db.value(), QStringLiteral("UPDATE templates SET name = :name, subject = :subject, "
                                                "html_body = :html_body, text_body = :text_body, language = :language, "
                                                "updated_at = %1, "
                                                "version = version + 1 WHERE id = :id AND version = :version "
                                                "RETURNING version, updated_at")
                                     .arg(SqlDialect(m_database.backend()).now()));
    bindFields(query, messageTemplate);
    query.bind(QStringLiteral(":id"), messageTemplate.id).bind(QStringLiteral(":version"), messageTemplate.version);
    if (!query.query().exec()) {
        const QSqlError error = query.query().lastError();
        transaction.rollback();
        return writeError(messageTemplate, error, tr("Could not save template '%1'").arg(messageTemplate.name));
    }
    if (!query.next()) {
        query.finish();
        transaction.rollback();
        return stale();
    }
    const int version = query.value(0).toInt();
    const QDateTime updatedAt = SqlDialect::readTimestamp(query.value(1));
    query.finish();
    if (auto committed = transaction.commit(); !committed)
        return committed;
    messageTemplate.version = version;
    messageTemplate.updatedAt = updatedAt;
    return {};
}

Result<Template> TemplateRepository::find(qint64 id)
{
    return BoundQuery::selectOne(m_database, SelectColumns + QStringLiteral("WHERE id = :key"), id,
                                 tr("Could not read template #%1").arg(id), tr("Template #%1 does not exist.").arg(id),
                                 &TemplateRepository::readRow);
}

Result<Template> TemplateRepository::findByUuid(const QString& uuid)
{
    return BoundQuery::selectOne(m_database, SelectColumns + QStringLiteral("WHERE uuid = :key"), uuid,
                                 tr("Could not read template %1").arg(uuid),
                                 tr("No template has the UUID %1.").arg(uuid), &TemplateRepository::readRow);
}

Result<QList<Template>> TemplateRepository::list()
{
    return BoundQuery::selectAll(m_database, SelectColumns + QStringLiteral("ORDER BY lower(name), id"),
                                 tr("Could not read the templates"), &TemplateRepository::readRow);
}

Error TemplateRepository::inUseError(qint64 id)
{
    BoundQuery users(m_database.connection(),
                     QStringLiteral("SELECT c.id, c.name, t.name FROM campaigns c JOIN templates t "
                                    "ON t.id = c.template_id WHERE c.template_id = :id ORDER BY lower(c.name), c.id"));
    users.bind(QStringLiteral(":id"), id);
    if (auto done = users.exec(tr("Could not read the campaigns that use template #%1").arg(id)); !done)
        return done.error();
    QStringList campaigns;
    QString templateName;
    while (users.next()) {
        campaigns << tr("'%1' (#%2)").arg(users.value(1).toString(), users.value(0).toString());
        templateName = users.value(2).toString();
    }
    return Error::make(Error::Kind::Conflict,
                       tr("Template '%1' (#%2) cannot be deleted while campaigns use it: %3. Delete those campaigns "
                          "or give them another template first.")
                           .arg(templateName, QString::number(id), campaigns.join(QStringLiteral(", "))));
}

Status TemplateRepository::remove(qint64 id)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery query(db.value(), QStringLiteral("DELETE FROM templates WHERE id = :id"));
    query.bind(QStringLiteral(":id"), id);
    if (!query.query().exec()) {
        const QSqlError error = query.query().lastError();
        if (SqlErrors::isForeignKeyViolation(error))
            return inUseError(id);
        return SqlErrors::toError(error, tr("Could not delete template #%1").arg(id));
    }
    if (query.numRowsAffected() == 0)
        return Error::make(Error::Kind::NotFound, tr("Template #%1 does not exist.").arg(id));
    return {};
}

Result<QList<Template>> TemplateRepository::versions(qint64 templateId)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery current(db.value(), SelectColumns + QStringLiteral("WHERE id = :id"));
    current.bind(QStringLiteral(":id"), templateId);
    auto rows = current.readAll(tr("Could not read template #%1").arg(templateId), &TemplateRepository::readRow);
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return Error::make(Error::Kind::NotFound, tr("Template #%1 does not exist.").arg(templateId));
    BoundQuery kept(db.value(), SelectVersionColumns
                                    + QStringLiteral("WHERE v.template_id = :id AND v.version < :current "
                                                     "ORDER BY v.version DESC"));
    kept.bind(QStringLiteral(":id"), templateId).bind(QStringLiteral(":current"), rows->first().version);
    auto older = kept.readAll(tr("Could not read the history of template #%1").arg(templateId),
                              &TemplateRepository::readRow);
    if (!older)
        return older.error();
    rows.value() += older.value();
    return rows;
}

Result<Template> TemplateRepository::findVersion(qint64 templateId, int version)
{
    auto current = find(templateId);
    if (!current || current->version == version)
        return current;
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery query(db.value(), SelectVersionColumns + QStringLiteral("WHERE v.template_id = :id AND v.version = :version"));
    query.bind(QStringLiteral(":id"), templateId).bind(QStringLiteral(":version"), version);
    if (auto found = query.execSingle(tr("Could not read version %1 of template #%2").arg(version).arg(templateId),
                                      tr("Template '%1' (#%2) has no version %3 (its versions go up to %4).")
                                          .arg(current->name)
                                          .arg(templateId)
                                          .arg(version)
                                          .arg(current->version));
        !found)
        return found.error();
    return readRow(query.query());
}

Status TemplateRepository::fillSnapshot(Campaign& campaign)
{
    const bool hasSnapshot
        = !campaign.subject.isEmpty() || !campaign.htmlBody.isEmpty() || !campaign.textBody.isEmpty();
    if (hasSnapshot)
        return {};
    if (campaign.templateId == 0)
        return Error::make(Error::Kind::Validation,
                           tr("Campaign '%1' (#%2) has no template.").arg(campaign.name).arg(campaign.id));
    // A draft is sent with the template as it is when queued (CampaignLauncher), so it renders the current
    // version; a queued campaign renders the version it recorded.
    const bool recorded = campaign.templateVersion > 0 && campaign.status != CampaignStatus::Draft;
    auto used = recorded ? findVersion(campaign.templateId, campaign.templateVersion) : find(campaign.templateId);
    if (!used)
        return used.error();
    campaign.templateVersion = used->version;
    campaign.subject = used->subject;
    campaign.htmlBody = used->htmlBody;
    campaign.textBody = used->textBody;
    return {};
}

} // namespace herald
