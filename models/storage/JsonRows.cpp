#include "JsonRows.h"

#include <QJsonDocument>
#include <QStringList>

namespace herald {

QString JsonRows::source(const SqlDialect& dialect, std::initializer_list<Column> columns, const QString& placeholder)
{
    return source(dialect, QList<Column>(columns), placeholder);
}

QString JsonRows::source(const SqlDialect& dialect, const QList<Column>& columns, const QString& placeholder)
{
    QStringList parts;
    if (dialect.isPostgres()) {
        for (const Column& column : columns)
            parts << QStringLiteral("%1 %2").arg(QLatin1String(column.name), QLatin1String(column.postgresType));
        return QStringLiteral("jsonb_to_recordset(CAST(%1 AS jsonb)) AS r(%2)")
            .arg(placeholder, parts.join(QStringLiteral(", ")));
    }
    for (const Column& column : columns)
        parts << QStringLiteral("json_extract(value, '$.%1') AS %1").arg(QLatin1String(column.name));
    return QStringLiteral("(SELECT %1 FROM json_each(%2)) AS r").arg(parts.join(QStringLiteral(", ")), placeholder);
}

QString JsonRows::values(const SqlDialect& dialect, const QString& placeholder)
{
    if (dialect.isPostgres())
        return QStringLiteral("jsonb_array_elements_text(CAST(%1 AS jsonb)) AS v(value)").arg(placeholder);
    return QStringLiteral("(SELECT value FROM json_each(%1)) AS v").arg(placeholder);
}

QString JsonRows::keyIn(const SqlDialect& dialect, const QString& column, const QString& placeholder)
{
    if (dialect.isPostgres())
        return QStringLiteral("%1 = ANY (ARRAY(SELECT CAST(k.value AS bigint) FROM jsonb_array_elements_text(CAST(%2 AS jsonb)) AS k(value)))")
            .arg(column, placeholder);
    return QStringLiteral("%1 IN (SELECT value FROM json_each(%2))").arg(column, placeholder);
}

QString JsonRows::text(const QJsonArray& array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

} // namespace herald
