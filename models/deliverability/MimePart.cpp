#include "MimePart.h"

namespace herald {

namespace {
constexpr int MaxDepth = 6;
constexpr int MaxParts = 64;

QByteArray withLineFeeds(const QByteArray& raw)
{
    QByteArray text = raw;
    text.replace("\r\n", "\n");
    return text;
}

QByteArray quotedPrintableDecoded(const QByteArray& body)
{
    QByteArray out;
    out.reserve(body.size());
    for (qsizetype i = 0; i < body.size(); ++i) {
        const char c = body.at(i);
        if (c != '=') {
            out += c;
            continue;
        }
        if (i + 1 < body.size() && body.at(i + 1) == '\n') { // soft line break
            ++i;
            continue;
        }
        bool ok = false;
        const int value = body.mid(i + 1, 2).toInt(&ok, 16);
        if (ok && i + 2 < body.size()) {
            out += char(value);
            i += 2;
        } else {
            out += c;
        }
    }
    return out;
}
} // namespace

QList<QPair<QByteArray, QByteArray>> MimePart::parseFields(const QByteArray& block)
{
    QList<QPair<QByteArray, QByteArray>> fields;
    for (const QByteArray& line : withLineFeeds(block).split('\n')) {
        if (line.trimmed().isEmpty())
            break;
        if ((line.startsWith(' ') || line.startsWith('\t')) && !fields.isEmpty()) {
            fields.last().second += ' ' + line.trimmed();
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue; // not a field (an mbox "From " line, garbage): skipped
        fields.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }
    return fields;
}

QList<QPair<QByteArray, QByteArray>> MimePart::parameters(const QByteArray& value)
{
    QList<QByteArray> pieces;
    QByteArray current;
    bool quoted = false;
    for (qsizetype i = 0; i < value.size(); ++i) {
        const char c = value.at(i);
        if (c == '"') {
            quoted = !quoted;
            current += c;
        } else if (c == '\\' && quoted && i + 1 < value.size()) {
            current += value.at(++i);
        } else if (c == ';' && !quoted) {
            pieces << current;
            current.clear();
        } else {
            current += c;
        }
    }
    pieces << current;
    QList<QPair<QByteArray, QByteArray>> result;
    for (qsizetype i = 1; i < pieces.size(); ++i) {
        const qsizetype equals = pieces.at(i).indexOf('=');
        if (equals <= 0)
            continue;
        QByteArray parameterValue = pieces.at(i).mid(equals + 1).trimmed();
        if (parameterValue.size() >= 2 && parameterValue.startsWith('"') && parameterValue.endsWith('"'))
            parameterValue = parameterValue.mid(1, parameterValue.size() - 2);
        result.append({pieces.at(i).left(equals).trimmed().toLower(), parameterValue});
    }
    return result;
}

MimePart MimePart::parse(const QByteArray& raw) { return parse(withLineFeeds(raw), 0); }

MimePart MimePart::parse(const QByteArray& text, int depth)
{
    MimePart part;
    qsizetype bodyStart = text.indexOf("\n\n");
    if (text.startsWith('\n'))
        bodyStart = 0;
    part.m_headers = parseFields(bodyStart < 0 ? text : text.left(bodyStart));
    const QByteArray body = bodyStart < 0 ? QByteArray() : text.mid(bodyStart + (bodyStart == 0 ? 1 : 2));

    const QByteArray encoding = part.header("Content-Transfer-Encoding").toLower();
    if (encoding == "base64")
        part.m_body = QByteArray::fromBase64(body);
    else if (encoding == "quoted-printable")
        part.m_body = quotedPrintableDecoded(body);
    else
        part.m_body = body;
    if (depth >= MaxDepth)
        return part;

    const QByteArray type = part.contentType();
    const QByteArray boundary = part.contentTypeParameter("boundary");
    if (type.startsWith("multipart/") && !boundary.isEmpty()) {
        // Parts lie between "--boundary" lines; "--boundary--" closes the last one.
        const QByteArray delimiter = "--" + boundary;
        const QList<QByteArray> lines = part.m_body.split('\n');
        QByteArray current;
        bool inside = false;
        for (const QByteArray& line : lines) {
            const QByteArray trimmed = line.trimmed();
            if (trimmed == delimiter || trimmed == delimiter + "--") {
                if (inside && part.m_parts.size() < MaxParts) {
                    current.chop(1); // the line break before a delimiter belongs to it
                    part.m_parts.append(parse(current, depth + 1));
                }
                current.clear();
                inside = trimmed == delimiter;
                if (!inside)
                    break;
                continue;
            }
            if (inside)
                current += line + '\n';
        }
        if (inside && !current.isEmpty() && part.m_parts.size() < MaxParts)
            part.m_parts.append(parse(current, depth + 1)); // a truncated message: its last part as far as it goes
    } else if (part.isEnclosingType()) {
        part.m_parts.append(parse(part.m_body, depth + 1));
    }
    return part;
}

bool MimePart::isEnclosingType() const
{
    const QByteArray type = contentType();
    return type == "message/rfc822" || type == "text/rfc822-headers" || type == "message/rfc822-headers"
        || type == "message/global" || type == "message/global-headers";
}

QByteArray MimePart::header(const QByteArray& name) const
{
    for (const auto& [key, value] : m_headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QByteArray MimePart::mediaType(const QByteArray& contentTypeValue)
{
    const qsizetype semicolon = contentTypeValue.indexOf(';'); // QByteArray::left(-1) is empty, not everything
    return (semicolon < 0 ? contentTypeValue : contentTypeValue.left(semicolon)).trimmed().toLower();
}

QByteArray MimePart::contentType() const
{
    const QByteArray type = mediaType(header("Content-Type"));
    return type.isEmpty() ? QByteArrayLiteral("text/plain") : type;
}

QByteArray MimePart::contentTypeParameter(const QByteArray& name) const
{
    for (const auto& [key, value] : parameters(header("Content-Type"))) {
        if (key == name)
            return value;
    }
    return {};
}

const MimePart* MimePart::find(const QByteArray& type) const
{
    if (contentType() == type)
        return this;
    for (const MimePart& child : m_parts) {
        if (const MimePart* found = child.find(type))
            return found;
    }
    return nullptr;
}

} // namespace herald
