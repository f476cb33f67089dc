#pragma once

#include <QByteArray>
#include <QString>

namespace herald {

// What one message in the feedback mailbox says about a message Herald sent, read by FeedbackReport::read():
//  - a delivery status notification (RFC 3464, multipart/report; report-type=delivery-status): a hard bounce
//    when the recipient's Status is 5.x.x, a soft bounce when it is 4.x.x (or the Action is "delayed");
//  - a complaint (ARF, RFC 5965, multipart/report; report-type=feedback-report), unless its Feedback-Type
//    is "not-spam";
//  - an unsubscribe request sent to the List-Unsubscribe mailto: address (subject or first body line
//    "unsubscribe"), from the address that wants out;
//  - anything else: Unrecognised (left for a person to read).
struct FeedbackReport
{
    enum class Kind { Unrecognised, HardBounce, SoftBounce, Complaint, Unsubscribe };

    Kind kind = Kind::Unrecognised;
    QString recipient;          // the address the report is about (the one to suppress), lower case
    QString originalMessageId;  // Message-ID of the message it is about, without <>, when it names one
    QString statusCode;         // "5.1.1", "4.2.2", the feedback type ("abuse"), empty for an unsubscribe
    QString diagnostic;         // the remote server's words, for the suppression's source
    QString reportId;           // this report's own Message-ID, when it has one
    QString unsubscribeToken;   // a signed unsubscribe token found in an unsubscribe message

    static FeedbackReport read(const QByteArray& raw);
    static QString kindName(Kind kind); // "hard_bounce", "soft_bounce", "complaint", "unsubscribe", "unrecognised"
};

} // namespace herald
