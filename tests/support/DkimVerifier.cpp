#include "DkimVerifier.h"

#include "DnsTestServer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>

namespace herald::test {

DkimVerdict DkimVerifier::verify(const QByteArray& message, const QJsonObject& zone)
{
    DkimVerdict verdict;
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("message.eml")));
    if (!file.open(QIODevice::WriteOnly) || file.write(message) != message.size()
        || !DnsTestServer::writeZone(dir.filePath(QStringLiteral("zone.json")), zone)) {
        verdict.error = QStringLiteral("could not write the verifier's files");
        return verdict;
    }
    file.close();
    QProcess process;
    process.start(QStringLiteral("/usr/bin/python3"),
                  {QStringLiteral(HERALD_TEST_SUPPORT_DIR "/dkim_verify.py"), file.fileName(),
                   dir.filePath(QStringLiteral("zone.json"))});
    if (!process.waitForFinished(30000)) {
        verdict.error = QStringLiteral("dkim_verify.py did not finish: %1").arg(process.errorString());
        return verdict;
    }
    const QByteArray output = process.readAllStandardOutput();
    const QJsonObject result = QJsonDocument::fromJson(output).object();
    if (result.isEmpty()) {
        verdict.error = QString::fromUtf8(output + process.readAllStandardError());
        return verdict;
    }
    verdict.verified = result.value(QStringLiteral("verified")).toBool() && process.exitCode() == 0;
    for (const QJsonValue& name : result.value(QStringLiteral("headers")).toArray())
        verdict.signedHeaders << name.toString();
    verdict.domain = result.value(QStringLiteral("domain")).toString();
    verdict.selector = result.value(QStringLiteral("selector")).toString();
    verdict.algorithm = result.value(QStringLiteral("algorithm")).toString();
    verdict.canonicalization = result.value(QStringLiteral("canonicalization")).toString();
    verdict.error = result.value(QStringLiteral("error")).toString();
    return verdict;
}

} // namespace herald::test
