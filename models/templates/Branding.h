#pragma once

#include "domain/Error.h"

#include <QCoreApplication>
#include <QString>

namespace herald {

// How the organisation's messages look, shared by the team (kept in app_settings by BrandingRepository): one
// colour for headings and buttons, an optional logo and the organisation's name. The starter designs
// (StarterDesigns) are built with it.
struct Branding
{
    Q_DECLARE_TR_FUNCTIONS(herald::Branding)
public:
    static inline const QString DefaultColour = QStringLiteral("#1a5fb4");
    static constexpr int MaximumLogoWidth = 200;

    QString colour = DefaultColour; // "#rrggbb", lower case
    QString logoSrc;                // an image: "media:NAME" from the media library or an http(s) URL; empty: none
    QString organisationName;       // empty: the campaign's From name ({{from_name}}) stands in

    // The first field that cannot be used, with a sentence naming it (field "colour", "logo" or "organisation"); the values
    // trimmed and the colour in lower case when all can.
    static Result<Branding> checked(const Branding& given);

    // The name that stands for the organisation in the copy: the name, else the {{from_name}} placeholder.
    QString organisationOrSender() const;
};

} // namespace herald
