#include "ExportRunner.h"

#include "ProgressRunner.h"

#include <QDir>
#include <QWidget>

#include <memory>

namespace herald {

ExportRunner::ExportRunner(QWidget* window)
    : QObject(window)
    , m_runner(new ProgressRunner(window, QStringLiteral("exportProgress")))
{
}

bool ExportRunner::isRunning() const { return m_runner->isRunning(); }

bool ExportRunner::start(const QString& title, const QString& path, Export run, Done done)
{
    auto written = std::make_shared<Result<qint64>>(qint64(0));
    return m_runner->start(
        title, tr("Exporting to %1…").arg(QDir::toNativeSeparators(path)),
        [run = std::move(run), written](const JobControl& control) { *written = run(control); },
        [written, done = std::move(done)](bool cancelled) {
            if (!cancelled)
                done(*written);
        });
}

} // namespace herald
