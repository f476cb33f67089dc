#include "FeedbackReport.h"

#include "MimePart.h"
#include "domain/EmailAddress.h"

#include <QRegularExpression>

namespace herald {

namespace {
// "rfc822; Someone@Example.org" → "someone@example.org"
QString addressField(const QByteArray& value)
{
    const qsizetype semicolon = value.indexOf(';');
    QString address = QString::fromUtf8(semicolon >= 0 ? value.mid(semicolon + 1) : value).trimmed();
    if (address.startsWith(QLatin1Char('<')) && address.endsWith(QLatin1Char('>')))
        address = address.mid(1, address.size() - 2);
    return EmailAddress::normalized(address);
}

QString messageIdOf(const QByteArray& value)
{
    static const QRegularExpression bracketed(QStringLiteral("<([^<>\\s]+)>"));
    const QString text = QString::fromUtf8(value).trimmed();
    const auto match = bracketed.match(text);
    return match.hasMatch() ? match.captured(1) : text;
}

// The bare address of a From or To header: "Name <a@b>" → "a@b".
QString mailboxAddress(const QByteArray& value)
{
    static const QRegularExpression bracketed(QStringLiteral("<([^<>\\s]+@[^<>\\s]+)>"));
    const QString text = QString::fromUtf8(value).trimmed();
    const auto match = bracketed.match(text);
    return EmailAddress::normalized(match.hasMatch() ? match.captured(1) : text);
}

// Status groups of a message/delivery-status body: the per-message group, then one per recipient.
QList<QList<QPair<QByteArray, QByteArray>>> statusGroups(const QByteArray& body)
{
    QList<QList<QPair<QByteArray, QByteArray>>> groups;
    QByteArray text = body;
    text.replace("\r\n", "\n");
    // Groups are separated by blank lines.
    QByteArray current;
    const QList<QByteArray> lines = text.split('\n');
    for (const QByteArray& line : lines) {
        if (line.trimmed().isEmpty()) {
            if (!current.trimmed().isEmpty())
                groups << MimePart::parseFields(current);
            current.clear();
        } else {
            current += line + '\n';
        }
    }
    if (!current.trimmed().isEmpty())
        groups << MimePart::parseFields(current);
    return groups;
}

QByteArray field(const QList<QPair<QByteArray, QByteArray>>& fields, const QByteArray& name)
{
    for (const auto& [key, value] : fields) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

// The original message a report encloses (third part: message/rfc822 or text/rfc822-headers).
const MimePart* enclosedOriginal(const MimePart& report)
{
    for (const MimePart& part : report.parts()) {
        if (const MimePart* original = part.enclosed())
            return original;
    }
    return nullptr;
}

void readDeliveryStatus(const MimePart& report, FeedbackReport* result)
{
    const MimePart* status = nullptr;
    for (const MimePart& part : report.parts()) {
        const QByteArray type = part.contentType();
        if (type == "message/delivery-status" || type == "message/global-delivery-status")
            status = &part;
    }
    if (!status)
        return;
    const auto groups = statusGroups(status->body());
    for (qsizetype i = 1; i < groups.size(); ++i) { // group 0 is about the message
        const auto& recipient = groups.at(i);
        const QByteArray action = field(recipient, "Action").trimmed().toLower();
        const QByteArray code = field(recipient, "Status").trimmed();
        const QByteArray codeClass = code.left(2);
        FeedbackReport::Kind kind = FeedbackReport::Kind::Unrecognised;
        if (action.startsWith("failed") && codeClass == "5.")
            kind = FeedbackReport::Kind::HardBounce;
        else if ((action.startsWith("failed") || action.startsWith("delayed")) && (codeClass == "4." || codeClass == "5."))
            kind = FeedbackReport::Kind::SoftBounce; // "delayed" with any code, or a temporary failure
        if (kind == FeedbackReport::Kind::Unrecognised)
            continue; // delivered, relayed, expanded: nothing went wrong for this one
        result->kind = kind;
        result->statusCode = QString::fromLatin1(code);
        QByteArray recipientField = field(recipient, "Original-Recipient");
        if (recipientField.isEmpty())
            recipientField = field(recipient, "Final-Recipient");
        result->recipient = addressField(recipientField);
        const QByteArray diagnostic = field(recipient, "Diagnostic-Code");
        result->diagnostic = QString::fromUtf8(diagnostic.mid(diagnostic.indexOf(';') + 1)).simplified().left(300);
        return; // Herald sends one recipient per message: the first failed one is the one
    }
}

void readFeedbackReport(const MimePart& report, FeedbackReport* result)
{
    const MimePart* feedback = nullptr;
    for (const MimePart& part : report.parts()) {
        if (part.contentType() == "message/feedback-report")
            feedback = &part;
    }
    if (!feedback)
        return;
    const auto fields = MimePart::parseFields(feedback->body());
    const QString type = QString::fromLatin1(field(fields, "Feedback-Type").trimmed().toLower());
    if (type.isEmpty() || type == QLatin1String("not-spam"))
        return;
    result->kind = FeedbackReport::Kind::Complaint;
    result->statusCode = type;
    result->recipient = addressField(field(fields, "Original-Rcpt-To"));
    result->diagnostic = QString::fromUtf8(field(fields, "User-Agent")).simplified().left(120);
    if (result->recipient.isEmpty()) {
        if (const MimePart* original = enclosedOriginal(report))
            result->recipient = mailboxAddress(original->header("To"));
    }
}

void readUnsubscribe(const MimePart& message, FeedbackReport* result)
{
    static const QRegularExpression word(QStringLiteral("\\bunsubscribe\\b"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression token(QStringLiteral("([A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{16,})"));
    const QString subject = QString::fromUtf8(message.header("Subject"));
    const MimePart* text = message.find("text/plain");
    const QString body = text ? QString::fromUtf8(text->body()) : QString();
    const QString firstLine = body.trimmed().section(QLatin1Char('\n'), 0, 0);
    if (!word.match(subject).hasMatch() && !word.match(firstLine).hasMatch())
        return;
    result->kind = FeedbackReport::Kind::Unsubscribe;
    result->recipient = mailboxAddress(message.header("From"));
    // Who replied to what: In-Reply-To names the campaign message when the mailto came from a reply.
    result->originalMessageId = messageIdOf(message.header("In-Reply-To"));
    const auto found = token.match(subject + QLatin1Char(' ') + firstLine);
    if (found.hasMatch())
        result->unsubscribeToken = found.captured(1);
}
} // namespace

QString FeedbackReport::kindName(Kind kind)
{
    switch (kind) {
    case Kind::HardBounce:
        return QStringLiteral("hard_bounce");
    case Kind::SoftBounce:
        return QStringLiteral("soft_bounce");
    case Kind::Complaint:
        return QStringLiteral("complaint");
    case Kind::Unsubscribe:
        return QStringLiteral("unsubscribe");
    case Kind::Unrecognised:
        break;
    }
    return QStringLiteral("unrecognised");
}

FeedbackReport FeedbackReport::read(const QByteArray& raw)
{
    const MimePart message = MimePart::parse(raw);
    FeedbackReport result;
    result.reportId = messageIdOf(message.header("Message-ID"));

    const MimePart* report = message.find("multipart/report");
    const QByteArray reportType = report ? report->contentTypeParameter("report-type").toLower() : QByteArray();
    if (report && reportType == "delivery-status")
        readDeliveryStatus(*report, &result);
    else if (report && reportType == "feedback-report")
        readFeedbackReport(*report, &result);
    else if (!report)
        readUnsubscribe(message, &result);

    if (report && result.kind != Kind::Unrecognised) {
        if (const MimePart* original = enclosedOriginal(*report))
            result.originalMessageId = messageIdOf(original->header("Message-ID"));
    }
    return result;
}

} // namespace herald
