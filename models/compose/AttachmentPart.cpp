#include "AttachmentPart.h"

#include <QRegularExpression>

#include <algorithm>

namespace herald {

namespace {
constexpr int Base64Line = 76;       // RFC 2045
constexpr int MaxQuotedValue = 60;   // longer plain names go the RFC 2231 way too, to keep lines under 78
constexpr int MaxContinuation = 50;  // encoded octets per RFC 2231 continuation: with "filename*0*=UTF-8''" under 78

// RFC 2231 attribute-char: what stands for itself in an extended value.
bool isAttributeChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
           || QByteArrayView("!#$&+-.^_`|~").contains(c);
}

bool fitsQuoted(const QString& value)
{
    if (value.size() > MaxQuotedValue)
        return false;
    for (const QChar c : value) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7e || c == QLatin1Char('"') || c == QLatin1Char('\\'))
            return false;
    }
    return true;
}

// The UTF-8 of `value` percent-encoded, cut into pieces of at most MaxContinuation octets between escapes.
QList<QByteArray> extendedPieces(const QString& value)
{
    QList<QByteArray> pieces{QByteArray()};
    for (const char c : value.toUtf8()) {
        const QByteArray encoded = isAttributeChar(c) ? QByteArray(1, c)
                                                      : '%' + QByteArray::number(uchar(c), 16).rightJustified(2, '0').toUpper();
        if (pieces.last().size() + encoded.size() > MaxContinuation)
            pieces.append(QByteArray());
        pieces.last() += encoded;
    }
    return pieces;
}
} // namespace

QByteArray AttachmentPart::parameter(const char* name, const QString& value)
{
    if (fitsQuoted(value))
        return QByteArray(name) + "=\"" + value.toLatin1() + '"';
    const QList<QByteArray> pieces = extendedPieces(value);
    if (pieces.size() == 1)
        return QByteArray(name) + "*=UTF-8''" + pieces.first();
    QByteArrayList parts;
    for (int i = 0; i < pieces.size(); ++i)
        parts << QByteArray(name) + '*' + QByteArray::number(i) + "*=" + (i == 0 ? "UTF-8''" : "") + pieces.at(i);
    return parts.join(";\r\n ");
}

bool AttachmentPart::isContentType(const QString& text)
{
    static const QRegularExpression type(QStringLiteral("^[A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+$"));
    return type.match(text).hasMatch();
}

qint64 AttachmentPart::encodedSize(qint64 size)
{
    const qint64 base64 = (size + 2) / 3 * 4;
    return base64 + (base64 + Base64Line - 1) / Base64Line * 2;
}

QByteArray AttachmentPart::encode(const Attachment& attachment)
{
    return encodeFile(attachment.fileName, attachment.contentType, attachment.bytes, {});
}

QByteArray AttachmentPart::encode(const InlineImage& image)
{
    return encodeFile(image.fileName, image.contentType, image.bytes, image.contentId);
}

QByteArray AttachmentPart::encodeFile(const QString& fileName, const QString& type, const QByteArray& bytes,
                                      const QString& contentId)
{
    const QByteArray contentType = isContentType(type) ? type.toLatin1() : QByteArrayLiteral("application/octet-stream");
    QByteArray out;
    out.reserve(encodedSize(bytes.size()) + 512);
    out += "Content-Type: " + contentType + ";\r\n " + parameter("name", fileName) + "\r\n";
    out += "Content-Transfer-Encoding: base64\r\n";
    if (contentId.isEmpty()) {
        out += "Content-Disposition: attachment;\r\n " + parameter("filename", fileName) + "\r\n\r\n";
    } else {
        out += "Content-ID: <" + contentId.toLatin1() + ">\r\n";
        out += "Content-Disposition: inline;\r\n " + parameter("filename", fileName) + "\r\n\r\n";
    }
    const QByteArray base64 = bytes.toBase64();
    for (qsizetype at = 0; at < base64.size(); at += Base64Line) {
        out += QByteArrayView(base64).sliced(at, std::min<qsizetype>(Base64Line, base64.size() - at));
        out += "\r\n";
    }
    return out;
}

} // namespace herald
