#include "ImapTestServer.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>

namespace herald::test {

bool ImapTestServer::deliver(const QByteArray& message)
{
    const QString name = QStringLiteral("mail/%1/new/%2.herald-test.%3").arg(user()).arg(++m_delivered).arg(QCoreApplication::applicationPid());
    QFile file(filePath(name));
    if (!file.open(QIODevice::WriteOnly))
        return false;
    QByteArray crlf = message;
    crlf.replace("\r\n", "\n").replace("\n", "\r\n");
    return file.write(crlf) == crlf.size();
}

QList<QJsonObject> ImapTestServer::listing() const
{
    QProcess client;
    client.start(QStringLiteral("/usr/bin/python3"),
                 {QStringLiteral(HERALD_TEST_SUPPORT_DIR "/imap_test_server.py"), QStringLiteral("--list"), QStringLiteral("--port"),
                  QString::number(port()), QStringLiteral("--user"), user(), QStringLiteral("--password"), password()});
    client.waitForFinished(20000);
    QList<QJsonObject> messages;
    for (const QByteArray& line : client.readAllStandardOutput().split('\n')) {
        if (!line.trimmed().isEmpty())
            messages << QJsonDocument::fromJson(line).object();
    }
    if (client.exitCode() != 0)
        qWarning("imap listing failed: %s", client.readAllStandardError().constData());
    return messages;
}

} // namespace herald::test
