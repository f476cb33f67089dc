#pragma once

#include "domain/Error.h"
#include "importexport/JobControl.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QStringList>

namespace herald {

// The sample data a new user can try Herald with, and take away again in one step: about 1,200 real Vermont
// nonprofits from the IRS extract shipped with Herald (resources/data/irs-eo-bmf), each with an <EIN>@example.org
// address and the tag "sample"; a starter template; a segment; a sender identity with a plainly fake postal
// address; and a draft campaign that puts them together, ready for a test send. Every row it makes is listed in
// sample_rows, so that removing takes exactly those and nothing a person added.
class SampleData
{
    Q_DECLARE_TR_FUNCTIONS(herald::SampleData)
public:
    static constexpr const char* Tag = "sample";

    struct Loaded
    {
        qint64 nonprofits = 0;
        qint64 templateId = 0;
        qint64 segmentId = 0;
        qint64 identityId = 0;
        qint64 campaignId = 0;
    };
    struct Removed
    {
        qint64 nonprofits = 0;
        qint64 templates = 0;
        qint64 segments = 0;
        qint64 identities = 0;
        qint64 campaigns = 0;
        QStringList kept; // what could not go, and why (a campaign that was sent keeps its template)
        QString summary() const;
    };

    explicit SampleData(Database& database) : m_database(database) {}

    // The file the nonprofits come from (a Qt resource).
    static QString sourceFile();
    // Imports the nonprofits (progress and cancel through `control`) and makes the rest. Refused when sample data
    // is already there. A cancelled or failed import keeps what it committed, listed as sample: remove() takes it.
    Result<Loaded> load(const JobControl& control = {});
    // Whether any sample row is there.
    Result<bool> isLoaded();
    // Whether the database holds no nonprofit, template or campaign: the window then offers the sample.
    Result<bool> databaseIsEmpty();
    // Removes every sample row in one transaction. Draft campaigns made from the sample template go with it; a
    // campaign that was queued keeps the template (and its own history).
    Result<Removed> remove();

private:
    Result<Loaded> makeTheRest(Loaded loaded);
    Status remember(const QSqlDatabase& db, const QString& kind, qint64 id);

    Database& m_database;
};

} // namespace herald
