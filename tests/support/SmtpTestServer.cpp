#include "SmtpTestServer.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonDocument>
#include <QThread>

namespace herald::test {

SmtpTestServer::~SmtpTestServer() { stop(); }

bool SmtpTestServer::start(const QStringList& options)
{
    const QString script = QStringLiteral(HERALD_TEST_SUPPORT_DIR "/smtp_test_server.py");
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.start(QStringLiteral("/usr/bin/python3"),
                    QStringList{script, QStringLiteral("--store"), m_dir.filePath(QStringLiteral("messages.jsonl"))} + options);
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

void SmtpTestServer::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(2000);
    }
}

QList<QJsonObject> SmtpTestServer::messages() const
{
    QList<QJsonObject> list;
    QFile file(m_dir.filePath(QStringLiteral("messages.jsonl")));
    if (!file.open(QIODevice::ReadOnly))
        return list;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (!line.isEmpty())
            list << QJsonDocument::fromJson(line).object();
    }
    return list;
}

bool SmtpTestServer::waitForMessages(int count, int timeoutMs) const
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (messages().size() >= count)
            return true;
        QThread::msleep(20);
    }
    return messages().size() >= count;
}

bool SmtpTestServer::makeCertificate(QString* certificate, QString* key)
{
    *certificate = m_dir.filePath(QStringLiteral("cert.pem"));
    *key = m_dir.filePath(QStringLiteral("key.pem"));
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                   QStringLiteral("-nodes"), QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                   QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1"),
                   QStringLiteral("-keyout"), *key, QStringLiteral("-out"), *certificate});
    return openssl.waitForFinished(30000) && openssl.exitCode() == 0;
}

} // namespace herald::test
