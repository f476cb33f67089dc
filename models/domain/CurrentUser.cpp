#include "CurrentUser.h"

#include <QtGlobal>

namespace herald {

QString currentUserName(const QString& fallback)
{
    const QString user = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    return user.isEmpty() ? fallback : user;
}

} // namespace herald
