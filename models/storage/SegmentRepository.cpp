#include "SegmentRepository.h"

#include "BoundQuery.h"
#include "NonprofitCondition.h"
#include "SqlDialect.h"
#include "StoredRow.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace herald {

namespace {
const QString Table = QStringLiteral("segments");
const QString SelectColumns
    = QStringLiteral("SELECT id, uuid, name, definition, created_at, updated_at, version FROM segments ");
constexpr int MaxNameLength = 200;
} // namespace

SegmentRepository::SegmentRepository(Database& database)
    : m_database(database)
{
}

Segment SegmentRepository::readRow(const QSqlQuery& query)
{
    Segment row;
    row.id = query.value(0).toLongLong();
    row.uuid = query.value(1).toString();
    row.name = query.value(2).toString();
    row.definition = SegmentDefinition::fromJson(query.value(3).toString());
    row.createdAt = SqlDialect::readTimestamp(query.value(4));
    row.updatedAt = SqlDialect::readTimestamp(query.value(5));
    row.version = query.value(6).toInt();
    return row;
}

Result<QSqlDatabase> SegmentRepository::connectionToWrite(Segment& segment)
{
    segment.name = segment.name.trimmed();
    if (segment.name.isEmpty())
        return Error::validation(QStringLiteral("name"), tr("A segment needs a name."));
    if (segment.name.size() > MaxNameLength)
        return Error::validation(QStringLiteral("name"), tr("Name is longer than %1 characters.").arg(MaxNameLength));
    segment.definition.anyOfTags = Nonprofit::cleanTags(segment.definition.anyOfTags);
    return m_database.checkedConnection();
}

Status SegmentRepository::insert(Segment& segment)
{
    auto db = connectionToWrite(segment);
    if (!db)
        return db.error();
    const QString uuid = segment.uuid.isEmpty() ? StoredRow::newUuid() : segment.uuid;
    BoundQuery query(db.value(),
        QStringLiteral("INSERT INTO segments (uuid, name, definition) VALUES (:uuid, :name, "
                       ":definition) RETURNING id, version, created_at, updated_at"));
    query.bind(QStringLiteral(":uuid"), uuid)
        .bind(QStringLiteral(":name"), segment.name)
        .bind(QStringLiteral(":definition"), segment.definition.toJson());
    if (!query.query().exec())
        return StoredRow::namedWriteError(db.value(), Table, tr("Segment"), segment.name, 0, query.query().lastError(),
            tr("Could not add segment '%1'").arg(segment.name));
    query.next();
    segment.id = query.value(0).toLongLong();
    segment.uuid = uuid;
    segment.version = query.value(1).toInt();
    segment.createdAt = SqlDialect::readTimestamp(query.value(2));
    segment.updatedAt = SqlDialect::readTimestamp(query.value(3));
    query.finish();
    return {};
}

Status SegmentRepository::update(Segment& segment)
{
    auto db = connectionToWrite(segment);
    if (!db)
        return db.error();
    BoundQuery query(db.value(),
        QStringLiteral("UPDATE segments SET name = :name, definition = :definition, "
                       "updated_at = %1, version = version + 1 "
                       "WHERE id = :id AND version = :version RETURNING version, updated_at")
            .arg(SqlDialect(m_database.backend()).now()));
    query.bind(QStringLiteral(":name"), segment.name)
        .bind(QStringLiteral(":definition"), segment.definition.toJson())
        .bind(QStringLiteral(":id"), segment.id)
        .bind(QStringLiteral(":version"), segment.version);
    if (!query.query().exec())
        return StoredRow::namedWriteError(db.value(), Table, tr("Segment"), segment.name, segment.id,
            query.query().lastError(), tr("Could not save segment '%1'").arg(segment.name));
    if (!query.next())
        return StoredRow::staleWriteError(db.value(), Table, tr("Segment"), segment.name, segment.id, segment.version);
    segment.version = query.value(0).toInt();
    segment.updatedAt = SqlDialect::readTimestamp(query.value(1));
    query.finish();
    return {};
}

Result<Segment> SegmentRepository::find(qint64 id)
{
    return BoundQuery::selectOne(m_database, SelectColumns + QStringLiteral("WHERE id = :key"), id,
        tr("Could not read segment #%1").arg(id), tr("Segment #%1 does not exist.").arg(id),
        &SegmentRepository::readRow);
}

Result<QList<Segment>> SegmentRepository::list()
{
    return BoundQuery::selectAll(m_database, SelectColumns + QStringLiteral("ORDER BY lower(name), id"),
        tr("Could not read the segments"), &SegmentRepository::readRow);
}

Result<bool> SegmentRepository::remove(qint64 id)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery query(db.value(), QStringLiteral("DELETE FROM segments WHERE id = :id"));
    if (auto done = query.bind(QStringLiteral(":id"), id).exec(tr("Could not delete segment #%1").arg(id)); !done)
        return done.error();
    return query.numRowsAffected() > 0;
}

Result<SegmentCount> SegmentRepository::count(const SegmentDefinition& definition)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    NonprofitCondition condition(m_database.backend());
    condition.matching(definition);
    // Mailable as SendQueue::enqueue decides it: active, and not on the suppression list.
    BoundQuery query(db.value(),
        QStringLiteral("SELECT count(*), COALESCE(sum(CASE WHEN n.status = 'active' AND NOT EXISTS "
                       "(SELECT 1 FROM suppressions x WHERE x.email = lower(n.email)) THEN 1 ELSE 0 END), 0) "
                       "FROM nonprofits n WHERE %1")
            .arg(condition.sql()));
    condition.bindTo(query);
    if (auto done = query.execSingle(tr("Could not count the segment"), tr("Could not count the segment")); !done)
        return done.error();
    return SegmentCount { query.value(0).toLongLong(), query.value(1).toLongLong() };
}

Result<Audience> SegmentRepository::resolve(const QString& audienceJson)
{
    const QJsonObject object = QJsonDocument::fromJson(audienceJson.toUtf8()).object();
    if (!object.contains(QStringLiteral("segment")))
        return Audience::fromJson(audienceJson);
    auto segment = find(qint64(object.value(QStringLiteral("segment")).toDouble()));
    if (!segment)
        return segment.error();
    return segment->definition;
}

} // namespace herald
