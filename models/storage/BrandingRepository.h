#pragma once

#include "Database.h"
#include "domain/Error.h"
#include "templates/Branding.h"

namespace herald {

// The organisation's branding (colour, logo, name) in app_settings, so everyone using the database builds
// starters alike. Unset keys read as Branding's defaults.
class BrandingRepository
{
public:
    explicit BrandingRepository(Database& database) : m_database(database) {}

    Result<Branding> load();
    // Stores all three after Branding::checked accepts them (in one transaction); the error names the field.
    Status save(const Branding& branding);

private:
    Database& m_database;
};

} // namespace herald
