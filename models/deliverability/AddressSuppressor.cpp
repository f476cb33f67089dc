#include "AddressSuppressor.h"

#include "storage/BoundQuery.h"
#include "storage/SqlDialect.h"
#include "storage/SuppressionRepository.h"
#include "storage/Transaction.h"

#include <QCoreApplication>

namespace herald {

namespace {
QString nonprofitStatusFor(SuppressionReason reason)
{
    switch (reason) {
    case SuppressionReason::HardBounce:
        return QStringLiteral("bounced");
    case SuppressionReason::Complaint:
        return QStringLiteral("complained");
    case SuppressionReason::Unsubscribed:
    case SuppressionReason::Manual:
        break;
    }
    return QStringLiteral("unsubscribed");
}
} // namespace

Result<bool> AddressSuppressor::suppress(const QString& email, SuppressionReason reason, const QString& source)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    Transaction transaction(db.value());
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    Suppression suppression;
    suppression.email = email;
    suppression.reason = reason;
    suppression.source = source;
    auto added = SuppressionRepository(m_database).add(suppression);
    if (!added)
        return added.error();
    // An active nonprofit with this address leaves every audience; one already marked otherwise keeps its status.
    BoundQuery mark(db.value(), QStringLiteral("UPDATE nonprofits SET status = :status, version = version + 1, updated_at = %1"
                                               " WHERE status = 'active' AND lower(email) = :email")
                                    .arg(SqlDialect(m_database.backend()).now()));
    mark.bind(QStringLiteral(":status"), nonprofitStatusFor(reason)).bind(QStringLiteral(":email"), suppression.email);
    if (auto done = mark.exec(tr("Could not mark the nonprofit of a suppressed address")); !done)
        return done.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return added.value();
}

} // namespace herald
