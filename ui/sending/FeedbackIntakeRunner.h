#pragma once

#include "sending/CampaignProgressReader.h"

#include <QList>
#include <QObject>
#include <QTimer>

namespace herald {

class BackgroundJob;
class Database;
struct IntakeSummary;

// Runs the bounce and complaint intake (FeedbackIntake) from the desktop app: at once when asked ("Check now"
// in Settings), and every few minutes while a campaign of this database is sending, so complaints can pause it
// without a separate `herald intake`. One pass at a time, on a worker thread; the settings are read anew
// each pass. Says what each pass found, or which server refused, in a sentence.
class FeedbackIntakeRunner : public QObject
{
    Q_OBJECT
public:
    explicit FeedbackIntakeRunner(Database& database, QObject* parent = nullptr);

    bool isRunning() const;
    // Time between passes while sending (5 minutes; tests shorten it).
    void setInterval(int ms) { m_timer->setInterval(ms); }

    static QString describe(const IntakeSummary& summary);

public slots:
    // One pass now; false (and finished() with the reason) when the mailbox is not usable or one is running.
    bool runNow();
    void cancel();
    // The latest counts (from SendingMonitor): passes run on the timer while some campaign is sending.
    void campaignsRead(const QList<herald::CampaignProgress>& campaigns);

signals:
    void started(const QString& text);
    // `problem` when the pass failed, or when it paused a campaign for its complaints.
    void finished(const QString& text, bool problem);

private:
    void runScheduled();

    Database& m_database;
    BackgroundJob* m_job;
    QTimer* m_timer;
};

} // namespace herald
