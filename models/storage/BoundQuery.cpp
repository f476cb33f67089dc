#include "BoundQuery.h"

#include "SqlErrors.h"

#include <QSqlError>

namespace herald {

namespace {
StatementCache::Taken preparedOnce(const QSqlDatabase& db, const QString& sql)
{
    StatementCache::Taken once{QSqlQuery(db), 0, false};
    once.query.setForwardOnly(true);
    once.prepared = once.query.prepare(sql);
    return once;
}
} // namespace

BoundQuery::BoundQuery(const QSqlDatabase& db, const QString& sql, Lifetime lifetime)
    : m_statement(lifetime == Lifetime::KeptPrepared ? StatementCache::take(db, sql) : preparedOnce(db, sql))
{
    if (lifetime == Lifetime::KeptPrepared) {
        m_keptOn = db;
        m_keptSql = sql;
    }
}

BoundQuery::~BoundQuery()
{
    if (m_keptOn.isValid())
        StatementCache::giveBack(m_keptOn, m_keptSql, std::move(m_statement), m_failed);
}

BoundQuery& BoundQuery::bind(const QString& placeholder, const QVariant& value)
{
    // A null QString would be bound as SQL NULL; an unset text field means empty text. Real NULLs are
    // bound as null variants (QVariant(QMetaType)).
    if (value.metaType().id() == QMetaType::QString && !value.isNull() && value.toString().isNull())
        m_query.bindValue(placeholder, QStringLiteral(""));
    else
        m_query.bindValue(placeholder, value);
    return *this;
}

Status BoundQuery::exec(const QString& what)
{
    if (!m_statement.prepared || !m_query.exec()) {
        m_failed = true;
        return SqlErrors::toError(m_query.lastError(), what);
    }
    return {};
}

Status BoundQuery::execSingle(const QString& what, const QString& notFoundMessage)
{
    if (auto ran = exec(what); !ran)
        return ran;
    if (!m_query.next())
        return Error::make(Error::Kind::NotFound, notFoundMessage);
    return {};
}

} // namespace herald
