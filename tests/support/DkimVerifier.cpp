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
    auto read = [](const QJsonObject& object, DkimSignatureVerdict& into) {
        into.verified = object.value(QStringLiteral("verified")).toBool();
        for (const QJsonValue& name : object.value(QStringLiteral("headers")).toArray())
            into.signedHeaders << name.toString();
        into.domain = object.value(QStringLiteral("domain")).toString();
        into.selector = object.value(QStringLiteral("selector")).toString();
        into.algorithm = object.value(QStringLiteral("algorithm")).toString();
        into.canonicalization = object.value(QStringLiteral("canonicalization")).toString();
        into.error = object.value(QStringLiteral("error")).toString();
    };
    read(result, verdict);
    verdict.verified = verdict.verified && process.exitCode() == 0;
    for (const QJsonValue& signature : result.value(QStringLiteral("signatures")).toArray()) {
        DkimSignatureVerdict one;
        read(signature.toObject(), one);
        verdict.signatures << one;
    }
    return verdict;
}

} // namespace herald::test
