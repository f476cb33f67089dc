#include "ProgressPrinter.h"

#include "Output.h"

#include <QCoreApplication>

namespace herald::cli {

ProgressPrinter::ProgressPrinter(QString label)
    : m_label(std::move(label))
{
}

JobControl ProgressPrinter::control()
{
    JobControl control;
    control.progress = [this](qint64 done, qint64 total) { show(done, total); };
    return control;
}

void ProgressPrinter::show(qint64 done, qint64 total)
{
    const int percent = total > 0 ? int(done * 100 / total) : 100;
    if (m_lastShown >= 0 && percent < m_lastShown + 5 && percent < 100)
        return;
    if (percent == m_lastShown)
        return;
    m_lastShown = percent;
    Output::error(QCoreApplication::translate("ProgressPrinter", "%1: %2%").arg(m_label).arg(percent));
}

} // namespace herald::cli
