#pragma once

#include <QString>

namespace herald {

// Which addresses a message may use: one rule, shared by everything that accepts a link or an image (the link,
// button and image dialogs, the branding logo, the paste cleaner), each of which words its own refusal.
//   Link:  http(s) with a host, mailto: with an address, or a {{placeholder}} (e.g. {{unsubscribe_url}})
//   Image: http(s) with a host, media:NAME (the media library), cid: (an inline part), data:image/…, or a placeholder
//   Logo:  http(s) with a host or media:NAME (a setting, so no placeholder and no inline part)
// An address never holds white space, quotes or angle brackets outside its placeholders.
class MessageUrls
{
public:
    enum class Use { Link, Image, Logo };

    static bool isAllowed(const QString& url, Use use);
    // Whether `url` starts with a {{placeholder}}, whose value is known only per recipient.
    static bool startsWithPlaceholder(const QString& url);
};

} // namespace herald
