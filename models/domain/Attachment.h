#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace herald {

// A file sent with every message of a campaign (campaign_attachments). `bytes` is empty when only the summary was
// read (listing); `size` and `sha256` always describe the stored file.
struct Attachment
{
    qint64 id = 0;
    qint64 campaignId = 0;
    QString fileName;
    QString contentType; // "application/pdf"
    QByteArray bytes;
    qint64 size = 0;
    QString sha256; // hex
    int position = 0;
    QDateTime createdAt;

    // A campaign's attachments together: more is refused (most receivers refuse messages above 10 to 25 MB, and
    // every recipient downloads them).
    static constexpr qint64 MaxTotalBytes = 10 * 1024 * 1024;
    // Above this the campaign is warned about: large messages land in spam or are clipped more often.
    static constexpr qint64 WarnAboveBytes = 1024 * 1024;
};

} // namespace herald
