#pragma once

#include "domain/Error.h"
#include "importexport/JobControl.h"

#include <QObject>

#include <functional>

class QWidget;

namespace herald {

class ProgressRunner;

// Runs one export at a time (rows written to a CSV file) on a worker thread behind a progress dialog with Cancel
// (objectName "exportProgress"). When it ends, `done` gets the number of rows written or the error; a cancelled
// export calls nothing (the file is only written when complete).
class ExportRunner : public QObject
{
    Q_OBJECT
public:
    using Export = std::function<Result<qint64>(const JobControl& control)>;
    using Done = std::function<void(const Result<qint64>& written)>;

    // The progress dialog is a child of `window`.
    explicit ExportRunner(QWidget* window);

    // False when an export is still running.
    bool start(const QString& title, const QString& path, Export run, Done done);
    bool isRunning() const;

private:
    ProgressRunner* m_runner;
};

} // namespace herald
