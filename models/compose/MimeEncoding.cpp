#include "MimeEncoding.h"

#include <QUrl>

#include <algorithm>
#include <cstring>

namespace herald {

namespace {
constexpr int MaxLine = 76;        // quoted-printable line limit (RFC 2045)

// What each octet needs in quoted-printable: it stands for itself (Literal), or does unless it ends its line
// (Blank: space and tab), or is written "=XX" (or is a line break).
struct QuotedPrintableClasses
{
    enum : unsigned char { Encoded, Literal, Blank };
    unsigned char of[256] = {};
    constexpr QuotedPrintableClasses()
    {
        for (int c = 33; c <= 126; ++c)
            of[c] = Literal;
        of[int('=')] = Encoded;
        of[int(' ')] = Blank;
        of[int('\t')] = Blank;
    }
};
constexpr QuotedPrintableClasses quotedPrintableClasses;
constexpr int MaxEncodedWord = 75; // RFC 2047
const QByteArray WordPrefix = QByteArrayLiteral("=?UTF-8?B?");
const QByteArray WordSuffix = QByteArrayLiteral("?=");

bool isPlainAscii(const QString& text)
{
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7e)
            return false;
    }
    return !text.contains(QLatin1String("=?"));
}

// Splits UTF-8 into encoded words of at most 75 octets without cutting a character in two; the first
// word also fits after `used` octets of header name on its line.
QList<QByteArray> encodedWords(const QString& text, int used = 0)
{
    auto rawBytesFor = [](int wordLength) { return int(wordLength - WordPrefix.size() - WordSuffix.size()) / 4 * 3; };
    int maxRaw = rawBytesFor(std::min(MaxEncodedWord, std::max(78 - used, 24)));
    QList<QByteArray> words;
    QByteArray chunk;
    for (qsizetype i = 0; i < text.size(); ++i) {
        QString character(text.at(i));
        if (text.at(i).isHighSurrogate() && i + 1 < text.size())
            character += text.at(++i);
        const QByteArray bytes = character.toUtf8();
        if (chunk.size() + bytes.size() > maxRaw && !chunk.isEmpty()) {
            words << WordPrefix + chunk.toBase64() + WordSuffix;
            chunk.clear();
            maxRaw = rawBytesFor(MaxEncodedWord);
        }
        chunk += bytes;
    }
    if (!chunk.isEmpty())
        words << WordPrefix + chunk.toBase64() + WordSuffix;
    return words;
}

// Folds ASCII header text at spaces so that lines stay within 78 octets where possible.
QByteArray foldAscii(const QByteArray& text, int used)
{
    QByteArray folded;
    int lineLength = used;
    const QList<QByteArray> words = text.split(' ');
    for (int i = 0; i < words.size(); ++i) {
        const QByteArray& word = words.at(i);
        if (i > 0) {
            if (lineLength + 1 + word.size() > 78) {
                folded += "\r\n ";
                lineLength = 1;
            } else {
                folded += ' ';
                ++lineLength;
            }
        }
        folded += word;
        lineLength += int(word.size());
    }
    return folded;
}
} // namespace

QByteArray MimeEncoding::encodeHeaderText(const QString& text, int used)
{
    if (isPlainAscii(text))
        return foldAscii(text.toLatin1(), used);
    QByteArray result;
    int lineLength = used;
    for (const QByteArray& word : encodedWords(text, used)) {
        if (!result.isEmpty()) {
            // Whitespace between adjacent encoded words is dropped by decoders (RFC 2047 §6.2).
            result += "\r\n ";
            lineLength = 1;
        }
        result += word;
        lineLength += int(word.size());
    }
    return result;
}

QByteArray MimeEncoding::encodeDisplayName(const QString& name)
{
    if (!isPlainAscii(name))
        return encodedWords(name).join("\r\n ");
    static const QString specials = QStringLiteral("()<>[]:;@\\,.\"");
    bool needsQuotes = false;
    for (const QChar c : name)
        needsQuotes = needsQuotes || specials.contains(c);
    if (!needsQuotes)
        return name.toLatin1();
    QByteArray quoted = name.toLatin1();
    quoted.replace('\\', "\\\\").replace('"', "\\\"");
    return '"' + quoted + '"';
}

QByteArray MimeEncoding::asciiAddress(const QString& address)
{
    const qsizetype at = address.lastIndexOf(QLatin1Char('@'));
    const QString local = address.left(at);
    if (!isPlainAscii(local))
        return {};
    const QByteArray domain = QUrl::toAce(address.mid(at + 1));
    if (domain.isEmpty())
        return {};
    return local.toLatin1() + '@' + domain;
}

QByteArray MimeEncoding::formatAddress(const QString& name, const QString& address)
{
    const QByteArray ascii = asciiAddress(address);
    if (ascii.isEmpty())
        return {};
    if (name.trimmed().isEmpty())
        return ascii;
    return encodeDisplayName(name.trimmed()) + " <" + ascii + '>';
}

QByteArray MimeEncoding::quotedPrintable(const QString& text)
{
    static const char hex[] = "0123456789ABCDEF";
    // One pass over the UTF-8 into a buffer sized for the worst case (every octet "=XX", a soft break per
    // 24 of them), copying runs of octets that stand for themselves at once: this runs for every body of
    // every message.
    const QByteArray utf8 = text.toUtf8();
    const char* in = utf8.constData();
    const qsizetype size = utf8.size();
    QByteArray out(size * 4 + 16, Qt::Uninitialized);
    char* o = out.data();
    // An octet stands for itself unless it is '=', a control or 8-bit octet, a space or tab ending its line
    // (stripped in transit) or a '.' starting one (which spares servers that mishandle dot-stuffing).
    const auto endsLine = [&](qsizetype i) { return i >= size || in[i] == '\n' || in[i] == '\r'; };
    const auto literal = [&](qsizetype i, bool lineStart) {
        const unsigned char kind = quotedPrintableClasses.of[uchar(in[i])];
        return kind == QuotedPrintableClasses::Literal ? !(in[i] == '.' && lineStart)
                                                       : kind == QuotedPrintableClasses::Blank && !endsLine(i + 1);
    };
    const auto softBreak = [&o] {
        *o++ = '=';
        *o++ = '\r';
        *o++ = '\n';
    };
    int column = 0;
    qsizetype i = 0;
    while (i < size) {
        if (literal(i, column == 0)) {
            if (column >= MaxLine - 1) { // leave room for the soft break's '='
                softBreak();
                column = 0;
                continue;
            }
            // A run up to the room left on the line (past its first octet, none starts a line).
            const qsizetype stop = std::min(size, i + (MaxLine - 1 - column));
            qsizetype j = i + 1;
            while (j < stop && literal(j, false))
                ++j;
            std::memcpy(o, in + i, size_t(j - i));
            o += j - i;
            column += int(j - i);
            i = j;
            continue;
        }
        const uchar c = uchar(in[i]);
        if (c == '\r' || c == '\n') { // CRLF, CR and LF all end a line
            *o++ = '\r';
            *o++ = '\n';
            column = 0;
            i += c == '\r' && i + 1 < size && in[i + 1] == '\n' ? 2 : 1;
            continue;
        }
        if (column + 3 > MaxLine - 1) {
            softBreak();
            column = 0;
        }
        *o++ = '=';
        *o++ = hex[c >> 4];
        *o++ = hex[c & 15];
        column += 3;
        ++i;
    }
    out.truncate(o - out.constData());
    return out;
}

QByteArray MimeEncoding::rfc5322Date(const QDateTime& time)
{
    static const char* const days[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static const char* const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const QDateTime utc = time.toUTC();
    const QDate date = utc.date();
    return QByteArray(days[date.dayOfWeek() - 1]) + ", " + QByteArray::number(date.day()) + ' '
        + months[date.month() - 1] + ' ' + QByteArray::number(date.year()) + ' '
        + utc.time().toString(QStringLiteral("HH:mm:ss")).toLatin1() + " +0000";
}

} // namespace herald
