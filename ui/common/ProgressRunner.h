#pragma once

#include "importexport/JobControl.h"

#include <QObject>

#include <functional>

class QWidget;

namespace herald {

class BackgroundJob;

// Runs one long job at a time on a worker thread behind a progress dialog with Cancel (an export, loading the
// sample data). The job keeps its own result (captured by the callable); `done` runs on the UI thread when the
// job returns, told whether the user cancelled it.
class ProgressRunner : public QObject
{
    Q_OBJECT
public:
    using Job = std::function<void(const JobControl& control)>;
    using Done = std::function<void(bool cancelled)>;

    // The progress dialog is a child of `window`, named `dialogName` (tests find it).
    ProgressRunner(QWidget* window, const QString& dialogName);

    // False when a job is still running.
    bool start(const QString& title, const QString& label, Job job, Done done);
    bool isRunning() const;

private:
    QWidget* m_window;
    QString m_dialogName;
    BackgroundJob* m_job;
};

} // namespace herald
