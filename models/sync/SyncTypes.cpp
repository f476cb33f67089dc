#include "SyncTypes.h"

#include "domain/EnumText.h"

namespace herald {

QString toString(ConflictKind kind)
{
    switch (kind) {
    case ConflictKind::EditedOnBoth:
        return QStringLiteral("edited_on_both");
    case ConflictKind::DeletedOnServer:
        return QStringLiteral("deleted_on_server");
    case ConflictKind::DeletedLocally:
        return QStringLiteral("deleted_locally");
    }
    return {};
}

bool fromString(const QString& text, ConflictKind* kind)
{
    return parseEnum(text, {ConflictKind::EditedOnBoth, ConflictKind::DeletedOnServer, ConflictKind::DeletedLocally},
                     kind);
}

QString toString(Resolution resolution)
{
    switch (resolution) {
    case Resolution::KeepMine:
        return QStringLiteral("keep_mine");
    case Resolution::KeepServer:
        return QStringLiteral("keep_server");
    case Resolution::KeepBoth:
        return QStringLiteral("keep_both");
    }
    return {};
}

bool fromString(const QString& text, Resolution* resolution)
{
    return parseEnum(text, {Resolution::KeepMine, Resolution::KeepServer, Resolution::KeepBoth}, resolution);
}

} // namespace herald
