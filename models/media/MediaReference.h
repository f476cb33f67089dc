#pragma once

#include "MediaItem.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace herald {

// How a template names an image of the media library: src="media:NAME" (issue 17). A scheme of its own, so that
// the template's HTML says which library image it means and the message decides how it travels (an inline part
// or a link to `herald serve`, CampaignMessageComposer).
class MediaReference
{
public:
    static QString scheme() { return QStringLiteral("media"); }
    // "media:NAME", with the characters that cannot stand in an attribute or a URL percent-encoded.
    static QString sourceFor(const QString& name);
    // The library name `src` refers to; empty when it is not a media: source.
    static QString nameOf(const QString& src);
    // The library names the <img src> of `html` refer to, each once, in order of first use.
    static QStringList namesIn(const QString& html);
    // `html` with the media: sources whose name `replacements` holds replaced by its value (HTML-escaped); the
    // rest of the text as it was.
    static QString replaceSources(const QString& html, const QHash<QString, QString>& replacements);
    // Where `herald serve` at `publicBaseUrl` serves the image: /m/<sha256>/<name>. The SHA-256 makes the URL
    // change with the bytes, so caches may keep it for ever; the name is for people and for "save image as".
    static QString publicUrl(const QString& publicBaseUrl, const MediaItem& item);
    static QString publicPathPrefix() { return QStringLiteral("/m/"); }
};

} // namespace herald
