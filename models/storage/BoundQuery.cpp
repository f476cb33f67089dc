#include "BoundQuery.h"

#include "SqlErrors.h"

#include <QSqlError>

namespace herald {

BoundQuery::BoundQuery(const QSqlDatabase& db, const QString& sql) : m_query(db)
{
    m_query.setForwardOnly(true);
    m_prepared = m_query.prepare(sql);
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
    if (!m_prepared || !m_query.exec())
        return SqlErrors::toError(m_query.lastError(), what);
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
