#include "SyncTable.h"

#include "storage/BoundQuery.h"
#include "storage/SqlDialect.h"
#include "storage/SqlErrors.h"
#include "storage/TemplateRepository.h"
#include "storage/Transaction.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QStringList>

namespace herald {

namespace {
const QString SegmentKey = QStringLiteral("segment");

// The segment a campaign audience names by row id, or 0.
qint64 audienceSegmentId(const QString& json)
{
    const QJsonObject object = QJsonDocument::fromJson(json.toUtf8()).object();
    const QJsonValue segment = object.value(SegmentKey);
    return segment.isDouble() ? qint64(segment.toDouble()) : 0;
}

QString audienceNaming(const QJsonValue& segment)
{
    QJsonObject object;
    object.insert(SegmentKey, segment);
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// One value of a row to look up across databases (a UUID by id, or an id by UUID).
Result<QVariant> lookUp(const QSqlDatabase& db, const QString& sql, const QVariant& key)
{
    BoundQuery query(db, sql);
    query.bind(QStringLiteral(":key"), key);
    if (auto done = query.exec(SyncTable::tr("Could not look up %1").arg(key.toString())); !done)
        return done.error();
    return query.next() ? query.value(0) : QVariant();
}

bool sameValue(SyncTable::Kind kind, const QVariant& a, const QVariant& b)
{
    switch (kind) {
    case SyncTable::Kind::Integer:
        return a.toLongLong() == b.toLongLong();
    case SyncTable::Kind::Timestamp:
        return a.toDateTime() == b.toDateTime();
    default:
        return a.toString() == b.toString(); // a NULL reference reads as empty text
    }
}
} // namespace

const QList<SyncTable>& SyncTable::all()
{
    static const QList<SyncTable> tables = [] {
        const auto text = [](const char* name) { return Column{QString::fromLatin1(name), Kind::Text, {}}; };
        SyncTable templates;
        templates.entity = QStringLiteral("template");
        templates.table = QStringLiteral("templates");
        templates.columns = {text("name"), text("subject"), text("html_body"), text("text_body"), text("language")};
        templates.namesUnique = true;
        templates.keepsHistory = true;

        SyncTable identities;
        identities.entity = QStringLiteral("sender_identity");
        identities.table = QStringLiteral("sender_identities");
        identities.columns = {text("name"), text("from_name"), text("from_email"), text("reply_to"),
                              text("postal_address"), text("unsubscribe_base_url")};
        identities.namesUnique = true;

        SyncTable segments;
        segments.entity = QStringLiteral("segment");
        segments.table = QStringLiteral("segments");
        segments.columns = {text("name"), text("definition")};
        segments.namesUnique = true;

        SyncTable campaigns;
        campaigns.entity = QStringLiteral("campaign");
        campaigns.table = QStringLiteral("campaigns");
        campaigns.columns = {text("name"),
                             {QStringLiteral("template_id"), Kind::Reference, QStringLiteral("templates")},
                             {QStringLiteral("template_version"), Kind::Integer, {}},
                             text("subject"), text("html_body"), text("text_body"),
                             {QStringLiteral("audience"), Kind::Audience, QStringLiteral("segments")},
                             text("from_name"), text("from_email"), text("reply_to"), text("postal_address"),
                             text("unsubscribe_base_url"),
                             {QStringLiteral("scheduled_at"), Kind::Timestamp, {}},
                             text("created_by"),
                             {QStringLiteral("sender_identity_id"), Kind::Reference,
                              QStringLiteral("sender_identities")},
                             {QStringLiteral("segment_id"), Kind::Reference, QStringLiteral("segments")},
                             text("unknown_policy"), text("tracking"), text("image_mode")};
        // Only drafts are edited offline; once queued a campaign belongs to the server.
        campaigns.scopeCondition = QStringLiteral("status = 'draft'");
        return QList<SyncTable>{templates, identities, segments, campaigns};
    }();
    return tables;
}

Backend SyncTable::backendOf(const QSqlDatabase& db)
{
    return db.driverName() == QLatin1String("QPSQL") ? Backend::Postgres : Backend::Sqlite;
}

QString SyncTable::audienceSegmentUuid(const QString& audienceJson)
{
    const QJsonValue segment = QJsonDocument::fromJson(audienceJson.toUtf8()).object().value(SegmentKey);
    return segment.isString() ? segment.toString() : QString();
}

const SyncTable* SyncTable::forEntity(const QString& entity)
{
    for (const SyncTable& table : all()) {
        if (table.entity == entity)
            return &table;
    }
    return nullptr;
}

bool SyncTable::sameContent(const SyncRecord& a, const SyncRecord& b) const
{
    for (int i = 0; i < columns.size(); ++i) {
        if (!sameValue(columns.at(i).kind, a.values.value(i), b.values.value(i)))
            return false;
    }
    return true;
}

int SyncTable::columnIndex(const QString& name) const
{
    for (int i = 0; i < columns.size(); ++i) {
        if (columns.at(i).name == name)
            return i;
    }
    return -1;
}

QString SyncTable::selectSql() const
{
    QStringList expressions{QStringLiteral("t.uuid"), QStringLiteral("t.version"),
                            scopeCondition.isEmpty() ? QStringLiteral("1")
                                                     : QStringLiteral("CASE WHEN t.%1 THEN 1 ELSE 0 END")
                                                           .arg(scopeCondition)};
    for (const Column& column : columns) {
        if (column.kind == Kind::Reference)
            expressions << QStringLiteral("(SELECT r.uuid FROM %1 r WHERE r.id = t.%2)")
                               .arg(column.referencedTable, column.name);
        else
            expressions << QStringLiteral("t.") + column.name;
    }
    return QStringLiteral("SELECT %1 FROM %2 t ").arg(expressions.join(QStringLiteral(", ")), table);
}

Result<QHash<QString, SyncVersion>> SyncTable::versions(const QSqlDatabase& db) const
{
    BoundQuery query(db, QStringLiteral("SELECT t.uuid, t.version, %1 FROM %2 t")
                             .arg(scopeCondition.isEmpty()
                                      ? QStringLiteral("1")
                                      : QStringLiteral("CASE WHEN t.%1 THEN 1 ELSE 0 END").arg(scopeCondition),
                                  table));
    if (auto done = query.exec(tr("Could not list the %1 rows").arg(table)); !done)
        return done.error();
    QHash<QString, SyncVersion> versions;
    while (query.next())
        versions.insert(query.value(0).toString(), {query.value(1).toInt(), query.value(2).toInt() == 1});
    return versions;
}

Result<std::optional<SyncRecord>> SyncTable::read(const QSqlDatabase& db, const QString& uuid) const
{
    BoundQuery query(db, selectSql() + QStringLiteral("WHERE t.uuid = :uuid"));
    query.bind(QStringLiteral(":uuid"), uuid);
    if (auto done = query.exec(tr("Could not read %1 %2").arg(entity, uuid)); !done)
        return done.error();
    if (!query.next())
        return std::optional<SyncRecord>();
    SyncRecord record;
    record.uuid = query.value(0).toString();
    record.version = query.value(1).toInt();
    record.inScope = query.value(2).toInt() == 1;
    for (int i = 0; i < columns.size(); ++i) {
        const QVariant value = query.value(3 + i);
        switch (columns.at(i).kind) {
        case Kind::Timestamp:
            record.values << (value.isNull() ? QVariant(QDateTime()) : QVariant(SqlDialect::readTimestamp(value)));
            break;
        case Kind::Integer:
            record.values << value.toLongLong();
            break;
        default:
            record.values << value.toString();
            break;
        }
    }
    query.finish();
    // {"segment": id} names a row of this database: carry the segment's UUID instead.
    for (int i = 0; i < columns.size(); ++i) {
        if (columns.at(i).kind != Kind::Audience)
            continue;
        const qint64 segmentId = audienceSegmentId(record.values.at(i).toString());
        if (segmentId <= 0)
            continue;
        auto segmentUuid = lookUp(db, QStringLiteral("SELECT uuid FROM %1 WHERE id = :key").arg(columns.at(i).referencedTable),
                                  segmentId);
        if (!segmentUuid)
            return segmentUuid.error();
        record.values[i] = audienceNaming(segmentUuid->toString());
    }
    return std::optional<SyncRecord>(record);
}

QString SyncTable::valueExpression(int column) const
{
    const Column& c = columns.at(column);
    if (c.kind == Kind::Reference)
        return QStringLiteral("(SELECT r.id FROM %1 r WHERE r.uuid = :%2)").arg(c.referencedTable, c.name);
    return QStringLiteral(":") + c.name;
}

void SyncTable::bindValues(BoundQuery& query, Backend backend, const SyncRecord& record) const
{
    const SqlDialect dialect(backend);
    for (int i = 0; i < columns.size(); ++i) {
        const Column& column = columns.at(i);
        const QVariant value = record.values.value(i);
        const QString placeholder = QStringLiteral(":") + column.name;
        switch (column.kind) {
        case Kind::Timestamp:
            query.bind(placeholder, dialect.timestamp(value.toDateTime()));
            break;
        case Kind::Integer:
            query.bind(placeholder, value.toLongLong());
            break;
        case Kind::Reference:
            query.bind(placeholder, BoundQuery::nullIfEmpty(value.toString()));
            break;
        default:
            // A record kept before a column existed has no value for it: empty text, as the column's default.
            query.bind(placeholder, value.isValid() ? value.toString() : QStringLiteral(""));
            break;
        }
    }
}

bool SyncTable::namesSegment(const SyncRecord& record) const
{
    for (int i = 0; i < columns.size(); ++i) {
        if (columns.at(i).kind == Kind::Audience && !audienceSegmentUuid(record.values.value(i).toString()).isEmpty())
            return true;
    }
    return false;
}

// Audience columns are written as the record carries them ({"segment": "<uuid>"}) and then pointed at the
// segment's row id in this database; a segment this database lacks stays named by UUID, so queueing the
// campaign fails with a message instead of mailing everyone.
static Status pointAudienceAtSegments(const SyncTable& table, const QSqlDatabase& db, const SyncRecord& record)
{
    for (int i = 0; i < table.columns.size(); ++i) {
        const SyncTable::Column& column = table.columns.at(i);
        if (column.kind != SyncTable::Kind::Audience)
            continue;
        const QJsonValue segment
            = QJsonDocument::fromJson(record.values.value(i).toString().toUtf8()).object().value(SegmentKey);
        if (!segment.isString())
            continue;
        auto segmentId = lookUp(db, QStringLiteral("SELECT id FROM %1 WHERE uuid = :key").arg(column.referencedTable),
                                segment.toString());
        if (!segmentId)
            return segmentId.error();
        if (segmentId->isNull())
            continue;
        BoundQuery update(db, QStringLiteral("UPDATE %1 SET %2 = :audience WHERE uuid = :uuid").arg(table.table, column.name));
        update.bind(QStringLiteral(":audience"), audienceNaming(QJsonValue(segmentId->toLongLong())))
            .bind(QStringLiteral(":uuid"), record.uuid);
        const QString what = SyncTable::tr("Could not set the audience of %1 '%2'").arg(table.entity, record.name());
        if (auto done = update.exec(what); !done)
            return done;
    }
    return {};
}

Result<int> SyncTable::insertOnServer(const QSqlDatabase& db, const SyncRecord& record) const
{
    QStringList names{QStringLiteral("uuid")};
    QStringList values{QStringLiteral(":uuid")};
    for (int i = 0; i < columns.size(); ++i) {
        names << columns.at(i).name;
        values << valueExpression(i);
    }
    // One statement is its own transaction; a second one (the audience's segment) needs an explicit one.
    Transaction transaction(db);
    if (namesSegment(record)) {
        if (auto begun = transaction.begin(); !begun)
            return begun.error();
    }
    BoundQuery insert(db, QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) RETURNING version")
                              .arg(table, names.join(QStringLiteral(", ")), values.join(QStringLiteral(", "))));
    bindValues(insert, backendOf(db), record);
    insert.bind(QStringLiteral(":uuid"), record.uuid);
    if (!insert.query().exec())
        return SqlErrors::toError(insert.query().lastError(), tr("Could not add %1 '%2'").arg(entity, record.name()));
    insert.next();
    const int version = insert.value(0).toInt();
    insert.finish();
    if (auto pointed = pointAudienceAtSegments(*this, db, record); !pointed)
        return pointed.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return version;
}

Status SyncTable::keepHistory(const QSqlDatabase& db, const QString& uuid, int version) const
{
    BoundQuery keep(db, TemplateRepository::keepVersionStatement(QStringLiteral("uuid = :uuid AND version = :version")));
    keep.bind(QStringLiteral(":uuid"), uuid).bind(QStringLiteral(":version"), version);
    if (!keep.query().exec())
        return SqlErrors::toError(keep.query().lastError(), tr("Could not keep version %1 of template %2").arg(version).arg(uuid));
    return {};
}

Result<std::optional<int>> SyncTable::updateOnServer(const QSqlDatabase& db, const SyncRecord& record,
                                                     int expectedVersion) const
{
    QStringList assignments;
    for (int i = 0; i < columns.size(); ++i)
        assignments << QStringLiteral("%1 = %2").arg(columns.at(i).name, valueExpression(i));
    const SqlDialect dialect(backendOf(db));
    assignments << QStringLiteral("updated_at = %1").arg(dialect.now()) << QStringLiteral("version = version + 1");
    Transaction transaction(db);
    if (keepsHistory || namesSegment(record)) {
        if (auto begun = transaction.begin(); !begun)
            return begun.error();
    }
    if (keepsHistory) {
        if (auto kept = keepHistory(db, record.uuid, expectedVersion); !kept)
            return kept.error();
    }
    BoundQuery update(db, QStringLiteral("UPDATE %1 SET %2 WHERE uuid = :uuid AND version = :expected%3 RETURNING version")
                              .arg(table, assignments.join(QStringLiteral(", ")),
                                   scopeCondition.isEmpty() ? QString() : QStringLiteral(" AND ") + scopeCondition));
    bindValues(update, dialect.backend(), record);
    update.bind(QStringLiteral(":uuid"), record.uuid).bind(QStringLiteral(":expected"), expectedVersion);
    if (!update.query().exec())
        return SqlErrors::toError(update.query().lastError(), tr("Could not save %1 '%2'").arg(entity, record.name()));
    if (!update.next())
        return std::optional<int>(); // the transaction rolls back the kept history with it
    const int version = update.value(0).toInt();
    update.finish();
    if (auto pointed = pointAudienceAtSegments(*this, db, record); !pointed)
        return pointed.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return std::optional<int>(version);
}

Result<bool> SyncTable::removeOnServer(const QSqlDatabase& db, const QString& uuid, int expectedVersion) const
{
    BoundQuery remove(db, QStringLiteral("DELETE FROM %1 WHERE uuid = :uuid AND version = :expected").arg(table));
    remove.bind(QStringLiteral(":uuid"), uuid).bind(QStringLiteral(":expected"), expectedVersion);
    if (auto done = remove.exec(tr("Could not delete %1 %2 on the server").arg(entity, uuid)); !done)
        return done.error();
    return remove.numRowsAffected() == 1;
}

Result<int> SyncTable::writeLocal(const QSqlDatabase& db, const SyncRecord& record) const
{
    BoundQuery existing(db, QStringLiteral("SELECT version FROM %1 WHERE uuid = :uuid").arg(table));
    existing.bind(QStringLiteral(":uuid"), record.uuid);
    if (auto done = existing.exec(tr("Could not read %1 %2").arg(entity, record.uuid)); !done)
        return done.error();
    const bool exists = existing.next();
    // Past every local version the row had, so its local history (template_versions) never clashes.
    const int version = exists ? qMax(existing.value(0).toInt() + 1, record.version) : record.version;
    existing.finish();

    QStringList names{QStringLiteral("uuid"), QStringLiteral("version")};
    QStringList values{QStringLiteral(":uuid"), QStringLiteral(":version")};
    QStringList assignments{QStringLiteral("version = :version"),
                            QStringLiteral("updated_at = %1").arg(SqlDialect(Backend::Sqlite).now())};
    for (int i = 0; i < columns.size(); ++i) {
        names << columns.at(i).name;
        values << valueExpression(i);
        assignments << QStringLiteral("%1 = %2").arg(columns.at(i).name, valueExpression(i));
    }
    BoundQuery write(db, exists ? QStringLiteral("UPDATE %1 SET %2 WHERE uuid = :uuid")
                                      .arg(table, assignments.join(QStringLiteral(", ")))
                                : QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                                      .arg(table, names.join(QStringLiteral(", ")), values.join(QStringLiteral(", "))));
    bindValues(write, backendOf(db), record);
    write.bind(QStringLiteral(":uuid"), record.uuid).bind(QStringLiteral(":version"), version);
    if (auto done = write.exec(tr("Could not store %1 '%2' in the offline store").arg(entity, record.name())); !done)
        return done.error();
    if (auto pointed = pointAudienceAtSegments(*this, db, record); !pointed)
        return pointed.error();
    return version;
}

Status SyncTable::removeLocal(const QSqlDatabase& db, const QString& uuid) const
{
    BoundQuery remove(db, QStringLiteral("DELETE FROM %1 WHERE uuid = :uuid").arg(table));
    remove.bind(QStringLiteral(":uuid"), uuid);
    return remove.exec(tr("Could not delete %1 %2 from the offline store").arg(entity, uuid));
}

Result<int> SyncTable::renameLocal(const QSqlDatabase& db, const QString& uuid, const QString& newUuid,
                                   const QString& newName) const
{
    BoundQuery rename(db, QStringLiteral("UPDATE %1 SET uuid = :new_uuid, name = :name, version = version + 1, "
                                         "updated_at = %2 WHERE uuid = :uuid RETURNING version")
                              .arg(table, SqlDialect(Backend::Sqlite).now()));
    rename.bind(QStringLiteral(":new_uuid"), newUuid).bind(QStringLiteral(":name"), newName).bind(QStringLiteral(":uuid"), uuid);
    if (auto done = rename.execSingle(tr("Could not rename %1 '%2'").arg(entity, newName),
                                      tr("There is no %1 %2 in the offline store.").arg(entity, uuid));
        !done)
        return done.error();
    const int version = rename.value(0).toInt();
    rename.finish();
    return version;
}

} // namespace herald
