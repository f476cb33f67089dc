#pragma once

#include "sync/SyncEngine.h"

#include <QDialog>

#include <functional>

class QLabel;
class QPushButton;
class QTableWidget;
class QTextBrowser;

namespace herald {

// The conflicts a sync found, one at a time: both versions side by side (name, subject, audience, sender and the
// other short fields in a table, the bodies as a line diff) and the user's choice: keep mine, keep the server's,
// or keep both (mine becomes a new draft). "Decide Later" leaves the rest open for the next sync.
class SyncConflictDialog : public QDialog
{
    Q_OBJECT
public:
    using Resolver = std::function<Status(qint64 conflictId, Resolution resolution)>;

    SyncConflictDialog(QList<SyncEngine::ConflictSides> conflicts, Resolver resolver, QWidget* parent = nullptr);

    int current() const { return m_current; }
    int resolvedCount() const { return m_resolved; }

public slots:
    void resolveCurrent(Resolution resolution);

private:
    void showCurrent();
    QString fieldLabel(const QString& column) const;
    QString display(const SyncEngine::ConflictSides& sides, const std::optional<SyncRecord>& side, int column) const;
    static QString diffHtml(const QString& title, const QString& mine, const QString& theirs);

    QList<SyncEngine::ConflictSides> m_conflicts;
    Resolver m_resolver;
    int m_current = 0;
    int m_resolved = 0;
    QLabel* m_headline;
    QTableWidget* m_fields;
    QTextBrowser* m_diff;
    QLabel* m_errorLabel;
    QPushButton* m_keepMine;
    QPushButton* m_keepServer;
    QPushButton* m_keepBoth;
};

} // namespace herald
