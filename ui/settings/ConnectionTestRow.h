#pragma once

#include "domain/Error.h"

#include <QFutureWatcher>
#include <QWidget>

#include <functional>

class QLabel;
class QProgressBar;
class QPushButton;

namespace herald {

// "Test connection" in a settings dialog, the same everywhere: the button, the probe on a worker thread
// with a busy bar meanwhile, and what came back in green (the server's greeting) or red (why it failed).
// A probe still running when the dialog closes holds its own copies and ends by its own timeout.
class ConnectionTestRow : public QWidget
{
    Q_OBJECT
public:
    using Probe = std::function<Result<QString>()>;

    explicit ConnectionTestRow(QWidget* parent = nullptr);

    // Runs `probe` off the UI thread; runningText says what it does meanwhile.
    void start(const QString& runningText, Probe probe);
    // A result known without probing (the settings are incomplete).
    void showResult(bool ok, const QString& text);
    // Until the result is shown, not merely until the worker thread returns: the watcher's finished signal
    // arrives queued, after isRunning() has already turned false.
    bool isTesting() const { return m_testing; }

signals:
    void testRequested();
    void finished(bool ok);

private:
    struct Outcome
    {
        bool ok = false;
        QString text; // the greeting, or the error naming the server
    };

    QPushButton* m_button;
    QProgressBar* m_busy;
    QLabel* m_result;
    QFutureWatcher<Outcome>* m_watcher;
    bool m_testing = false;
};

} // namespace herald
