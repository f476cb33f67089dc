#pragma once

#include "domain/Error.h"

#include <QCoreApplication>
#include <QSqlDatabase>

namespace herald {

// The read copy of nonprofits in the offline store, for previews and audience estimates: those the server's
// segments select first, then others, up to a limit. Replaced as a whole on every sync, in one transaction.
class NonprofitCache
{
    Q_DECLARE_TR_FUNCTIONS(herald::NonprofitCache)
public:
    // How many nonprofits the store now holds.
    static Result<int> refresh(const QSqlDatabase& server, const QSqlDatabase& local, int limit);
};

} // namespace herald
