#pragma once

#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>

namespace herald::test {

// A test peer written in Python (a script in tests/support) on a free loopback port, for one test: starts
// it with "--store <file>", waits for its "READY <port>" line, reads what it recorded (one JSON object a
// line) and stops it when the test ends.
class TestServerProcess
{
public:
    explicit TestServerProcess(QString script);
    virtual ~TestServerProcess();
    TestServerProcess(const TestServerProcess&) = delete;
    TestServerProcess& operator=(const TestServerProcess&) = delete;

    bool start(const QStringList& options = {});
    void stop();
    int port() const { return m_port; }
    QString lastError() const { return m_error; }

protected:
    QList<QJsonObject> records() const;
    bool waitForRecords(int count, int timeoutMs) const;
    QString filePath(const QString& name) const { return m_dir.filePath(name); } // in this server's own folder

private:
    QString m_script;
    QTemporaryDir m_dir;
    QProcess m_process;
    int m_port = 0;
    QString m_error;
};

} // namespace herald::test
