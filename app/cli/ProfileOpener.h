#pragma once

#include "domain/Error.h"
#include "storage/Database.h"

#include <memory>

namespace herald::cli {

// Opens the profile a sub-command names (--profile NAME, else the active one) without a window:
// the password comes from the keychain, from PGPASSWORD / ~/.pgpass (libpq reads them), or is absent.
class ProfileOpener
{
public:
    static Result<ConnectionProfile> resolve(const QString& nameOrId);
    static Result<std::unique_ptr<Database>> open(const QString& nameOrId);
    // open() for a command: prints the error and gives null when the database cannot be opened.
    static std::unique_ptr<Database> openOrSay(const QString& nameOrId);
};

} // namespace herald::cli
