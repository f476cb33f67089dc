#include "BenchCampaign.h"

#include "compose/CampaignMessageComposer.h"
#include "sending/SendQueue.h"
#include "storage/BoundQuery.h"
#include "storage/CampaignRepository.h"
#include "storage/ProviderRepository.h"

namespace herald {

namespace {
const QString CampaignName = QStringLiteral("Send benchmark");
const char* const Kinds[] = {"Friends of the Library of", "Community Fund of", "Food Bank of", "Historical Society of",
                             "Volunteer Fire Company of"};
const char* const Cities[] = {"Burlington", "Dover", "Springfield", "Montpelier", "Portland", "Salem", "Franklin", "Greenville"};
const char* const Regions[] = {"VT", "DE", "IL", "OR", "MA", "NH"};

// Prose wrapped at about 72 columns, so that quoted-printable keeps the lines as they are.
QString filler(int length, bool html)
{
    static const QStringList sentences = {
        QStringLiteral("Our volunteers spent the spring restoring the reading room and cataloguing donated books."),
        QStringLiteral("The regional grant round opens next month and favours projects that partner with schools."),
        QStringLiteral("Please share this note with your board; the application asks for a short budget outline."),
        QStringLiteral("Last year forty-two organisations received support for programmes in their own towns."),
        QStringLiteral("We will hold two information evenings and answer questions by phone every Tuesday."),
    };
    QString text;
    int column = 0;
    for (int i = 0; text.size() < length; ++i) {
        const QString& sentence = sentences.at(i % sentences.size());
        for (const QString& word : sentence.split(QLatin1Char(' '))) {
            if (column + word.size() > 72) {
                text += QLatin1Char('\n');
                column = 0;
            } else if (column > 0) {
                text += QLatin1Char(' ');
                ++column;
            }
            text += word;
            column += int(word.size());
        }
        if (html && i % 3 == 2) {
            text += QStringLiteral("</p>\n<p>");
            column = 0;
        }
    }
    return text;
}

Campaign campaignWithFiller(int length)
{
    Campaign campaign;
    campaign.id = 1;
    campaign.name = CampaignName;
    campaign.fromName = QStringLiteral("Herald Benchmarks");
    campaign.fromEmail = QStringLiteral("news@example.org");
    campaign.replyTo = QStringLiteral("grants@example.org");
    campaign.postalAddress = QStringLiteral("1 Main Street, Dover, DE 19901");
    campaign.unsubscribeBaseUrl = QStringLiteral("https://example.org/unsubscribe");
    campaign.subject = QStringLiteral("{{name}}: the {{city}} grant round opens soon");
    campaign.textBody = QStringLiteral("Dear friends at {{name}},\n\n"
                                       "{{#ein}}Our records list you under EIN {{ein}} in {{city}}, {{region}}.{{/ein}}\n\n")
        + filler(length, false)
        + QStringLiteral("\n\nWith best wishes,\n{{from_name}}\n{{postal_address}}\n\n"
                         "To stop receiving these messages: {{unsubscribe_url}}\n");
    campaign.htmlBody = QStringLiteral("<html><body>\n<p>Dear friends at {{name}},</p>\n"
                                       "{{#ein}}<p>Our records list you under EIN {{ein}} in {{city}}, {{region}}.</p>{{/ein}}\n<p>")
        + filler(length, true)
        + QStringLiteral("</p>\n<p>With best wishes,<br>{{from_name}}<br>{{postal_address}}</p>\n"
                         "<p><a href=\"{{unsubscribe_url}}\">Unsubscribe</a></p>\n</body></html>\n");
    return campaign;
}

int renderedSize(const Campaign& campaign)
{
    const CampaignMessageComposer composer(campaign, QByteArrayLiteral("bench-secret-bench-secret-bench!"));
    const auto message = composer.compose(1, BenchCampaign::recipient(1));
    return message ? int(message->data.size()) : 0;
}
} // namespace

Nonprofit BenchCampaign::recipient(int i)
{
    Nonprofit recipient;
    recipient.id = i;
    recipient.city = QString::fromLatin1(Cities[i % 8]);
    recipient.name = QStringLiteral("%1 %2 %3").arg(QString::fromLatin1(Kinds[i % 5]), recipient.city).arg(i);
    recipient.email = QStringLiteral("org%1@example.net").arg(i);
    recipient.ein = QStringLiteral("%1").arg(i, 9, 10, QLatin1Char('0'));
    recipient.street = QStringLiteral("%1 Main Street").arg(i);
    recipient.region = QString::fromLatin1(Regions[i % 6]);
    recipient.postalCode = QStringLiteral("%1").arg(i % 99999, 5, 10, QLatin1Char('0'));
    return recipient;
}

Campaign BenchCampaign::campaignFor(int bytes)
{
    // Both bodies carry the filler: grow it by half the shortfall until the message is within 1 %.
    int length = std::max(0, bytes / 2 - 1000);
    Campaign campaign = campaignWithFiller(length);
    for (int round = 0; round < 8; ++round) {
        const int size = renderedSize(campaign);
        if (size == 0 || std::abs(size - bytes) <= bytes / 100)
            break;
        length = std::max(0, length + (bytes - size) / 2);
        campaign = campaignWithFiller(length);
    }
    return campaign;
}

Status BenchCampaign::addNonprofits(int count)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    // The same values as recipient(i).
    BoundQuery insert(db.value(), QStringLiteral(
        "INSERT INTO nonprofits (name, email, ein, street, city, region, postal_code) "
        "SELECT (ARRAY['Friends of the Library of', 'Community Fund of', 'Food Bank of', 'Historical Society of',"
        "  'Volunteer Fire Company of'])[1 + i % 5] || ' ' || city || ' ' || i,"
        " 'org' || i || '@example.net', lpad(i::text, 9, '0'), i || ' Main Street', city,"
        " (ARRAY['VT', 'DE', 'IL', 'OR', 'MA', 'NH'])[1 + i % 6], lpad((i % 99999)::text, 5, '0')"
        " FROM (SELECT i, (ARRAY['Burlington', 'Dover', 'Springfield', 'Montpelier', 'Portland', 'Salem', 'Franklin',"
        "  'Greenville'])[1 + i % 8] AS city FROM generate_series(1, CAST(:count AS integer)) AS g(i)) AS numbers"));
    insert.bind(QStringLiteral(":count"), count);
    if (auto done = insert.exec(QStringLiteral("Could not create %1 nonprofits").arg(count)); !done)
        return done;
    return {}; // the script runs VACUUM ANALYZE before timing anything
}

Result<BenchCampaign::Created> BenchCampaign::addCampaign(int bytes)
{
    Campaign campaign = campaignFor(bytes);
    campaign.id = 0;
    if (auto added = CampaignRepository(m_database).insert(campaign); !added)
        return added.error();
    return Created{campaign.id, renderedSize(campaign)};
}

Status BenchCampaign::addProvider(int port, int connections)
{
    Provider provider;
    provider.connections = connections;
    provider.name = QStringLiteral("smtp-sink");
    provider.host = QStringLiteral("127.0.0.1");
    provider.port = port;
    provider.tls = Provider::Tls::None;
    provider.ratePerSecond = 1e9; // must be positive: a billion per second is no limit
    provider.burst = 1000000;
    provider.priority = 1;
    return ProviderRepository(m_database).insert(provider);
}

Result<qint64> BenchCampaign::queue(qint64 campaignId)
{
    auto queued = SendQueue(m_database, QStringLiteral("bench")).enqueue(campaignId, Audience{});
    if (!queued)
        return queued.error();
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery start(db.value(), QStringLiteral("UPDATE campaigns SET status = 'sending' WHERE id = :id"));
    start.bind(QStringLiteral(":id"), campaignId);
    if (auto done = start.exec(QStringLiteral("Could not start campaign #%1").arg(campaignId)); !done)
        return done.error();
    return queued->pending;
}

Result<qint64> BenchCampaign::preparedCampaign()
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery query(db.value(), QStringLiteral("SELECT max(id) FROM campaigns WHERE name = :name"));
    query.bind(QStringLiteral(":name"), CampaignName);
    if (auto done = query.execSingle(QStringLiteral("Could not find the benchmark campaign"), QString()); !done)
        return done.error();
    if (query.value(0).isNull())
        return Error::make(Error::Kind::NotFound, QStringLiteral("No benchmark campaign: run 'prepare' first."));
    return query.value(0).toLongLong();
}

qint64 BenchCampaign::countSent(qint64 campaignId)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return -1;
    BoundQuery query(db.value(), QStringLiteral("SELECT count(*) FROM sends WHERE campaign_id = :id AND status = 'sent'"));
    query.bind(QStringLiteral(":id"), campaignId);
    if (!query.execSingle(QString(), QString()))
        return -1;
    return query.value(0).toLongLong();
}

} // namespace herald
