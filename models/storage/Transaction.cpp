#include "Transaction.h"

#include "SqlErrors.h"

#include <QCoreApplication>

namespace herald {

Transaction::~Transaction() { rollback(); }

Status Transaction::begin()
{
    if (!m_db.transaction())
        return SqlErrors::toError(m_db.lastError(), QCoreApplication::translate("Transaction", "Could not start a transaction"));
    m_active = true;
    return {};
}

Status Transaction::commit()
{
    if (!m_active)
        return {};
    if (!m_db.commit()) {
        const Error error = SqlErrors::toError(m_db.lastError(), QCoreApplication::translate("Transaction", "Could not commit"));
        rollback();
        return error;
    }
    m_active = false;
    return {};
}

void Transaction::rollback()
{
    if (m_active)
        m_db.rollback();
    m_active = false;
}

} // namespace herald
