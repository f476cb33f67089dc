#include "SqlDialect.h"

namespace herald {

namespace {
const QString SqliteTimeFormat = QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ");
}

QString SqlDialect::now() const
{
    return isPostgres() ? QStringLiteral("now()") : QStringLiteral("strftime('%Y-%m-%dT%H:%M:%fZ', 'now')");
}

QVariant SqlDialect::timestamp(const QDateTime& time) const
{
    if (!time.isValid())
        return QVariant(isPostgres() ? QMetaType(QMetaType::QDateTime) : QMetaType(QMetaType::QString));
    if (isPostgres())
        return time.toUTC();
    return time.toUTC().toString(SqliteTimeFormat);
}

QDateTime SqlDialect::readTimestamp(const QVariant& value)
{
    if (value.isNull())
        return {};
    if (value.metaType().id() == QMetaType::QDateTime)
        return value.toDateTime().toUTC();
    QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    if (!time.isValid())
        time = QDateTime::fromString(value.toString(), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    time.setTimeSpec(Qt::UTC);
    return time;
}

QString SqlDialect::epochMilliseconds(const QString& column) const
{
    // SQLite keeps ISO-8601 UTC text; its Julian day number is exact to well under a millisecond.
    return isPostgres() ? QStringLiteral("CAST(round(extract(epoch FROM %1) * 1000) AS bigint)").arg(column)
                        : QStringLiteral("CAST(round((julianday(%1) - 2440587.5) * 86400000.0) AS INTEGER)").arg(column);
}

QString SqlDialect::containsCondition(const QString& column, const QString& placeholder) const
{
    // SQLite's LIKE ignores ASCII case already; PostgreSQL needs ILIKE (served by the trigram index).
    return QStringLiteral("%1 %2 %3 ESCAPE '\\'").arg(column, isPostgres() ? QStringLiteral("ILIKE") : QStringLiteral("LIKE"),
                                                     placeholder);
}

QString SqlDialect::containsText(const QString& column, const QString& placeholder) const
{
    return QStringLiteral("%1(%2, %3) > 0").arg(isPostgres() ? QStringLiteral("strpos") : QStringLiteral("instr"), column,
                                                placeholder);
}

QString SqlDialect::containsPattern(const QString& text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('%'), QStringLiteral("\\%"));
    escaped.replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

QString SqlDialect::joinedAggregate(const QString& expression) const
{
    if (isPostgres())
        return QStringLiteral("string_agg(%1, ',' ORDER BY %1)").arg(expression);
    return QStringLiteral("group_concat(%1, ',')").arg(expression);
}

QString SqlDialect::sortedTagList(const QString& idExpression) const
{
    if (isPostgres())
        return QStringLiteral("(SELECT string_agg(t.tag, ',' ORDER BY t.tag COLLATE \"C\") FROM nonprofit_tags t "
                              "WHERE t.nonprofit_id = %1)")
            .arg(idExpression);
    // SQLite's default (binary) collation is code point order; group_concat follows the subquery's order.
    return QStringLiteral("(SELECT group_concat(tag, ',') FROM (SELECT t.tag FROM nonprofit_tags t "
                          "WHERE t.nonprofit_id = %1 ORDER BY t.tag))")
        .arg(idExpression);
}

QString SqlDialect::distinctFrom() const
{
    return isPostgres() ? QStringLiteral("IS DISTINCT FROM") : QStringLiteral("IS NOT");
}

} // namespace herald
