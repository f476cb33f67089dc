#pragma once

#include "ChoiceSection.h"
#include "domain/Campaign.h"
#include "domain/Error.h"

#include <QStringList>

namespace herald {

class Database;

// The campaign editor's "Images": how messages carry the media library images the template shows, embedded in
// every message or linked from `herald serve`, with the trade-off of the chosen way stated under it: how many KB
// the template's images add to every message, or that linked images need the public server (and that some email
// clients hold remote images back).
class ImagesSection : public ChoiceSection
{
    Q_OBJECT
public:
    ImagesSection(Database& database, QWidget* dialog);

    // The campaign's mode and the public address its images would load from: the installation's for a draft, the
    // one taken when it was queued otherwise (whose own HTML is then the one weighed). The error when the
    // installation's address could not be read.
    Status load(const Campaign& campaign);
    // The template chosen in the editor: its images are weighed (a queued campaign keeps its own HTML).
    void showTemplate(qint64 templateId);
    ImageMode imageMode() const;

private:
    // The images `html` shows, their weight in a message, and the names the library lacks.
    void weigh(const QString& html);
    void updateHint() override;

    Database& m_database;
    QString m_publicBaseUrl;
    bool m_queued = false;
    int m_imageCount = 0;
    qint64 m_encodedBytes = 0; // what the images add to each message, base64 included
    QStringList m_missing;
    QString m_readError;
};

} // namespace herald
