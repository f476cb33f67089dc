#include "TestServerProcess.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonDocument>
#include <QThread>

namespace herald::test {

namespace {
const QString StoreFile = QStringLiteral("records.jsonl");
} // namespace

TestServerProcess::TestServerProcess(QString script) : m_script(std::move(script)) {}

TestServerProcess::~TestServerProcess() { stop(); }

bool TestServerProcess::start(const QStringList& options)
{
    const QString script = QStringLiteral(HERALD_TEST_SUPPORT_DIR "/") + m_script;
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.start(QStringLiteral("/usr/bin/python3"),
                    QStringList{script, QStringLiteral("--store"), m_dir.filePath(StoreFile)} + options);
    if (!m_process.waitForStarted(10000)) {
        m_error = m_process.errorString();
        return false;
    }
    QDeadlineTimer deadline(15000);
    QByteArray output;
    while (!deadline.hasExpired() && !output.contains('\n')) {
        m_process.waitForReadyRead(200);
        output += m_process.readAllStandardOutput();
        if (m_process.state() != QProcess::Running)
            break;
    }
    if (!output.startsWith("READY ")) {
        m_error = QString::fromUtf8(output + m_process.readAllStandardError());
        return false;
    }
    m_port = output.mid(6).trimmed().toInt();
    return m_port > 0;
}

void TestServerProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(2000);
    }
}

QList<QJsonObject> TestServerProcess::records() const
{
    QList<QJsonObject> list;
    QFile file(m_dir.filePath(StoreFile));
    if (!file.open(QIODevice::ReadOnly))
        return list;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (!line.isEmpty())
            list << QJsonDocument::fromJson(line).object();
    }
    return list;
}

bool TestServerProcess::waitForRecords(int count, int timeoutMs) const
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (records().size() >= count)
            return true;
        QThread::msleep(20);
    }
    return records().size() >= count;
}

} // namespace herald::test
