#include "StagedNonprofitMerge.h"

#include "storage/BoundQuery.h"
#include "storage/JsonRows.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace herald {

namespace {
struct WritableColumn
{
    NonprofitField field;
    const char* name;
};

// The plain text columns an import writes when they are mapped (name and email always are).
const WritableColumn TextColumns[] = {
    { NonprofitField::Name, "name" },
    { NonprofitField::Email, "email" },
    { NonprofitField::Ein, "ein" },
    { NonprofitField::Street, "street" },
    { NonprofitField::City, "city" },
    { NonprofitField::Region, "region" },
    { NonprofitField::PostalCode, "postal_code" },
    { NonprofitField::Country, "country" },
};
} // namespace

StagedNonprofitMerge::StagedNonprofitMerge(
    QSqlDatabase db, Backend backend, const ColumnMapping& mapping, ImportKey key)
    : m_db(std::move(db))
    , m_dialect(backend)
    , m_key(key)
    , m_einMapped(mapping.has(NonprofitField::Ein))
    , m_upsertSql(buildUpsert(mapping))
{
}

QString StagedNonprofitMerge::buildUpsert(const ColumnMapping& mapping) const
{
    QStringList columns;
    QStringList staged;
    QStringList assignments;
    QStringList oldValues;
    QStringList newValues;
    for (const WritableColumn& column : TextColumns) {
        const bool always = column.field == NonprofitField::Name || column.field == NonprofitField::Email;
        if (!always && !mapping.has(column.field))
            continue; // unmapped: defaults for new rows, left alone in existing ones
        const QString name = QLatin1String(column.name);
        columns << name;
        staged << QStringLiteral("s.") + name;
        assignments << QStringLiteral("%1 = excluded.%1").arg(name);
        oldValues << QStringLiteral("n.") + name;
        newValues << QStringLiteral("excluded.") + name;
    }
    // A row that is not active stays so (an import must not mail people who left); a known consent stays known.
    const QString status
        = QStringLiteral("CASE WHEN excluded.status = 'active' THEN n.status ELSE excluded.status END");
    const QString consent
        = QStringLiteral("CASE WHEN excluded.consent = 'unknown' THEN n.consent ELSE excluded.consent END");
    columns << QStringLiteral("status") << QStringLiteral("consent");
    staged << QStringLiteral("s.status") << QStringLiteral("s.consent");
    assignments << QStringLiteral("status = ") + status << QStringLiteral("consent = ") + consent;
    oldValues << QStringLiteral("n.status") << QStringLiteral("n.consent");
    newValues << status << consent;

    const bool byEmail = m_key == ImportKey::Email;
    QString changed = QStringLiteral("(%1) %2 (%3)")
                          .arg(oldValues.join(QStringLiteral(", ")), m_dialect.distinctFrom(),
                              newValues.join(QStringLiteral(", ")));
    if (mapping.has(NonprofitField::Tags)) {
        const QString stagedTags = byEmail
            ? QStringLiteral("(SELECT s2.tags FROM import_staging s2 WHERE lower(s2.email) = lower(excluded.email))")
            : QStringLiteral("(SELECT s2.tags FROM import_staging s2 WHERE s2.ein = excluded.ein)");
        changed += QStringLiteral(" OR COALESCE(%1, '') <> COALESCE(%2, '')")
                       .arg(stagedTags, m_dialect.sortedTagList(QStringLiteral("n.id")));
    }
    // SQLite needs the WHERE to tell the SELECT's end from the upsert clause. A new row has version 1; an
    // update always raises it, so "version = 1" in RETURNING tells added from updated on both backends.
    return QStringLiteral("INSERT INTO nonprofits AS n (%1) SELECT %2 FROM import_staging s WHERE true "
                          "ON CONFLICT %3 DO UPDATE SET %4, version = n.version + 1, updated_at = %5 WHERE %6 "
                          "RETURNING id, version = 1, %7")
        .arg(columns.join(QStringLiteral(", ")), staged.join(QStringLiteral(", ")),
            byEmail ? QStringLiteral("(lower(email))") : QStringLiteral("(ein) WHERE ein IS NOT NULL"),
            assignments.join(QStringLiteral(", ")), m_dialect.now(), changed,
            byEmail ? QStringLiteral("email") : QStringLiteral("ein"));
}

Result<QList<RejectedRow>> StagedNonprofitMerge::rejectKeyConflicts()
{
    QList<RejectedRow> rejected;
    if (m_key == ImportKey::Email && !m_einMapped)
        return rejected; // the EIN is not written, so it cannot collide
    const bool byEmail = m_key == ImportKey::Email;
    BoundQuery conflicts(m_db,
        byEmail ? QStringLiteral(
            "SELECT s.line, n.id, n.name, s.ein FROM import_staging s JOIN nonprofits n ON n.ein = s.ein "
            "WHERE lower(n.email) <> lower(s.email) ORDER BY s.line")
                : QStringLiteral("SELECT s.line, n.id, n.name, s.email FROM import_staging s "
                                 "JOIN nonprofits n ON lower(n.email) = lower(s.email) "
                                 "WHERE n.ein IS NULL OR n.ein <> s.ein ORDER BY s.line"));
    if (auto done = conflicts.exec(tr("Could not check the batch for keys used by other rows")); !done)
        return done.error();
    QJsonArray lines;
    while (conflicts.next()) {
        const QString holder = tr("'%1' (#%2)").arg(conflicts.value(2).toString(), conflicts.value(1).toString());
        const QString value = conflicts.value(3).toString();
        rejected.append({ conflicts.value(0).toLongLong(), ImportProblem::Duplicate,
            byEmail ? QStringLiteral("ein") : QStringLiteral("email"),
            byEmail ? tr("EIN %1 is already used by %2.").arg(value, holder)
                    : tr("Email '%1' is already used by %2.").arg(value, holder) });
        lines << conflicts.value(0).toLongLong();
    }
    conflicts.finish();
    if (rejected.isEmpty())
        return rejected;
    BoundQuery remove(m_db,
        QStringLiteral("DELETE FROM import_staging WHERE line IN (SELECT CAST(v.value AS bigint) FROM %1)")
            .arg(JsonRows::values(m_dialect, QStringLiteral(":lines"))));
    remove.bind(QStringLiteral(":lines"), JsonRows::text(lines));
    if (auto done = remove.exec(tr("Could not set aside rows whose key another row holds")); !done)
        return done.error();
    return rejected;
}

Result<qint64> StagedNonprofitMerge::keepErasedUnmailable()
{
    BoundQuery update(m_db,
        QStringLiteral("UPDATE import_staging SET status = 'unsubscribed' WHERE status = 'active' "
                       "AND email_hash IN (SELECT x.email FROM suppressions x)"));
    if (auto done = update.exec(tr("Could not check the batch against erased addresses")); !done)
        return done.error();
    return qint64(update.numRowsAffected());
}

Result<StagedNonprofitMerge::Upserted> StagedNonprofitMerge::upsert()
{
    BoundQuery query(m_db, m_upsertSql);
    if (auto done = query.exec(tr("Could not store the batch")); !done)
        return done.error();
    Upserted result;
    while (query.next()) {
        if (query.value(1).toBool())
            ++result.added;
        else
            ++result.updated;
        result.rows.append({ query.value(0).toLongLong(), query.value(2).toString() });
    }
    query.finish();
    return result;
}

Status StagedNonprofitMerge::replaceTags(const QList<QPair<qint64, QStringList>>& tagsById)
{
    if (tagsById.isEmpty())
        return {};
    QJsonArray ids;
    QJsonArray pairs;
    for (const auto& [id, tags] : tagsById) {
        ids << id;
        for (const QString& tag : tags)
            pairs << QJsonObject { { QStringLiteral("id"), id }, { QStringLiteral("tag"), tag } };
    }
    BoundQuery clear(m_db,
        QStringLiteral("DELETE FROM nonprofit_tags WHERE nonprofit_id IN (SELECT CAST(v.value AS bigint) FROM %1)")
            .arg(JsonRows::values(m_dialect, QStringLiteral(":ids"))));
    clear.bind(QStringLiteral(":ids"), JsonRows::text(ids));
    if (auto done = clear.exec(tr("Could not replace the tags of the batch")); !done)
        return done;
    if (pairs.isEmpty())
        return {};
    BoundQuery insert(m_db,
        QStringLiteral("INSERT INTO nonprofit_tags (nonprofit_id, tag) SELECT r.id, r.tag FROM %1")
            .arg(JsonRows::source(m_dialect, { { "id", "bigint" }, { "tag", "text" } })));
    insert.bind(QStringLiteral(":rows"), JsonRows::text(pairs));
    return insert.exec(tr("Could not replace the tags of the batch"));
}

} // namespace herald
