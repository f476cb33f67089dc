#pragma once

#include <QString>
#include <QStringList>

class QCoreApplication;

namespace herald {

// Loads Herald's translations for the chosen language (Config::Language, empty: the system's).
// English always gets its plural forms ("1 nonprofit", "2 nonprofits"), since the source strings use %n.
class Translations
{
public:
    static void install(QCoreApplication& app, const QString& language);
    // The languages Herald is translated into besides English ("es", "fr", …), from the embedded .qm files.
    static QStringList available();
};

} // namespace herald
