#pragma once

#include <QCoreApplication>

#include "domain/Error.h"
#include "domain/Suppression.h"
#include "storage/Database.h"

namespace herald {

// Puts an address on the suppression list and marks the nonprofit that has it (unsubscribed, bounced,
// complained) in one transaction: what the unsubscribe receiver and the bounce intake both do. Suppressing
// an address twice keeps the first entry and is not an error.
class AddressSuppressor
{
    Q_DECLARE_TR_FUNCTIONS(herald::AddressSuppressor)
public:
    explicit AddressSuppressor(Database& database) : m_database(database) {}

    // True when the address was not suppressed before.
    Result<bool> suppress(const QString& email, SuppressionReason reason, const QString& source);

private:
    Database& m_database;
};

} // namespace herald
