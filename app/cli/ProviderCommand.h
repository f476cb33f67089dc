#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace herald::cli {

// `herald provider list|add`: SMTP mail providers without the window, checked by the same ProviderValidator as
// Settings → Mail providers. Secrets are never arguments: HERALD_PROVIDER_SECRET_<NAME> gives one (kept in the
// keychain when there is one, else read from the environment whenever Herald sends).
class ProviderCommand
{
    Q_DECLARE_TR_FUNCTIONS(herald::cli::ProviderCommand)
public:
    static int run(const QStringList& arguments);
};

} // namespace herald::cli
