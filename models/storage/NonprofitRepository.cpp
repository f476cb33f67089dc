#include "NonprofitRepository.h"

#include "BoundQuery.h"
#include "SqlErrors.h"
#include "StoredRow.h"
#include "Transaction.h"
#include "domain/EmailAddress.h"
#include "domain/NonprofitValidator.h"

#include <QCoreApplication>
#include <QSqlRecord>

namespace herald {

namespace {
QString tr(const char* text) { return QCoreApplication::translate("NonprofitRepository", text); }

QString normalizedEin(const QString& ein)
{
    QString digits = ein.trimmed();
    digits.remove(QLatin1Char('-'));
    return digits;
}

QStringList cleanTags(const QStringList& tags)
{
    QStringList cleaned;
    for (const QString& tag : tags) {
        const QString trimmed = tag.trimmed();
        if (!trimmed.isEmpty() && !cleaned.contains(trimmed))
            cleaned << trimmed;
    }
    cleaned.sort();
    return cleaned;
}

void normalize(Nonprofit& nonprofit)
{
    nonprofit.name = nonprofit.name.trimmed();
    nonprofit.email = nonprofit.email.trimmed();
    nonprofit.ein = normalizedEin(nonprofit.ein);
    nonprofit.tags = cleanTags(nonprofit.tags);
}

void bindFields(BoundQuery& query, const Nonprofit& nonprofit)
{
    query.bind(QStringLiteral(":name"), nonprofit.name)
        .bind(QStringLiteral(":email"), nonprofit.email)
        .bind(QStringLiteral(":ein"), BoundQuery::nullIfEmpty(nonprofit.ein))
        .bind(QStringLiteral(":street"), nonprofit.street)
        .bind(QStringLiteral(":city"), nonprofit.city)
        .bind(QStringLiteral(":region"), nonprofit.region)
        .bind(QStringLiteral(":postal_code"), nonprofit.postalCode)
        .bind(QStringLiteral(":country"), nonprofit.country)
        .bind(QStringLiteral(":status"), toString(nonprofit.status))
        .bind(QStringLiteral(":consent"), nonprofit.consent);
}
} // namespace

NonprofitRepository::NonprofitRepository(Database& database) : m_database(database), m_dialect(database.backend()) {}

QString NonprofitRepository::selectColumns() const
{
    return QStringLiteral("n.id, n.name, n.email, n.ein, n.street, n.city, n.region, n.postal_code, n.country, "
                          "n.status, n.consent, n.created_at, n.updated_at, n.version, "
                          "(SELECT %1 FROM nonprofit_tags t WHERE t.nonprofit_id = n.id) AS tags")
        .arg(m_dialect.joinedAggregate(QStringLiteral("t.tag")));
}

Nonprofit NonprofitRepository::readRow(const QSqlQuery& query, const SqlDialect& dialect)
{
    Q_UNUSED(dialect)
    Nonprofit row;
    row.id = query.value(0).toLongLong();
    row.name = query.value(1).toString();
    row.email = query.value(2).toString();
    row.ein = query.value(3).toString();
    row.street = query.value(4).toString();
    row.city = query.value(5).toString();
    row.region = query.value(6).toString();
    row.postalCode = query.value(7).toString();
    row.country = query.value(8).toString();
    fromString(query.value(9).toString(), &row.status);
    row.consent = query.value(10).toString();
    row.createdAt = SqlDialect::readTimestamp(query.value(11));
    row.updatedAt = SqlDialect::readTimestamp(query.value(12));
    row.version = query.value(13).toInt();
    const QString tags = query.value(14).toString();
    row.tags = tags.isEmpty() ? QStringList() : tags.split(QLatin1Char(','));
    row.tags.sort();
    return row;
}

Status NonprofitRepository::writeTags(const QSqlDatabase& db, qint64 id, const QStringList& tags)
{
    BoundQuery clear(db, QStringLiteral("DELETE FROM nonprofit_tags WHERE nonprofit_id = :id"));
    if (auto done = clear.bind(QStringLiteral(":id"), id).exec(tr("Could not update the tags of nonprofit #%1").arg(id)); !done)
        return done;
    for (const QString& tag : tags) {
        BoundQuery insert(db, QStringLiteral("INSERT INTO nonprofit_tags (nonprofit_id, tag) VALUES (:id, :tag)"));
        insert.bind(QStringLiteral(":id"), id).bind(QStringLiteral(":tag"), tag);
        if (auto done = insert.exec(tr("Could not add tag '%1' to nonprofit #%2").arg(tag).arg(id)); !done)
            return done;
    }
    return {};
}

Error NonprofitRepository::duplicateError(const Nonprofit& nonprofit, const QSqlError& error)
{
    // Name the row that already holds the value, so the user can go and look at it.
    const QSqlDatabase db = m_database.connection();
    BoundQuery byEmail(db, QStringLiteral("SELECT id, name FROM nonprofits WHERE lower(email) = lower(:email) AND id <> :id"));
    byEmail.bind(QStringLiteral(":email"), nonprofit.email).bind(QStringLiteral(":id"), nonprofit.id);
    if (byEmail.exec(QString()) && byEmail.next()) {
        return {Error::Kind::Duplicate,
                tr("Email '%1' is already used by '%2' (#%3).")
                    .arg(nonprofit.email, byEmail.value(1).toString())
                    .arg(byEmail.value(0).toLongLong()),
                QStringLiteral("email")};
    }
    if (!nonprofit.ein.isEmpty()) {
        BoundQuery byEin(db, QStringLiteral("SELECT id, name FROM nonprofits WHERE ein = :ein AND id <> :id"));
        byEin.bind(QStringLiteral(":ein"), nonprofit.ein).bind(QStringLiteral(":id"), nonprofit.id);
        if (byEin.exec(QString()) && byEin.next()) {
            return {Error::Kind::Duplicate,
                    tr("EIN %1 is already used by '%2' (#%3).")
                        .arg(nonprofit.ein, byEin.value(1).toString())
                        .arg(byEin.value(0).toLongLong()),
                    QStringLiteral("ein")};
        }
    }
    return SqlErrors::toError(error, tr("Could not save nonprofit '%1'").arg(nonprofit.name));
}

Status NonprofitRepository::insert(Nonprofit& nonprofit)
{
    normalize(nonprofit);
    if (auto valid = NonprofitValidator::validate(nonprofit); !valid)
        return valid;
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    Transaction transaction(db.value());
    if (auto begun = transaction.begin(); !begun)
        return begun;

    BoundQuery query(db.value(),
                     QStringLiteral("INSERT INTO nonprofits (name, email, ein, street, city, region, postal_code, "
                                    "country, status, consent) VALUES (:name, :email, :ein, :street, :city, :region, "
                                    ":postal_code, :country, :status, :consent) "
                                    "RETURNING id, version, created_at, updated_at"));
    bindFields(query, nonprofit);
    if (!query.query().exec()) {
        const QSqlError error = query.query().lastError();
        transaction.rollback();
        if (SqlErrors::isUniqueViolation(error))
            return duplicateError(nonprofit, error);
        return SqlErrors::toError(error, tr("Could not add nonprofit '%1'").arg(nonprofit.name));
    }
    query.next();
    const qint64 id = query.value(0).toLongLong();
    const int version = query.value(1).toInt();
    const QDateTime createdAt = SqlDialect::readTimestamp(query.value(2));
    const QDateTime updatedAt = SqlDialect::readTimestamp(query.value(3));
    query.finish();
    if (auto tagged = writeTags(db.value(), id, nonprofit.tags); !tagged)
        return tagged;
    if (auto committed = transaction.commit(); !committed)
        return committed;
    nonprofit.id = id;
    nonprofit.version = version;
    nonprofit.createdAt = createdAt;
    nonprofit.updatedAt = updatedAt;
    return {};
}

Status NonprofitRepository::update(Nonprofit& nonprofit)
{
    normalize(nonprofit);
    if (auto valid = NonprofitValidator::validate(nonprofit); !valid)
        return valid;
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    Transaction transaction(db.value());
    if (auto begun = transaction.begin(); !begun)
        return begun;

    BoundQuery query(db.value(),
                     QStringLiteral("UPDATE nonprofits SET name = :name, email = :email, ein = :ein, street = :street, "
                                    "city = :city, region = :region, postal_code = :postal_code, country = :country, "
                                    "status = :status, consent = :consent, updated_at = %1, version = version + 1 "
                                    "WHERE id = :id AND version = :version RETURNING version, updated_at")
                         .arg(m_dialect.now()));
    bindFields(query, nonprofit);
    query.bind(QStringLiteral(":id"), nonprofit.id).bind(QStringLiteral(":version"), nonprofit.version);
    if (!query.query().exec()) {
        const QSqlError error = query.query().lastError();
        transaction.rollback();
        if (SqlErrors::isUniqueViolation(error))
            return duplicateError(nonprofit, error);
        return SqlErrors::toError(error, tr("Could not save nonprofit '%1'").arg(nonprofit.name));
    }
    if (!query.next()) {
        transaction.rollback();
        return StoredRow::staleWriteError(db.value(), QStringLiteral("nonprofits"), tr("Nonprofit"), nonprofit.name,
                                          nonprofit.id, nonprofit.version);
    }
    const int newVersion = query.value(0).toInt();
    const QDateTime updatedAt = SqlDialect::readTimestamp(query.value(1));
    query.finish();
    if (auto tagged = writeTags(db.value(), nonprofit.id, nonprofit.tags); !tagged)
        return tagged;
    if (auto committed = transaction.commit(); !committed)
        return committed;
    nonprofit.version = newVersion;
    nonprofit.updatedAt = updatedAt;
    return {};
}

Result<Nonprofit> NonprofitRepository::find(qint64 id)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery query(db.value(), QStringLiteral("SELECT %1 FROM nonprofits n WHERE n.id = :id").arg(selectColumns()));
    query.bind(QStringLiteral(":id"), id);
    if (auto found = query.execSingle(tr("Could not read nonprofit #%1").arg(id), tr("Nonprofit #%1 does not exist.").arg(id));
        !found)
        return found.error();
    return readRow(query.query(), m_dialect);
}

Result<Nonprofit> NonprofitRepository::findByEmail(const QString& email)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery query(db.value(),
                     QStringLiteral("SELECT %1 FROM nonprofits n WHERE lower(n.email) = :email").arg(selectColumns()));
    query.bind(QStringLiteral(":email"), EmailAddress::normalized(email));
    if (auto found = query.execSingle(tr("Could not look up email '%1'").arg(email),
                                      tr("No nonprofit has the email '%1'.").arg(email));
        !found)
        return found.error();
    return readRow(query.query(), m_dialect);
}

Result<int> NonprofitRepository::remove(const QList<qint64>& ids)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    Transaction transaction(db.value());
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    int deleted = 0;
    for (const qint64 id : ids) {
        BoundQuery query(db.value(), QStringLiteral("DELETE FROM nonprofits WHERE id = :id"));
        if (auto done = query.bind(QStringLiteral(":id"), id).exec(tr("Could not delete nonprofit #%1").arg(id)); !done)
            return done.error();
        deleted += query.numRowsAffected();
    }
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return deleted;
}

QString NonprofitRepository::filterCondition(const NonprofitQuery& query) const
{
    if (query.searchText.trimmed().isEmpty())
        return QStringLiteral("1 = 1");
    return QStringLiteral("(%1 OR %2)")
        .arg(m_dialect.containsCondition(QStringLiteral("n.name"), QStringLiteral(":search1")),
             m_dialect.containsCondition(QStringLiteral("n.email"), QStringLiteral(":search2")));
}

QString NonprofitRepository::sortKeyExpression(NonprofitQuery::SortColumn column) const
{
    switch (column) {
    case NonprofitQuery::SortColumn::Name:
        return QStringLiteral("lower(n.name)");
    case NonprofitQuery::SortColumn::Email:
        return QStringLiteral("lower(n.email)");
    case NonprofitQuery::SortColumn::Ein:
        return QStringLiteral("COALESCE(n.ein, '')");
    case NonprofitQuery::SortColumn::City:
        return QStringLiteral("lower(n.city)");
    case NonprofitQuery::SortColumn::Region:
        return QStringLiteral("n.region");
    case NonprofitQuery::SortColumn::Country:
        return QStringLiteral("n.country");
    case NonprofitQuery::SortColumn::Status:
        return QStringLiteral("n.status");
    case NonprofitQuery::SortColumn::Updated:
        return QStringLiteral("n.updated_at");
    }
    return QStringLiteral("n.id");
}

Result<qint64> NonprofitRepository::count(const NonprofitQuery& query)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery counter(db.value(), QStringLiteral("SELECT count(*) FROM nonprofits n WHERE %1").arg(filterCondition(query)));
    if (!query.searchText.trimmed().isEmpty()) {
        const QString pattern = SqlDialect::containsPattern(query.searchText.trimmed());
        counter.bind(QStringLiteral(":search1"), pattern).bind(QStringLiteral(":search2"), pattern);
    }
    if (auto done = counter.execSingle(tr("Could not count nonprofits"), tr("Could not count nonprofits")); !done)
        return done.error();
    return counter.value(0).toLongLong();
}

Result<NonprofitPage> NonprofitRepository::page(const NonprofitQuery& query, const NonprofitCursor& after, int limit)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    const QString key = sortKeyExpression(query.sortColumn);
    const QString direction = query.descending ? QStringLiteral("DESC") : QStringLiteral("ASC");
    QString condition = filterCondition(query);
    if (!after.isStart())
        condition += QStringLiteral(" AND (%1, n.id) %2 (:after_key, :after_id)").arg(key, query.descending ? QStringLiteral("<") : QStringLiteral(">"));
    BoundQuery select(db.value(), QStringLiteral("SELECT %1, %2 AS sort_key FROM nonprofits n WHERE %3 "
                                                 "ORDER BY %2 %4, n.id %4 LIMIT :limit")
                                      .arg(selectColumns(), key, condition, direction));
    if (!query.searchText.trimmed().isEmpty()) {
        const QString pattern = SqlDialect::containsPattern(query.searchText.trimmed());
        select.bind(QStringLiteral(":search1"), pattern).bind(QStringLiteral(":search2"), pattern);
    }
    if (!after.isStart())
        select.bind(QStringLiteral(":after_key"), after.sortKey).bind(QStringLiteral(":after_id"), after.id);
    select.bind(QStringLiteral(":limit"), limit);
    if (auto done = select.exec(tr("Could not read nonprofits")); !done)
        return done.error();

    NonprofitPage page;
    while (select.next()) {
        page.rows.append(readRow(select.query(), m_dialect));
        page.next = {select.value(15), page.rows.last().id};
    }
    page.atEnd = page.rows.size() < limit;
    if (page.rows.isEmpty())
        page.next = after;
    return page;
}

} // namespace herald
