#include "NonprofitCache.h"

#include "SyncTable.h"
#include "domain/Audience.h"
#include "storage/BoundQuery.h"
#include "storage/NonprofitCondition.h"
#include "storage/SqlDialect.h"
#include "storage/Transaction.h"

#include <QSet>
#include <QStringList>

namespace herald {

namespace {
const QStringList Columns{QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("email"), QStringLiteral("ein"),
                          QStringLiteral("street"), QStringLiteral("city"), QStringLiteral("region"),
                          QStringLiteral("postal_code"), QStringLiteral("country"), QStringLiteral("status"),
                          QStringLiteral("consent"), QStringLiteral("version")};
constexpr int Chunk = 500;

// Adds the ids `sql` selects (at most `limit` in all) to `ids`, keeping their order.
Status collect(const QSqlDatabase& db, const QString& sql, const NonprofitCondition* condition, int limit,
               QList<qint64>& ids, QSet<qint64>& seen)
{
    BoundQuery query(db, sql);
    if (condition)
        condition->bindTo(query);
    query.bind(QStringLiteral(":limit"), limit);
    if (auto done = query.exec(NonprofitCache::tr("Could not choose the nonprofits to keep offline")); !done)
        return done;
    while (query.next() && ids.size() < limit) {
        const qint64 id = query.value(0).toLongLong();
        if (!seen.contains(id)) {
            seen.insert(id);
            ids << id;
        }
    }
    return {};
}
} // namespace

Result<int> NonprofitCache::refresh(const QSqlDatabase& server, const QSqlDatabase& local, int limit)
{
    const Backend backend = SyncTable::backendOf(server);
    QList<qint64> ids;
    QSet<qint64> seen;
    BoundQuery segments(server, QStringLiteral("SELECT definition FROM segments ORDER BY id"));
    auto definitions = segments.readAll(tr("Could not read the segments"),
                                        [](const QSqlQuery& row) { return row.value(0).toString(); });
    if (!definitions)
        return definitions.error();
    for (const QString& definition : definitions.value()) {
        NonprofitCondition condition(backend);
        condition.matching(Audience::fromJson(definition));
        if (auto done = collect(server, QStringLiteral("SELECT n.id FROM nonprofits n WHERE %1 ORDER BY n.id LIMIT :limit")
                                            .arg(condition.sql()),
                                &condition, limit, ids, seen);
            !done)
            return done.error();
    }
    if (auto done = collect(server, QStringLiteral("SELECT n.id FROM nonprofits n ORDER BY n.id LIMIT :limit"), nullptr,
                            limit, ids, seen);
        !done)
        return done.error();

    Transaction transaction(local);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    for (const char* statement : {"DELETE FROM nonprofit_tags", "DELETE FROM nonprofits"}) {
        BoundQuery clear(local, QString::fromLatin1(statement));
        if (auto done = clear.exec(tr("Could not clear the offline copy of the nonprofits")); !done)
            return done.error();
    }
    QStringList placeholders;
    for (const QString& column : Columns)
        placeholders << QLatin1Char(':') + column;
    BoundQuery insert(local, QStringLiteral("INSERT INTO nonprofits (%1) VALUES (%2)")
                                 .arg(Columns.join(QStringLiteral(", ")), placeholders.join(QStringLiteral(", "))));
    BoundQuery insertTag(local, QStringLiteral("INSERT INTO nonprofit_tags (nonprofit_id, tag) VALUES (:id, :tag)"));
    for (int start = 0; start < ids.size(); start += Chunk) {
        QStringList keys;
        const QList<qint64> chunk = ids.mid(start, Chunk);
        for (int i = 0; i < chunk.size(); ++i)
            keys << QStringLiteral(":k%1").arg(i);
        BoundQuery read(server, QStringLiteral("SELECT %1, %2 FROM nonprofits n WHERE n.id IN (%3)")
                                    .arg(Columns.join(QStringLiteral(", ")),
                                         SqlDialect(backend).sortedTagList(QStringLiteral("n.id")),
                                         keys.join(QStringLiteral(", "))));
        for (int i = 0; i < chunk.size(); ++i)
            read.bind(keys.at(i), chunk.at(i));
        if (auto done = read.exec(tr("Could not read the nonprofits to keep offline")); !done)
            return done.error();
        while (read.next()) {
            for (int c = 0; c < Columns.size(); ++c)
                insert.bind(placeholders.at(c), read.value(c));
            if (auto done = insert.exec(tr("Could not keep nonprofit '%1' offline").arg(read.value(1).toString())); !done)
                return done.error();
            const QString tags = read.value(Columns.size()).toString();
            for (const QString& tag : tags.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                insertTag.bind(QStringLiteral(":id"), read.value(0)).bind(QStringLiteral(":tag"), tag);
                if (auto done = insertTag.exec(tr("Could not keep the tags of nonprofit '%1' offline")
                                                   .arg(read.value(1).toString()));
                    !done)
                    return done.error();
            }
        }
    }
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return int(ids.size());
}

} // namespace herald
