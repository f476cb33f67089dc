#pragma once

#include "sync/SyncTypes.h"

#include <QDialog>

class QTableWidget;

namespace herald {

// The sync log of the profile's offline store, newest first: what went up, what came down, the conflicts and how
// they were resolved.
class SyncLogDialog : public QDialog
{
    Q_OBJECT
public:
    SyncLogDialog(const QList<SyncLogEntry>& entries, int openConflicts, QWidget* parent = nullptr);

    int rowCount() const;

    // What a synced row is, in words ("Template", "Sender identity") for the sync's entity code.
    static QString describeEntity(const QString& entity);

private:
    static QString describe(const QString& action);

    QTableWidget* m_table;
};

} // namespace herald
