#include "DnsTestServer.h"

#include <QFile>
#include <QJsonDocument>

#include <cstdio>

namespace herald::test {

bool DnsTestServer::writeZone(const QString& path, const QJsonObject& zone)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(QJsonDocument(zone).toJson()) > 0;
}

bool DnsTestServer::start(const QString& address, const QJsonObject& zone)
{
    m_address = address;
    const QString zonePath = filePath(QStringLiteral("zone.json"));
    if (!writeZone(zonePath, zone))
        return false;
    return TestServerProcess::start({QStringLiteral("--address"), address, QStringLiteral("--zone"), zonePath});
}

bool DnsTestServer::setZone(const QJsonObject& zone)
{
    // Written beside and renamed: the server never reads half a file.
    const QString path = filePath(QStringLiteral("zone.json"));
    return writeZone(path + QStringLiteral(".new"), zone) && std::rename(qPrintable(path + QStringLiteral(".new")), qPrintable(path)) == 0;
}

QStringList DnsTestServer::questions() const
{
    QStringList names;
    for (const QJsonObject& record : records())
        names << record.value(QStringLiteral("name")).toString();
    return names;
}

} // namespace herald::test
