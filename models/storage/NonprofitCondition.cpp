#include "NonprofitCondition.h"

#include "BoundQuery.h"
#include "JsonRows.h"
#include "domain/Nonprofit.h"

#include <QRegularExpression>

#include <algorithm>

namespace herald {

NonprofitCondition::NonprofitCondition(Backend backend)
    : m_dialect(backend)
{
}

QString NonprofitCondition::placeholder(const QVariant& value)
{
    // One placeholder per use: the PostgreSQL driver binds positionally.
    const QString name = QStringLiteral(":nc%1").arg(m_values.size() + 1);
    m_values.append({ name, value });
    return name;
}

namespace {
QString einDigitsOf(const QString& trimmed)
{
    static const QRegularExpression einLike(QStringLiteral("^[0-9-]+$"));
    return einLike.match(trimmed).hasMatch() ? Nonprofit::normalizedEin(trimmed) : QString();
}

// The trigram index answers texts of three characters or more (and EIN digits of three or more).
bool indexAnswers(const QString& trimmed, const QString& einDigits)
{
    return trimmed.size() >= 3 && (einDigits.isEmpty() || einDigits.size() >= 3);
}
} // namespace

NonprofitCondition& NonprofitCondition::containing(const QString& text, TextSearch how)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return *this;
    const QString einDigits = einDigitsOf(trimmed);
    if (!m_dialect.isPostgres() && how == TextSearch::Index && indexAnswers(trimmed, einDigits)) {
        m_parts << QStringLiteral("n.id IN (%1)").arg(indexRows(placeholder(searchQuery(trimmed, einDigits))));
        return *this;
    }
    // PostgreSQL: ILIKE, served by the pg_trgm indexes (schema 1 and 4).
    const QString pattern = SqlDialect::containsPattern(trimmed);
    QStringList alternatives;
    for (const char* column : { "n.name", "n.email", "n.city" })
        alternatives << m_dialect.containsCondition(QLatin1String(column), placeholder(pattern));
    if (!einDigits.isEmpty())
        alternatives << m_dialect.containsCondition(
            QStringLiteral("n.ein"), placeholder(SqlDialect::containsPattern(einDigits)));
    m_parts << QStringLiteral("(%1)").arg(alternatives.join(QStringLiteral(" OR ")));
    return *this;
}

bool NonprofitCondition::scanAgreesWithIndex(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (!indexAnswers(trimmed, einDigitsOf(trimmed)))
        return false;
    return std::all_of(trimmed.cbegin(), trimmed.cend(), [](QChar c) { return c.unicode() < 0x80; });
}

QString NonprofitCondition::indexQuery(const QString& text)
{
    const QString trimmed = text.trimmed();
    return searchQuery(trimmed, einDigitsOf(trimmed));
}

QString NonprofitCondition::indexRows(const QString& placeholder)
{
    return QStringLiteral("SELECT rowid FROM nonprofits_search WHERE nonprofits_search MATCH %1").arg(placeholder);
}

QString NonprofitCondition::searchQuery(const QString& text, const QString& einDigits)
{
    // An FTS5 phrase of trigrams matches the text as a substring, ignoring case; quotes are doubled inside it.
    const auto phrase = [](QString value) {
        return QLatin1Char('"') + value.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
    };
    QString query = QStringLiteral("{name email city} : ") + phrase(text);
    if (!einDigits.isEmpty())
        query += QStringLiteral(" OR ein : ") + phrase(einDigits);
    return query;
}

NonprofitCondition& NonprofitCondition::matching(const Audience& audience)
{
    if (!audience.anyOfTags.isEmpty()) {
        const QString tags = placeholder(JsonRows::text(QJsonArray::fromStringList(audience.anyOfTags)));
        m_parts << QStringLiteral("EXISTS (SELECT 1 FROM nonprofit_tags t WHERE t.nonprofit_id = n.id "
                                  "AND t.tag IN (SELECT v.value FROM %1))")
                       .arg(JsonRows::values(m_dialect, tags));
    }
    if (!audience.region.isEmpty())
        m_parts << QStringLiteral("n.region = %1").arg(placeholder(audience.region));
    if (audience.status)
        withStatus(*audience.status);
    return containing(audience.searchText);
}

NonprofitCondition& NonprofitCondition::withStatus(NonprofitStatus status)
{
    m_parts << QStringLiteral("n.status = %1").arg(placeholder(toString(status)));
    return *this;
}

QString NonprofitCondition::sql() const
{
    return m_parts.isEmpty() ? QStringLiteral("1 = 1") : m_parts.join(QStringLiteral(" AND "));
}

void NonprofitCondition::bindTo(BoundQuery& query) const
{
    for (const auto& [name, value] : m_values)
        query.bind(name, value);
}

} // namespace herald
