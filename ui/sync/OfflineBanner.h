#pragma once

#include <QFrame>

class QLabel;
class QProgressBar;
class QPushButton;

namespace herald {

// The strip above the pages that says Herald is offline (or that the server is back, or that a sync runs) and
// offers what can be done about it: retry now, go online or work offline, resolve conflicts, see the sync log.
class OfflineBanner : public QFrame
{
    Q_OBJECT
public:
    explicit OfflineBanner(QWidget* parent = nullptr);

    QString text() const;

    // Working on the offline store because `server` cannot be reached.
    void showOffline(const QString& server, const QString& error);
    void showNextTry(int seconds);
    void showSyncing(int done, int total);
    // The server answers again; conflicts > 0 adds "Resolve Conflicts…".
    void showServerBack(int openConflicts, const QString& failures);
    // Online, and the server stopped answering while there are unsaved changes.
    void showLost(const QString& server, const QString& error);
    // Online, with conflicts left from an earlier sync.
    void showConflicts(int openConflicts);

signals:
    void retryRequested();
    void goOnlineRequested();
    void workOfflineRequested();
    void resolveRequested();
    void logRequested();
    void cancelSyncRequested();

private:
    enum class Tone { Warning, Good, Busy };
    void setTone(Tone tone);
    void setButtons(bool retry, bool goOnline, bool workOffline, bool resolve, bool cancel);

    QLabel* m_text;
    QProgressBar* m_progress;
    QPushButton* m_retry;
    QPushButton* m_goOnline;
    QPushButton* m_workOffline;
    QPushButton* m_resolve;
    QPushButton* m_cancel;
    QString m_offlineText;
};

} // namespace herald
