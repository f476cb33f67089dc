#pragma once

#include "importexport/JobControl.h"

#include <QString>

namespace herald::cli {

// Prints a long job's progress to standard error, a line each time it passes another 5 percent.
class ProgressPrinter
{
public:
    explicit ProgressPrinter(QString label);

    // A JobControl whose progress comes here (the command line never cancels).
    JobControl control();

private:
    void show(qint64 done, qint64 total);

    QString m_label;
    int m_lastShown = -1;
};

} // namespace herald::cli
