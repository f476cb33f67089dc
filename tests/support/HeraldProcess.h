#pragma once

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

    // `password` goes to PGPASSWORD, as a headless machine without a keychain gives it.
    Run run(const QStringList& arguments, const QString& password = {}) const
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), homePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), homePath(QStringLiteral("data")));
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
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
};

} // namespace herald::test
