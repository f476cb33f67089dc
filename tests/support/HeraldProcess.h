#pragma once

#include <QHash>
#include <QProcess>
#include <QTemporaryDir>

#include <memory>

namespace herald::test {

// Runs the real herald executable headless, with config and data folders of its own that last as long as this.
class HeraldProcess
{
public:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    explicit HeraldProcess(QString executable)
        : m_executable(std::move(executable))
    {
    }

    QString homePath(const QString& name) const { return m_home.filePath(name); }

    // An environment variable every later run gets (HERALD_PROVIDER_SECRET_…).
    void setVariable(const QString& name, const QString& value) { m_variables.insert(name, value); }

    // The environment it runs in: its own config and data folders, no display, no session bus.
    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), homePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), homePath(QStringLiteral("data")));
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        // English whatever the machine's language, as the tests read the output (Herald follows the locale).
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        env.remove(QStringLiteral("LANGUAGE"));
        for (auto it = m_variables.cbegin(); it != m_variables.cend(); ++it)
            env.insert(it.key(), it.value());
        return env;
    }

    // Starts a long-running command (`herald worker`) in that environment; stderr goes to the test's.
    std::unique_ptr<QProcess> start(const QStringList& arguments) const
    {
        auto process = std::make_unique<QProcess>();
        process->setProcessEnvironment(environment());
        process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        process->start(m_executable, arguments);
        return process;
    }

    // `password` goes to PGPASSWORD, as a headless machine without a keychain gives it.
    Run run(const QStringList& arguments, const QString& password = {}) const
    {
        QProcess process;
        QProcessEnvironment env = environment();
        if (!password.isEmpty())
            env.insert(QStringLiteral("PGPASSWORD"), password);
        process.setProcessEnvironment(env);
        process.start(m_executable, arguments);
        if (!process.waitForFinished(120000))
            return {};
        return { process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError()) };
    }

private:
    QString m_executable;
    QTemporaryDir m_home;
    QHash<QString, QString> m_variables;
};

} // namespace herald::test
