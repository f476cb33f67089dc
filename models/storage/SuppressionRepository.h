#pragma once

#include "Database.h"
#include "KeysetPage.h"
#include "SqlDialect.h"
#include "domain/Error.h"
#include "domain/Suppression.h"

#include <QCoreApplication>
#include <QList>

class QSqlQuery;

namespace herald {

// Where the next page of suppressions starts: after this (created_at, email).
struct SuppressionCursor
{
    QDateTime createdAt;
    QString email;
    bool isStart() const { return email.isEmpty(); }
};

using SuppressionPage = KeysetPage<Suppression, SuppressionCursor>;

// SQL for the addresses that must never be mailed again. Addresses are kept normalized (trimmed, lower case),
// so every lookup ignores case.
class SuppressionRepository
{
    Q_DECLARE_TR_FUNCTIONS(herald::SuppressionRepository)
public:
    explicit SuppressionRepository(Database& database);

    // Suppresses the address; true when it is new. An address already suppressed keeps its first entry (reason,
    // source and time) and is not an error. Normalizes suppression.email and, when new, fills in createdAt
    // (left unset, it is now).
    Result<bool> add(Suppression& suppression);
    // Lifts the suppression; true when there was one.
    Result<bool> remove(const QString& email);
    Result<Suppression> find(const QString& email);
    Result<bool> isSuppressed(const QString& email);
    Result<qint64> count();
    // Newest first (ties by email), a page at a time.
    Result<SuppressionPage> page(const SuppressionCursor& after, int limit);

private:
    static Suppression readRow(const QSqlQuery& query);

    Database& m_database;
    SqlDialect m_dialect;
};

} // namespace herald
