#pragma once

#include <QDateTime>
#include <QString>

namespace herald {

// A message template: subject and bodies with {{placeholders}}. Syncable: carries a UUID and version.
struct Template
{
    qint64 id = 0;
    QString uuid;
    QString name;
    QString subject;
    QString htmlBody;
    QString textBody;
    // The language it is written in ("es", "fr_CA"), which its spell check follows; empty: the interface's.
    QString language;
    QDateTime createdAt;
    QDateTime updatedAt;
    int version = 0;
};

} // namespace herald
