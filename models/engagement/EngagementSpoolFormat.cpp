#include "EngagementSpoolFormat.h"

#include "storage/PostgresCopy.h"

#include <QStringDecoder>

#include <array>
#include <charconv>
#include <limits>

namespace herald {

namespace {
constexpr int FieldCount = 10;
const QByteArray Null = QByteArrayLiteral("\\N");

void appendNumber(QByteArray& out, qint64 number)
{
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, number).ptr;
    out.append(digits, end - digits);
}

// The text columns are NOT NULL: an unset value is empty text.
void appendText(QByteArray& out, const QString& value)
{
    if (!value.isNull())
        PostgresCopy::appendText(out, value);
}

std::optional<qint64> number(QByteArrayView field, qint64 least, qint64 most)
{
    qint64 value = 0;
    const auto [end, error] = std::from_chars(field.data(), field.data() + field.size(), value);
    if (field.isEmpty() || error != std::errc() || end != field.data() + field.size() || value < least || value > most)
        return std::nullopt;
    return value;
}

bool validUtf8(QByteArrayView line)
{
    for (const char c : line)
        if (uchar(c) >= 0x80) {
            QStringDecoder decoder(QStringDecoder::Utf8);
            const QString decoded = decoder(line);
            return !decoder.hasError();
        }
    return true;
}

using Fields = std::array<QByteArrayView, FieldCount>;

// Splits a line at its tabs; false unless it has exactly FieldCount fields.
bool split(QByteArrayView line, Fields* fields)
{
    qsizetype start = 0;
    int count = 0;
    for (qsizetype i = 0; i <= line.size(); ++i) {
        if (i == line.size() || line.at(i) == '\t') {
            if (count == FieldCount)
                return false;
            (*fields)[count++] = line.sliced(start, i - start);
            start = i + 1;
        }
    }
    return count == FieldCount;
}

// Checks a line; fills `event` (when given) only if it is one.
bool read(QByteArrayView line, EngagementRecord* event)
{
    Fields fields;
    if (line.contains('\0') || line.contains('\r') || !validUtf8(line) || !split(line, &fields))
        return false;
    const auto campaign = number(fields[0], 1, std::numeric_limits<qint64>::max());
    const auto send = fields[1] == Null ? std::optional<qint64>(0) : number(fields[1], 1, std::numeric_limits<qint64>::max());
    const auto link = fields[2] == Null ? std::optional<qint64>(0) : number(fields[2], 0, std::numeric_limits<int>::max());
    const auto occurred = number(fields[4], std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max());
    const bool click = fields[3] == "click";
    if (!campaign || !send || !link || !occurred || (!click && fields[3] != "open") || click == (fields[2] == Null)
        || (fields[8] != "human" && fields[8] != "machine"))
        return false;
    for (const int text : {5, 6, 7, 9})
        if (fields[text] == Null)
            return false;
    if (!event)
        return true;
    event->campaignId = *campaign;
    event->sendId = *send;
    event->linkNo = int(*link);
    event->kind = click ? EngagementKind::Click : EngagementKind::Open;
    event->occurredAtMs = *occurred;
    event->method = PostgresCopy::readText(fields[5]);
    event->agentClass = PostgresCopy::readText(fields[6]);
    event->clientNet = PostgresCopy::readText(fields[7]);
    event->machine = fields[8] == "machine";
    event->reason = PostgresCopy::readText(fields[9]);
    return true;
}
} // namespace

const QStringList& EngagementSpoolFormat::columns()
{
    static const QStringList names = {QStringLiteral("campaign_id"), QStringLiteral("send_id"),     QStringLiteral("link_no"),
                                      QStringLiteral("kind"),        QStringLiteral("occurred_at"), QStringLiteral("method"),
                                      QStringLiteral("agent_class"), QStringLiteral("client_net"),  QStringLiteral("verdict"),
                                      QStringLiteral("reason")};
    return names;
}

void EngagementSpoolFormat::append(QByteArray& out, const EngagementRecord& event)
{
    appendNumber(out, event.campaignId);
    out.append('\t');
    if (event.sendId > 0)
        appendNumber(out, event.sendId);
    else
        out.append(Null);
    out.append('\t');
    if (event.kind == EngagementKind::Click)
        appendNumber(out, event.linkNo);
    else
        out.append(Null);
    out.append(event.kind == EngagementKind::Click ? "\tclick\t" : "\topen\t");
    appendNumber(out, event.occurredAtMs);
    out.append('\t');
    appendText(out, event.method);
    out.append('\t');
    appendText(out, event.agentClass);
    out.append('\t');
    appendText(out, event.clientNet);
    out.append(event.machine ? "\tmachine\t" : "\thuman\t");
    appendText(out, event.reason);
    out.append('\n');
}

std::optional<EngagementRecord> EngagementSpoolFormat::parse(QByteArrayView line)
{
    EngagementRecord event;
    if (!read(line, &event))
        return std::nullopt;
    return event;
}

EngagementSpoolFormat::Lines EngagementSpoolFormat::wellFormed(const QByteArray& segment)
{
    Lines lines;
    // Usually every line is good and `rows` shares the segment's bytes; after the first bad one, the good are copied.
    bool copying = false;
    qsizetype goodPrefix = 0;
    const auto skip = [&] {
        if (!copying)
            lines.rows = segment.left(goodPrefix);
        copying = true;
        ++lines.skipped;
    };
    for (qsizetype start = 0; start < segment.size();) {
        const qsizetype end = segment.indexOf('\n', start);
        if (end < 0) { // cut off before its newline
            skip();
            break;
        }
        if (read(QByteArrayView(segment.constData() + start, end - start), nullptr)) {
            ++lines.count;
            if (copying)
                lines.rows.append(segment.constData() + start, end - start + 1);
            else
                goodPrefix = end + 1;
        } else {
            skip();
        }
        start = end + 1;
    }
    if (!copying)
        lines.rows = segment;
    return lines;
}

} // namespace herald
