#pragma once

#include <QDateTime>
#include <QString>

namespace herald {

// One line of the audit log: who did what to which entity.
struct AuditEntry
{
    qint64 id = 0;
    QDateTime at;
    QString actor;
    QString action;   // "create", "update", "delete", "import", "erase", "send" …
    QString entity;   // "nonprofit", "campaign" …
    QString entityId; // the entity's id or UUID as text
    QString detail;
};

} // namespace herald
