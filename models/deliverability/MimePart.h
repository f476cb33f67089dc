#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

namespace herald {

// A received message or one of its parts, parsed just enough to read reports: unfolded headers, the
// Content-Type's parameters, the body with its transfer encoding undone, and the sub-parts of a multipart
// body (message/rfc822 and text/rfc822-headers bodies are parsed as an enclosed message). Never fails: a
// broken part is read as far as it makes sense, and nesting stops at a fixed depth.
class MimePart
{
public:
    static MimePart parse(const QByteArray& raw);

    // The first header with this name (case-insensitive), unfolded and trimmed; empty if absent.
    QByteArray header(const QByteArray& name) const;
    const QList<QPair<QByteArray, QByteArray>>& headers() const { return m_headers; }
    // "multipart/report", lower case; "text/plain" when absent (RFC 2045).
    QByteArray contentType() const;
    // A Content-Type parameter ("boundary", "report-type"), unquoted; empty if absent.
    QByteArray contentTypeParameter(const QByteArray& name) const;
    const QByteArray& body() const { return m_body; }
    const QList<MimePart>& parts() const { return m_parts; }
    // The message a message/rfc822 or text/rfc822-headers part encloses, if this is one.
    const MimePart* enclosed() const { return m_parts.isEmpty() || !isEnclosingType() ? nullptr : &m_parts.first(); }
    // The first part (this one or below) whose content type is `type`.
    const MimePart* find(const QByteArray& type) const;

    // Header fields in RFC 822 syntax: "Name: value" lines, continuation lines folded in; blank lines end it.
    static QList<QPair<QByteArray, QByteArray>> parseFields(const QByteArray& block);
    // The media type of a Content-Type value, lower case, without parameters ("" when empty).
    static QByteArray mediaType(const QByteArray& contentTypeValue);
    // Parameters of a structured header value ("type/sub; a=1; b=\"x;y\""), names in lower case.
    static QList<QPair<QByteArray, QByteArray>> parameters(const QByteArray& value);

private:
    static MimePart parse(const QByteArray& raw, int depth);
    bool isEnclosingType() const;

    QList<QPair<QByteArray, QByteArray>> m_headers;
    QByteArray m_body;
    QList<MimePart> m_parts;
};

} // namespace herald
