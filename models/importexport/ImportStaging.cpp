#include "ImportStaging.h"

#include "domain/AnonymisedEmail.h"
#include "storage/BoundQuery.h"
#include "storage/PostgresCopy.h"
#include "storage/SqlErrors.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace herald {

namespace {
const QStringList Columns = {
    QStringLiteral("line"),
    QStringLiteral("name"),
    QStringLiteral("email"),
    QStringLiteral("email_hash"),
    QStringLiteral("ein"),
    QStringLiteral("street"),
    QStringLiteral("city"),
    QStringLiteral("region"),
    QStringLiteral("postal_code"),
    QStringLiteral("country"),
    QStringLiteral("status"),
    QStringLiteral("consent"),
    QStringLiteral("tags"),
};

// Empty text, never NULL, for the columns that cannot hold NULL.
QString text(const QString& value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

// The staged values of a row, in Columns order; only a missing EIN is NULL (a null QString).
QStringList valuesOf(const ImportRow& row)
{
    const Nonprofit& n = row.nonprofit;
    return { QString::number(row.line), text(n.name), text(n.email), AnonymisedEmail::of(n.email),
        n.ein.isEmpty() ? QString() : n.ein, text(n.street), text(n.city), text(n.region), text(n.postalCode),
        text(n.country), toString(n.status), text(n.consent), text(n.tags.join(QLatin1Char(','))) };
}

// Definitions cannot be prepared on PostgreSQL; these have no values to bind.
Status define(const QSqlDatabase& db, const QString& sql, const QString& what)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        return SqlErrors::toError(query.lastError(), what);
    return {};
}
} // namespace

ImportStaging::ImportStaging(QSqlDatabase db, Backend backend)
    : m_db(std::move(db))
    , m_backend(backend)
{
}

Status ImportStaging::create()
{
    drop();
    const bool postgres = m_backend == Backend::Postgres;
    // On PostgreSQL a commit empties it by truncation (temporary tables are never vacuumed).
    const QString sql
        = QStringLiteral("CREATE TEMPORARY TABLE import_staging (line bigint NOT NULL, name text, email text, "
                         "email_hash text, ein text, street text, city text, region text, postal_code text, "
                         "country text, status text, consent text, tags text)%1")
              .arg(postgres ? QStringLiteral(" ON COMMIT DELETE ROWS") : QString());
    const QString what = tr("Could not prepare the import");
    if (auto created = define(m_db, sql, what); !created)
        return created;
    // For the look-ups of a row's staged tags by key while merging.
    if (auto indexed
        = define(m_db, QStringLiteral("CREATE INDEX import_staging_email_idx ON import_staging (lower(email))"), what);
        !indexed)
        return indexed;
    return define(m_db, QStringLiteral("CREATE INDEX import_staging_ein_idx ON import_staging (ein)"), what);
}

void ImportStaging::drop()
{
    (void)define(m_db, QStringLiteral("DROP TABLE IF EXISTS import_staging"), QString());
}

Status ImportStaging::load(const QList<ImportRow>& rows)
{
    {
        // Finished before COPY borrows the driver's connection.
        BoundQuery clear(m_db, QStringLiteral("DELETE FROM import_staging"));
        if (auto cleared = clear.exec(tr("Could not prepare the import")); !cleared)
            return cleared;
    }
    return m_backend == Backend::Postgres ? loadWithCopy(rows) : loadWithInsert(rows);
}

Status ImportStaging::loadWithCopy(const QList<ImportRow>& rows)
{
    PostgresCopy copy(QStringLiteral("import_staging"), Columns);
    for (const ImportRow& row : rows)
        copy.addRow(valuesOf(row));
    return copy.send(m_db);
}

Status ImportStaging::loadWithInsert(const QList<ImportRow>& rows)
{
    QStringList placeholders;
    for (const QString& column : Columns)
        placeholders << QLatin1Char(':') + column;
    BoundQuery insert(m_db,
        QStringLiteral("INSERT INTO import_staging (%1) VALUES (%2)")
            .arg(Columns.join(QStringLiteral(", ")), placeholders.join(QStringLiteral(", "))));
    for (const ImportRow& row : rows) {
        const QStringList values = valuesOf(row);
        for (qsizetype i = 0; i < Columns.size(); ++i)
            insert.bind(placeholders.at(i), values.at(i).isNull() ? BoundQuery::nullText() : QVariant(values.at(i)));
        if (auto done = insert.exec(tr("Could not stage line %1").arg(row.line)); !done)
            return done;
    }
    return {};
}

} // namespace herald
