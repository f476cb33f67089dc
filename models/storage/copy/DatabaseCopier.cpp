#include "DatabaseCopier.h"

#include "FirstAdmin.h"
#include "storage/AuditLogRepository.h"
#include "storage/Database.h"
#include "storage/PostgresCopy.h"
#include "storage/SqlErrors.h"
#include "storage/Transaction.h"

#include <QElapsedTimer>
#include <QLocale>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace herald {

namespace {

// One value in COPY's text format, as PostgreSQL reads it into the target column.
void appendValue(QByteArray& out, const QVariant& value, bool bytea)
{
    if (value.isNull()) {
        out.append("\\N");
        return;
    }
    if (bytea) {
        out.append("\\\\x"); // bytea's hex input, its backslash escaped for COPY
        out.append(value.toByteArray().toHex());
        return;
    }
    switch (value.typeId()) {
    case QMetaType::QDateTime:
        PostgresCopy::appendText(out, value.toDateTime().toUTC().toString(Qt::ISODateWithMs));
        break;
    case QMetaType::Bool:
        out.append(value.toBool() ? "t" : "f");
        break;
    default:
        PostgresCopy::appendText(out, value.toString());
    }
}

QString number(qint64 value)
{
    return QLocale().toString(value);
}

} // namespace

DatabaseCopier::DatabaseCopier(Database& source, Database& target)
    : m_source(source)
    , m_target(target)
{
}

QString DatabaseCopier::Outcome::headline() const
{
    return tr("Copied %1 rows in %2 tables in %3 s (%4 rows/s). Counts match on both sides.")
        .arg(number(rows))
        .arg(tables.size())
        .arg(QLocale().toString(double(milliseconds) / 1000.0, 'f', 1))
        .arg(number(rowsPerSecond()));
}

QString DatabaseCopier::Outcome::summary() const
{
    QStringList counts;
    for (const TableCount& count : tables)
        counts.append(tr("%1 %2 = %3").arg(count.table, number(count.source), number(count.target)));
    return tr("%1 Table by table (this computer = server): %2.").arg(headline(), counts.join(QStringLiteral(", ")));
}

Result<DatabaseCopier::Outcome> DatabaseCopier::run(const JobControl& control)
{
    QElapsedTimer timer;
    timer.start();
    if (m_target.backend() != Backend::Postgres)
        return Error::make(Error::Kind::Validation,
            tr("A move copies into a PostgreSQL server; %1 is not one.").arg(m_target.profile().name));
    if (m_source.backend() == Backend::Postgres && m_source.profile().location() == m_target.profile().location())
        return Error::make(Error::Kind::Validation, tr("The source and the target are the same database."));
    auto source = m_source.checkedConnection();
    if (!source)
        return source.error();
    auto target = m_target.checkedConnection();
    if (!target)
        return target.error();
    if (auto may = FirstAdmin::checkMayMove(target.value()); !may)
        return may.error();

    // One snapshot of the source for the whole move: a desk that keeps working copies a consistent whole.
    Transaction snapshot(source.value());
    if (auto begun = snapshot.begin(); !begun)
        return begun.error();
    if (m_source.backend() == Backend::Postgres)
        QSqlQuery(source.value()).exec(QStringLiteral("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY"));

    auto plan = CopyCatalog::plan(source.value(), m_source.backend(), target.value());
    if (!plan)
        return plan.error();
    if (auto empty = checkTarget(target.value(), plan.value()); !empty)
        return empty.error();

    m_counts.clear();
    m_committed.clear();
    m_done = 0;
    m_total = 0;
    QStringList names;
    for (const CopyTable& table : plan.value()) {
        auto rows = count(source.value(), table.name);
        if (!rows)
            return rows.error();
        m_counts.append({ table.name, rows.value(), 0 });
        m_total += rows.value();
        names.append(table.name);
    }
    if (planned)
        planned(names);
    control.report(0, m_total);

    for (int index = 0; index < plan->size(); ++index) {
        if (auto copied
            = copyTable(source.value(), target.value(), index, plan->at(index), m_counts.at(index).source, control);
            !copied)
            return undo(target.value(), copied.error());
    }
    if (auto set = setSequences(target.value(), plan.value()); !set)
        return undo(target.value(), set.error());

    Outcome outcome;
    for (TableCount& tableCount : m_counts) {
        auto rows = count(target.value(), tableCount.table);
        if (!rows)
            return undo(target.value(), rows.error());
        tableCount.target = rows.value();
        if (tableCount.target != tableCount.source)
            return undo(target.value(),
                Error::make(Error::Kind::Database,
                    tr("%1 has %2 rows here but %3 on the server")
                        .arg(tableCount.table, number(tableCount.source), number(tableCount.target))));
        outcome.rows += tableCount.source;
    }
    snapshot.rollback();

    outcome.tables = m_counts;
    outcome.adminSentence = FirstAdmin::makeAdmin(target.value());
    outcome.milliseconds = timer.elapsed();
    // The move itself, in the server's own log (its actor is the login that moved).
    const QString detail = tr("Moved %1 rows in %2 tables from %3 (%4)")
                               .arg(number(outcome.rows))
                               .arg(outcome.tables.size())
                               .arg(m_source.profile().name, m_source.profile().location());
    if (auto recorded = AuditLogRepository(m_target).record(FirstAdmin::login(target.value()), QStringLiteral("move"),
            QStringLiteral("database"), m_target.profile().database, detail);
        !recorded)
        return Error::make(recorded.error().kind,
            tr("Everything was copied, but the move could not be recorded in the audit log: %1")
                .arg(recorded.error().message));
    return outcome;
}

Status DatabaseCopier::checkTarget(const QSqlDatabase& target, const QList<CopyTable>& plan) const
{
    for (const CopyTable& table : plan) {
        QSqlQuery query(target);
        if (!query.exec(QStringLiteral("SELECT 1 FROM %1 LIMIT 1").arg(table.name)))
            return SqlErrors::toError(query.lastError(), tr("Could not check whether %1 is empty").arg(table.name));
        if (query.next())
            return Error::make(Error::Kind::Conflict,
                tr("The server's database is not empty: table %1 has rows. Herald moves data only into "
                   "an empty database, so nothing there is overwritten; make a new database for the "
                   "team and move into that.")
                    .arg(table.name));
    }
    return {};
}

Result<qint64> DatabaseCopier::count(const QSqlDatabase& db, const QString& table) const
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM %1").arg(table)) || !query.next())
        return SqlErrors::toError(query.lastError(), tr("Could not count the rows of %1").arg(table));
    return query.value(0).toLongLong();
}

Status DatabaseCopier::copyTable(const QSqlDatabase& source, const QSqlDatabase& target, int index,
    const CopyTable& table, qint64 total, const JobControl& control)
{
    QSqlQuery rows(source);
    rows.setForwardOnly(true);
    if (!rows.exec(QStringLiteral("SELECT %1 FROM %2").arg(table.columns.join(QStringLiteral(", ")), table.name)))
        return SqlErrors::toError(rows.lastError(), tr("Could not read %1").arg(table.name));
    QList<bool> bytea;
    for (const QString& column : table.columns)
        bytea.append(table.byteaColumns.contains(column));

    Transaction transaction(target);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    // Rows keep who wrote them where the server lets an administrator say so (campaigns' authors, schema 24).
    if (QSqlQuery moving(target); !moving.exec(QStringLiteral("SET LOCAL herald.moving = 'on'")))
        return SqlErrors::toError(moving.lastError(), tr("Could not copy table %1").arg(table.name));
    PostgresCopy copy(table.name, table.columns);
    QByteArray batch;
    qsizetype batchRows = 0;
    qint64 done = 0;
    const auto send = [&]() -> Status {
        copy.addFormattedRows(batch, batchRows);
        batch.resize(0);
        if (auto sent = copy.send(target); !sent)
            return sent;
        done += batchRows;
        m_done += batchRows;
        batchRows = 0;
        if (tableProgress)
            tableProgress(index, done, total);
        control.report(m_done, m_total);
        if (control.cancelled())
            return Error::make(Error::Kind::Cancelled, tr("The move was cancelled"));
        return {};
    };
    if (control.cancelled())
        return Error::make(Error::Kind::Cancelled, tr("The move was cancelled"));
    while (rows.next()) {
        for (int column = 0; column < bytea.size(); ++column) {
            if (column > 0)
                batch.append('\t');
            appendValue(batch, rows.value(column), bytea.at(column));
        }
        batch.append('\n');
        if (++batchRows == kBatchRows) {
            if (auto sent = send(); !sent)
                return sent;
        }
    }
    if (rows.lastError().isValid())
        return SqlErrors::toError(rows.lastError(), tr("Could not read %1").arg(table.name));
    if (batchRows > 0) {
        if (auto sent = send(); !sent)
            return sent;
    } else if (tableProgress) {
        tableProgress(index, done, total);
    }
    if (auto committed = transaction.commit(); !committed)
        return committed;
    m_committed.append(table.name);
    return {};
}

Status DatabaseCopier::setSequences(const QSqlDatabase& target, const QList<CopyTable>& plan) const
{
    for (const CopyTable& table : plan) {
        if (table.sequenceColumn.isEmpty())
            continue;
        // The next id is one past the largest copied (ids are kept, so new rows must not collide with them).
        QSqlQuery query(target);
        query.prepare(QStringLiteral("SELECT setval(pg_get_serial_sequence(:table, :column), COALESCE(MAX(%1), 0) + 1, "
                                     "false) FROM %2")
                          .arg(table.sequenceColumn, table.name));
        query.bindValue(QStringLiteral(":table"), table.name);
        query.bindValue(QStringLiteral(":column"), table.sequenceColumn);
        if (!query.exec())
            return SqlErrors::toError(query.lastError(), tr("Could not set the next id of %1").arg(table.name));
    }
    return {};
}

Error DatabaseCopier::undo(const QSqlDatabase& target, const Error& why) const
{
    const QString stopped = why.kind == Error::Kind::Cancelled ? tr("The move was cancelled")
                                                               : tr("The move failed: %1").arg(why.message);
    if (m_committed.isEmpty())
        return Error::make(why.kind, tr("%1. Nothing was copied: the server's database is still empty.").arg(stopped));
    Transaction transaction(target);
    Status emptied = transaction.begin();
    QStringList reversed = m_committed;
    std::reverse(reversed.begin(), reversed.end());
    for (const QString& table : reversed) {
        if (!emptied)
            break;
        QSqlQuery query(target);
        if (!query.exec(QStringLiteral("DELETE FROM %1").arg(table)))
            emptied = SqlErrors::toError(query.lastError(), tr("Could not empty %1").arg(table));
    }
    if (emptied)
        emptied = transaction.commit();
    if (emptied)
        return Error::make(why.kind,
            tr("%1. The %2 tables copied so far were emptied again: the server's database is "
               "empty, ready for another try.")
                .arg(stopped)
                .arg(m_committed.size()));
    QStringList kept;
    for (const TableCount& tableCount : m_counts)
        if (m_committed.contains(tableCount.table))
            kept.append(tr("%1 (%2 rows)").arg(tableCount.table, number(tableCount.source)));
    return Error::make(why.kind,
        tr("%1. These tables were copied and could not be emptied again (%2): %3. Empty them "
           "or make a new database before trying again.")
            .arg(stopped, emptied.error().message, kept.join(QStringLiteral(", "))));
}

} // namespace herald
