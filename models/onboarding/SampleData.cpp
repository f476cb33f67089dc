#include "SampleData.h"

#include "domain/Campaign.h"
#include "domain/Segment.h"
#include "domain/SenderIdentity.h"
#include "domain/Template.h"
#include "importexport/NonprofitImporter.h"
#include "storage/BoundQuery.h"
#include "storage/CampaignRepository.h"
#include "storage/NonprofitRepository.h"
#include "storage/SegmentRepository.h"
#include "storage/SenderIdentityRepository.h"
#include "storage/TemplateRepository.h"
#include "storage/Transaction.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace herald {

namespace {
const QString NonprofitKind = QStringLiteral("nonprofit");
const QString TemplateKind = QStringLiteral("template");
const QString SegmentKind = QStringLiteral("segment");
const QString IdentityKind = QStringLiteral("sender_identity");
const QString CampaignKind = QStringLiteral("campaign");
} // namespace

QString SampleData::sourceFile() { return QStringLiteral(":/sample/eo_vt.csv"); }

QString SampleData::Removed::summary() const
{
    QString text = tr("Removed the sample data: %n nonprofit(s)", nullptr, int(nonprofits));
    text += tr(", %n template(s)", nullptr, int(templates));
    text += tr(", %n segment(s)", nullptr, int(segments));
    text += tr(", %n sender identit(y/ies)", nullptr, int(identities));
    text += tr(" and %n campaign(s).", nullptr, int(campaigns));
    for (const QString& reason : kept)
        text += QLatin1Char(' ') + reason;
    return text;
}

Result<bool> SampleData::isLoaded()
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery query(db.value(), QStringLiteral("SELECT EXISTS (SELECT 1 FROM sample_rows)"));
    if (auto done = query.execSingle(tr("Could not look for sample data"), QString()); !done)
        return done.error();
    return query.value(0).toBool();
}

Result<bool> SampleData::databaseIsEmpty()
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery query(db.value(), QStringLiteral("SELECT NOT EXISTS (SELECT 1 FROM nonprofits) AND NOT EXISTS (SELECT 1 FROM templates)"
                                                " AND NOT EXISTS (SELECT 1 FROM campaigns)"));
    if (auto done = query.execSingle(tr("Could not look at the database"), QString()); !done)
        return done.error();
    return query.value(0).toBool();
}

Status SampleData::remember(const QSqlDatabase& db, const QString& kind, qint64 id)
{
    BoundQuery query(db, QStringLiteral("INSERT INTO sample_rows (kind, row_id) VALUES (:kind, :id)"));
    query.bind(QStringLiteral(":kind"), kind).bind(QStringLiteral(":id"), id);
    return query.exec(tr("Could not note a sample row"));
}

Result<SampleData::Loaded> SampleData::load(const JobControl& control)
{
    auto already = isLoaded();
    if (!already)
        return already.error();
    if (already.value())
        return Error::make(Error::Kind::Validation,
                           tr("The sample data is already loaded. Remove it first (Help → Remove Sample Data)."));
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery last(db.value(), QStringLiteral("SELECT COALESCE(max(id), 0) FROM nonprofits"));
    if (auto done = last.execSingle(tr("Could not look at the nonprofits"), QString()); !done)
        return done.error();
    const qint64 lastIdBefore = last.value(0).toLongLong();
    last.finish();

    NonprofitImportOptions options;
    options.emailDomainForEin = QStringLiteral("example.org"); // reserved for examples (RFC 2606): never a real mailbox
    options.batchSize = 250; // a few steps of progress, and Cancel takes effect between them
    const ImportReport report = NonprofitImporter(m_database).run(sourceFile(), options, control);

    // Whatever the import got through is sample data, to be removed with the rest.
    BoundQuery mark(db.value(), QStringLiteral("INSERT INTO sample_rows (kind, row_id) SELECT 'nonprofit', id FROM nonprofits"
                                               " WHERE id > :last AND email LIKE '%@example.org'"));
    mark.bind(QStringLiteral(":last"), lastIdBefore);
    if (auto done = mark.exec(tr("Could not note the sample nonprofits")); !done)
        return done.error();
    BoundQuery marked(db.value(), QStringLiteral("SELECT row_id FROM sample_rows WHERE kind = 'nonprofit'"));
    if (auto done = marked.exec(tr("Could not read the sample nonprofits")); !done)
        return done.error();
    QList<qint64> ids;
    while (marked.next())
        ids << marked.value(0).toLongLong();
    marked.finish();
    if (auto tagged = NonprofitRepository(m_database).addTags(ids, {QString::fromLatin1(Tag)}); !tagged)
        return tagged.error();
    if (report.cancelled)
        return Error::make(Error::Kind::Cancelled, tr("Loading the sample data was cancelled after %n nonprofit(s); "
                                                      "Help → Remove Sample Data takes them away.", nullptr, int(ids.size())));
    if (report.failure)
        return *report.failure;
    Loaded loaded;
    loaded.nonprofits = ids.size();
    return makeTheRest(loaded);
}

Result<SampleData::Loaded> SampleData::makeTheRest(Loaded loaded)
{
    Template starter;
    starter.name = tr("Sample: Newsletter");
    starter.subject = tr("News for {{name}}");
    starter.htmlBody = tr("<h1>Hello, {{name}}</h1>\n"
                          "<p>This is a sample newsletter to the nonprofits of {{city}}. Change it on the Templates page: "
                          "a field in double braces, like the name above, is <b>filled in</b> for each recipient.</p>\n"
                          "<p>With best wishes,<br>{{from_name}}</p>\n"
                          "<hr>\n"
                          "<p style=\"font-size:12px;color:#666\">{{postal_address}}<br>"
                          "<a href=\"{{unsubscribe_url}}\">Unsubscribe</a></p>\n");
    starter.textBody = tr("Hello, {{name}}\n\n"
                          "This is a sample newsletter to the nonprofits of {{city}}. Change it on the Templates page: "
                          "a field in double braces, like the name above, is filled in for each recipient.\n\n"
                          "With best wishes,\n{{from_name}}\n\n--\n{{postal_address}}\nUnsubscribe: {{unsubscribe_url}}\n");
    if (auto done = TemplateRepository(m_database).insert(starter); !done)
        return done.error();
    loaded.templateId = starter.id;

    Segment segment;
    segment.name = tr("Sample: Burlington area");
    segment.definition.anyOfTags = {QString::fromLatin1(Tag)};
    segment.definition.searchText = QStringLiteral("BURLINGTON");
    if (auto done = SegmentRepository(m_database).insert(segment); !done)
        return done.error();
    loaded.segmentId = segment.id;

    SenderIdentity identity;
    identity.name = tr("Sample sender");
    identity.fromName = tr("Sample Nonprofit Network");
    identity.fromEmail = QStringLiteral("news@example.org");
    identity.postalAddress = tr("SAMPLE ADDRESS, 123 Example Street, Anytown (replace before a real send)");
    identity.unsubscribeBaseUrl = QStringLiteral("https://example.org/unsubscribe");
    if (auto done = SenderIdentityRepository(m_database).insert(identity); !done)
        return done.error();
    loaded.identityId = identity.id;

    Campaign campaign;
    campaign.name = tr("Sample campaign");
    campaign.templateId = starter.id;
    campaign.senderIdentityId = identity.id;
    campaign.segmentId = segment.id;
    campaign.audience = Campaign::audienceFor(segment.id);
    if (auto done = CampaignRepository(m_database).insert(campaign); !done)
        return done.error();
    loaded.campaignId = campaign.id;

    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    const std::pair<QString, qint64> made[] = {{TemplateKind, starter.id}, {SegmentKind, segment.id},
                                               {IdentityKind, identity.id}, {CampaignKind, campaign.id}};
    for (const auto& [kind, id] : made) {
        if (auto done = remember(db.value(), kind, id); !done)
            return done.error();
    }
    return loaded;
}

Result<SampleData::Removed> SampleData::remove()
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    Transaction transaction(db.value());
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    Removed removed;
    const auto run = [&](const QString& sql, qint64* count, const QString& kind = {}) -> Status {
        BoundQuery query(db.value(), sql);
        if (!kind.isEmpty())
            query.bind(QStringLiteral(":kind"), kind);
        if (auto done = query.exec(tr("Could not remove the sample data")); !done)
            return done;
        if (count)
            *count = query.numRowsAffected();
        return {};
    };
    // Drafts made from the sample template go with it; a campaign that was queued keeps it (and its history).
    const QString sampleTemplates = QStringLiteral("(SELECT row_id FROM sample_rows WHERE kind = 'template')");
    if (auto done = run(QStringLiteral("DELETE FROM campaigns WHERE status = 'draft' AND (id IN (SELECT row_id FROM sample_rows"
                                       " WHERE kind = 'campaign') OR template_id IN %1)").arg(sampleTemplates),
                        &removed.campaigns); !done)
        return done.error();
    BoundQuery used(db.value(), QStringLiteral("SELECT t.name, c.name FROM templates t JOIN campaigns c ON c.template_id = t.id"
                                               " WHERE t.id IN %1 ORDER BY c.id").arg(sampleTemplates));
    if (auto done = used.exec(tr("Could not remove the sample data")); !done)
        return done.error();
    while (used.next())
        removed.kept << tr("Template '%1' stays: campaign '%2' was sent with it.").arg(used.value(0).toString(), used.value(1).toString());
    used.finish();
    const struct
    {
        const char* table;
        QString kind;
        qint64* count;
        const char* extra;
    } tables[] = {
        {"templates", TemplateKind, &removed.templates, " AND NOT EXISTS (SELECT 1 FROM campaigns c WHERE c.template_id = templates.id)"},
        {"segments", SegmentKind, &removed.segments, ""},
        {"sender_identities", IdentityKind, &removed.identities, ""},
        {"nonprofits", NonprofitKind, &removed.nonprofits, ""},
    };
    for (const auto& entry : tables) {
        if (auto done = run(QStringLiteral("DELETE FROM %1 WHERE id IN (SELECT row_id FROM sample_rows WHERE kind = :kind)%2")
                                .arg(QLatin1String(entry.table), QLatin1String(entry.extra)),
                            entry.count, entry.kind);
            !done)
            return done.error();
    }
    if (auto done = run(QStringLiteral("DELETE FROM sample_rows"), nullptr); !done)
        return done.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return removed;
}

} // namespace herald
