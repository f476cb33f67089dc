#include "SendGridTestServer.h"

namespace herald::test {

QSet<QString> SendGridTestServer::peers() const
{
    QSet<QString> found;
    for (const QJsonObject& request : records())
        found.insert(request.value(QStringLiteral("peer")).toString());
    return found;
}

} // namespace herald::test
