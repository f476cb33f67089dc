#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace herald::cli {

// `herald identity list|add`: sender identities (From, Reply-To, postal address, unsubscribe link) without the
// window, checked by the same SenderIdentity::validate() as the sender identity dialog.
class IdentityCommand
{
    Q_DECLARE_TR_FUNCTIONS(herald::cli::IdentityCommand)
public:
    static int run(const QStringList& arguments);
};

} // namespace herald::cli
