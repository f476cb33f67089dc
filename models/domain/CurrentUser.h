#pragma once

#include <QString>

namespace herald {

// Who is acting, for the audit log: the operating-system user name, or `fallback` ("cli", "desktop") when the
// environment does not say.
QString currentUserName(const QString& fallback);

} // namespace herald
