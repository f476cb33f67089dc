#pragma once

#include "domain/Error.h"

#include <QSqlDatabase>

namespace herald {

// A database transaction that rolls back unless committed, so an early return never leaves half a change.
class Transaction
{
public:
    explicit Transaction(QSqlDatabase db) : m_db(std::move(db)) {}
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    Status begin();
    Status commit();
    void rollback();

private:
    QSqlDatabase m_db;
    bool m_active = false;
};

} // namespace herald
