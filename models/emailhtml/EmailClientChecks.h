#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace herald {

// Something in a template's HTML body that email clients break, and where it is.
struct EmailClientWarning
{
    qsizetype position = -1; // index in the HTML of the element at fault; -1 for the whole body
    QString message;         // names the image or URL at fault
};

// Finds, with a real HTML parser (gumbo), what email clients break: images without alt text (shown as
// nothing when images are off), images wider than the 600 px layout, relative URLs in src and href
// (a message has no page to be relative to), and a body over 102 KB, which Gmail clips.
class EmailClientChecks
{
    Q_DECLARE_TR_FUNCTIONS(herald::EmailClientChecks)
public:
    static constexpr qsizetype GmailClipBytes = 102 * 1024;

    static QList<EmailClientWarning> check(const QString& html);
    // Whether a URL has no scheme to stand on its own ("images/logo.png", "/donate", "//cdn.example.org/x");
    // a #fragment and a URL that starts with a {{placeholder}} are not relative.
    static bool isRelativeUrl(const QString& url);
};

} // namespace herald
