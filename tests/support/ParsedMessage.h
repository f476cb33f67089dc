#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtGlobal>

namespace herald::test {

// An RFC 5322 message as an independent parser sees it: Python's email package (policy.default) run by
// tests/support/parse_message.py, which prints headers, parts and defects as JSON. Empty when it fails.
inline QJsonObject parseMessage(const QByteArray& message)
{
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral(HERALD_TEST_SUPPORT_DIR "/parse_message.py")});
    python.write(message);
    python.closeWriteChannel();
    if (!python.waitForFinished(30000) || python.exitCode() != 0)
        qWarning("parser failed: %s", python.readAllStandardError().constData());
    return QJsonDocument::fromJson(python.readAllStandardOutput()).object();
}

} // namespace herald::test
