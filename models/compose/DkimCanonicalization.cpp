#include "DkimCanonicalization.h"

#include <QHash>

#include <cstring>

namespace herald {

namespace {
bool isWsp(char c) { return c == ' ' || c == '\t'; }

// [begin, end) of the line at `pos` without its CR LF or bare LF; `next` the start of the following line.
void lineAt(const QByteArray& text, qsizetype pos, qsizetype* end, qsizetype* next)
{
    const qsizetype newline = text.indexOf('\n', pos);
    *next = newline < 0 ? text.size() : newline + 1;
    *end = newline < 0 ? text.size() : newline;
    if (*end > pos && text.at(*end - 1) == '\r')
        --*end;
}

// Appends [begin, end) with every run of white space as one space and none at the end (the relaxed rules).
void appendCompressed(QByteArray& out, const char* begin, const char* end)
{
    bool space = false;
    for (const char* c = begin; c < end; ++c) {
        if (isWsp(*c) || *c == '\r' || *c == '\n') { // CR and LF only occur as folding inside a header field
            space = true;
            continue;
        }
        if (space)
            out += ' ';
        space = false;
        out += *c;
    }
}
} // namespace

QList<DkimCanonicalization::HeaderField> DkimCanonicalization::headerFields(const QByteArray& message, qsizetype* bodyStart)
{
    QList<HeaderField> fields;
    qsizetype pos = 0;
    while (pos < message.size()) {
        qsizetype end = 0;
        qsizetype next = 0;
        lineAt(message, pos, &end, &next);
        if (end == pos) { // the empty line that ends the header
            *bodyStart = next;
            return fields;
        }
        const QByteArray line = message.mid(pos, end - pos);
        if (isWsp(line.at(0)) && !fields.isEmpty()) {
            fields.last().field += "\r\n" + line;
        } else {
            const qsizetype colon = line.indexOf(':');
            fields.append({line.left(colon < 0 ? line.size() : colon), line});
        }
        pos = next;
    }
    *bodyStart = message.size();
    return fields;
}

QByteArray DkimCanonicalization::header(const QByteArray& field, Form form)
{
    if (form == Form::Simple)
        return field + "\r\n";
    const qsizetype colon = field.indexOf(':');
    QByteArray out;
    out.reserve(field.size() + 2);
    QByteArray name = field.left(colon < 0 ? field.size() : colon).toLower();
    while (!name.isEmpty() && isWsp(name.back()))
        name.chop(1);
    out += name;
    out += ':';
    if (colon >= 0) {
        const char* value = field.constData() + colon + 1;
        const char* end = field.constData() + field.size();
        while (value < end && (isWsp(*value) || *value == '\r' || *value == '\n'))
            ++value;
        appendCompressed(out, value, end);
    }
    out += "\r\n";
    return out;
}

QByteArray DkimCanonicalization::body(const QByteArray& message, qsizetype offset, Form form)
{
    // One pass writing into a buffer sized for the worst case (a CR added to every bare LF, a CRLF to the last line):
    // this runs for every message sent, over its whole body.
    const char* in = message.constData() + offset;
    const char* const end = message.constData() + message.size();
    QByteArray out(qMax<qsizetype>(0, message.size() - offset) + message.count('\n') + 2, Qt::Uninitialized);
    char* const begin = out.data();
    char* write = begin;
    char* kept = begin; // the end of the last line with content: empty lines after it are not part of the body
    while (in < end) {
        const char* newline = static_cast<const char*>(std::memchr(in, '\n', size_t(end - in)));
        const char* next = newline ? newline + 1 : end;
        const char* lineEnd = newline ? newline : end;
        if (lineEnd > in && lineEnd[-1] == '\r')
            --lineEnd;
        char* const lineStart = write;
        if (form == Form::Simple) {
            std::memcpy(write, in, size_t(lineEnd - in));
            write += lineEnd - in;
        } else {
            bool space = false; // every run of white space as one space, none at the end of the line
            for (const char* c = in; c < lineEnd; ++c) {
                if (isWsp(*c)) {
                    space = true;
                    continue;
                }
                if (space)
                    *write++ = ' ';
                space = false;
                *write++ = *c;
            }
        }
        const bool empty = write == lineStart;
        *write++ = '\r';
        *write++ = '\n';
        if (!empty)
            kept = write;
        in = next;
    }
    out.truncate(kept - begin);
    // "simple" turns an empty body into one CRLF (RFC 6376 3.4.3); "relaxed" leaves it empty.
    if (out.isEmpty() && form == Form::Simple)
        out = "\r\n";
    return out;
}

QByteArray DkimCanonicalization::selectedHeaders(const QList<HeaderField>& fields, const QList<QByteArray>& names, Form form)
{
    QHash<QByteArray, QList<int>> instances; // lower-case name -> indexes, top to bottom
    for (int i = 0; i < fields.size(); ++i)
        instances[fields.at(i).name.trimmed().toLower()].append(i);
    QByteArray out;
    for (const QByteArray& name : names) {
        auto found = instances.find(name.toLower());
        if (found == instances.end() || found->isEmpty())
            continue;
        out += header(fields.at(found->takeLast()).field, form);
    }
    return out;
}

} // namespace herald
