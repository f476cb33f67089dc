#include "EmailHtmlWriter.h"

#include "TextDocumentReader.h"

namespace herald {

namespace {
const QString fontFamily = QStringLiteral("font-family:Arial,Helvetica,sans-serif");
const QString textColour = QStringLiteral("color:#222222");
const QString pageColour = QStringLiteral("#f4f4f4");

QString textStyle(int sizePx, int lineHeightPx)
{
    return QStringLiteral("%1;font-size:%2px;line-height:%3px;%4").arg(fontFamily).arg(sizePx).arg(lineHeightPx).arg(textColour);
}

HtmlStyleSheet makeStyles()
{
    HtmlStyleSheet styles;
    styles.paragraph = QStringLiteral("margin:0 0 16px 0;") + textStyle(16, 24);
    const int sizes[6] = {28, 22, 18, 16, 16, 16};
    for (int level = 0; level < 6; ++level)
        styles.headings[level] = QStringLiteral("margin:0 0 16px 0;font-weight:bold;") + textStyle(sizes[level], sizes[level] + 8);
    styles.list = QStringLiteral("margin:0 0 16px 0;padding:0 0 0 24px;") + textStyle(16, 24);
    styles.listItem = QStringLiteral("margin:0 0 8px 0;") + textStyle(16, 24);
    styles.link = QStringLiteral("color:#1a5fb4;text-decoration:underline");
    styles.button = QStringLiteral("display:inline-block;padding:12px 24px;border-radius:4px;font-weight:bold;"
                                   "text-decoration:none;")
        + fontFamily + QStringLiteral(";font-size:16px;line-height:24px");
    styles.image = QStringLiteral("display:inline-block;max-width:100%;height:auto;border:0;outline:none;text-decoration:none");
    styles.rule = QStringLiteral("border:0;border-top:1px solid #dddddd;height:0;margin:24px 0");
    return styles;
}
} // namespace

const HtmlStyleSheet& EmailHtmlWriter::styles()
{
    static const HtmlStyleSheet sheet = makeStyles();
    return sheet;
}

QString EmailHtmlWriter::outlookOpening()
{
    return QStringLiteral("<!--[if mso]><table role=\"presentation\" width=\"%1\" cellpadding=\"0\" cellspacing=\"0\" "
                          "border=\"0\"><tr><td><![endif]-->")
        .arg(LayoutWidth);
}

QString EmailHtmlWriter::bodyStyle()
{
    return QStringLiteral("margin:0;padding:0;background-color:") + pageColour;
}

QString EmailHtmlWriter::outlookClosing()
{
    return QStringLiteral("<!--[if mso]></td></tr></table><![endif]-->");
}

QString EmailHtmlWriter::write(const QTextDocument& document)
{
    return write(TextDocumentReader::read(document));
}

QString EmailHtmlWriter::write(const RichText& content)
{
    const QString table = QStringLiteral("<table role=\"presentation\" %1=\"%2\" width=\"100%\" cellpadding=\"0\" "
                                         "cellspacing=\"0\" border=\"0\" style=\"%3\">\n");
    QString html = QStringLiteral("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"
                                  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n</head>\n");
    html += QStringLiteral("<body style=\"%1\">\n").arg(bodyStyle());
    html += table.arg(layoutMarker(), QStringLiteral("layout"),
                      QStringLiteral("width:100%;border-collapse:collapse;background-color:") + pageColour);
    html += QStringLiteral("<tr>\n<td align=\"center\" style=\"padding:24px 12px\">\n");
    html += outlookOpening() + QLatin1Char('\n');
    html += table.arg(layoutMarker(), QStringLiteral("column"),
                      QStringLiteral("width:100%;max-width:%1px;border-collapse:collapse;background-color:#ffffff").arg(LayoutWidth));
    html += QStringLiteral("<tr>\n<td style=\"padding:24px;%1;font-size:16px;line-height:24px;%2\">\n").arg(fontFamily, textColour);
    html += RichHtmlSerializer::toHtml(content, styles());
    html += QStringLiteral("</td>\n</tr>\n</table>\n");
    html += outlookClosing() + QLatin1Char('\n');
    html += QStringLiteral("</td>\n</tr>\n</table>\n</body>\n</html>\n");
    return html;
}

} // namespace herald
