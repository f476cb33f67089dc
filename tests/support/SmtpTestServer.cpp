#include "SmtpTestServer.h"

namespace herald::test {

bool SmtpTestServer::makeCertificate(QString* certificate, QString* key)
{
    *certificate = filePath(QStringLiteral("cert.pem"));
    *key = filePath(QStringLiteral("key.pem"));
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                   QStringLiteral("-nodes"), QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                   QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1"),
                   QStringLiteral("-keyout"), *key, QStringLiteral("-out"), *certificate});
    return openssl.waitForFinished(30000) && openssl.exitCode() == 0;
}

} // namespace herald::test
