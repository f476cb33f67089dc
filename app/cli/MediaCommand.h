#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace herald::cli {

// `herald media import|list`: the team's media library of images for messages (MediaRepository).
class MediaCommand
{
    Q_DECLARE_TR_FUNCTIONS(herald::cli::MediaCommand)
public:
    static int run(const QStringList& arguments);
};

} // namespace herald::cli
