#include "GdprService.h"

#include "domain/AnonymisedEmail.h"
#include "domain/EmailAddress.h"
#include "engagement/EngagementEventLog.h"
#include "storage/AuditLogRepository.h"
#include "storage/BoundQuery.h"
#include "storage/JsonRows.h"
#include "storage/NonprofitRepository.h"
#include "storage/SuppressionRepository.h"
#include "storage/Transaction.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace herald {

namespace {
QString isoTime(const QDateTime& time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QJsonObject toJson(const Nonprofit& nonprofit)
{
    return { { QStringLiteral("id"), nonprofit.id }, { QStringLiteral("name"), nonprofit.name },
        { QStringLiteral("email"), nonprofit.email }, { QStringLiteral("ein"), nonprofit.ein },
        { QStringLiteral("street"), nonprofit.street }, { QStringLiteral("city"), nonprofit.city },
        { QStringLiteral("region"), nonprofit.region }, { QStringLiteral("postal_code"), nonprofit.postalCode },
        { QStringLiteral("country"), nonprofit.country }, { QStringLiteral("status"), toString(nonprofit.status) },
        { QStringLiteral("consent"), nonprofit.consent },
        { QStringLiteral("tags"), QJsonArray::fromStringList(nonprofit.tags) },
        { QStringLiteral("created_at"), isoTime(nonprofit.createdAt) },
        { QStringLiteral("updated_at"), isoTime(nonprofit.updatedAt) },
        { QStringLiteral("version"), nonprofit.version } };
}

QJsonObject toJson(const Suppression& suppression)
{
    return { { QStringLiteral("email"), suppression.email }, { QStringLiteral("reason"), toString(suppression.reason) },
        { QStringLiteral("source"), suppression.source },
        { QStringLiteral("created_at"), isoTime(suppression.createdAt) } };
}

QJsonObject toJson(const AuditEntry& entry)
{
    return { { QStringLiteral("at"), isoTime(entry.at) }, { QStringLiteral("actor"), entry.actor },
        { QStringLiteral("action"), entry.action }, { QStringLiteral("entity"), entry.entity },
        { QStringLiteral("entity_id"), entry.entityId }, { QStringLiteral("detail"), entry.detail } };
}

QString isoTimeOfMs(const QVariant& epochMs)
{
    return epochMs.isNull() ? QString() : isoTime(QDateTime::fromMSecsSinceEpoch(epochMs.toLongLong(), Qt::UTC));
}

QJsonObject toJson(const RecordedEngagementEvent& event)
{
    return { { QStringLiteral("id"), event.id }, { QStringLiteral("send_id"), event.sendId },
        { QStringLiteral("campaign_id"), event.campaignId }, { QStringLiteral("kind"), event.kind },
        { QStringLiteral("link_no"), event.linkNo ? QJsonValue(*event.linkNo) : QJsonValue() },
        { QStringLiteral("link_url"), event.url }, { QStringLiteral("occurred_at"), isoTime(event.occurredAt()) },
        { QStringLiteral("method"), event.method }, { QStringLiteral("agent_class"), event.agentClass },
        { QStringLiteral("client_network"), event.clientNet }, { QStringLiteral("verdict"), event.verdict },
        { QStringLiteral("reason"), event.reason } };
}

// The rows of `sql`, whose :sends is the JSON array of the send ids, as JSON objects by readRow.
template <typename ReadRow>
Result<QList<QJsonObject>> selectForSends(
    const QSqlDatabase& db, const QString& sql, const QJsonArray& sendIds, const QString& what, ReadRow readRow)
{
    BoundQuery query(db, sql);
    query.bind(QStringLiteral(":sends"), JsonRows::text(sendIds));
    return query.readAll(what, readRow);
}

// NotFound is an answer here (nothing held), any other error is a failure.
template <typename T> bool failedBadly(const Result<T>& result)
{
    return !result && result.error().kind != Error::Kind::NotFound;
}
} // namespace

GdprService::GdprService(Database& database)
    : m_database(database)
{
}

Result<QJsonArray> GdprService::sendsOf(const QString& email, qint64 nonprofitId)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery query(db.value(),
        QStringLiteral("SELECT s.id, s.campaign_id, c.name, s.email, s.status, s.attempts, "
                       "s.queued_at, s.sent_at, s.smtp_code, s.error, s.provider, s.message_id "
                       "FROM sends s LEFT JOIN campaigns c ON c.id = s.campaign_id "
                       "WHERE s.email = :email OR s.nonprofit_id = :id ORDER BY s.id"));
    query.bind(QStringLiteral(":email"), EmailAddress::normalized(email)).bind(QStringLiteral(":id"), nonprofitId);
    if (auto done = query.exec(tr("Could not read the messages sent to '%1'").arg(email)); !done)
        return done.error();
    QJsonArray sends;
    while (query.next()) {
        sends << QJsonObject { { QStringLiteral("id"), query.value(0).toLongLong() },
            { QStringLiteral("campaign_id"), query.value(1).toLongLong() },
            { QStringLiteral("campaign"), query.value(2).toString() },
            { QStringLiteral("email"), query.value(3).toString() },
            { QStringLiteral("status"), query.value(4).toString() },
            { QStringLiteral("attempts"), query.value(5).toInt() },
            { QStringLiteral("queued_at"), isoTime(SqlDialect::readTimestamp(query.value(6))) },
            { QStringLiteral("sent_at"), isoTime(SqlDialect::readTimestamp(query.value(7))) },
            { QStringLiteral("smtp_code"), query.value(8).toInt() },
            { QStringLiteral("error"), query.value(9).toString() },
            { QStringLiteral("provider"), query.value(10).toString() },
            { QStringLiteral("message_id"), query.value(11).toString() } };
    }
    return sends;
}

Result<QJsonArray> GdprService::eventsOf(const QList<qint64>& sendIds)
{
    auto events = EngagementEventLog(m_database).ofSends(sendIds);
    if (!events)
        return events.error();
    QJsonArray array;
    for (const RecordedEngagementEvent& event : events.value())
        array << toJson(event);
    return array;
}

Result<QJsonArray> GdprService::engagementOf(const QList<qint64>& sendIds)
{
    if (sendIds.isEmpty())
        return QJsonArray();
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    const SqlDialect dialect(m_database.backend());
    QJsonArray ids;
    for (const qint64 id : sendIds)
        ids << id;
    const QString what = tr("Could not read the opens and clicks of the messages sent to the address");
    auto links = selectForSends(db.value(),
        QStringLiteral("SELECT k.send_id, k.link_no, l.url, k.human_clicks, k.machine_clicks FROM send_link_engagement k "
                       "LEFT JOIN campaign_links l ON l.campaign_id = k.campaign_id AND l.link_no = k.link_no "
                       "WHERE %1 ORDER BY k.send_id, k.link_no")
            .arg(JsonRows::keyIn(dialect, QStringLiteral("k.send_id"), QStringLiteral(":sends"))),
        ids, what, [](const QSqlQuery& row) {
            return QJsonObject { { QStringLiteral("send_id"), row.value(0).toLongLong() },
                { QStringLiteral("link_no"), row.value(1).toInt() }, { QStringLiteral("url"), row.value(2).toString() },
                { QStringLiteral("human_clicks"), row.value(3).toLongLong() },
                { QStringLiteral("machine_clicks"), row.value(4).toLongLong() } };
        });
    if (!links)
        return links.error();
    auto perSend = selectForSends(db.value(),
        QStringLiteral("SELECT send_id, campaign_id, first_human_open, first_machine_open, first_human_click, "
                       "first_machine_click, human_opens, human_clicks, machine_events FROM send_engagement "
                       "WHERE %1 ORDER BY send_id")
            .arg(JsonRows::keyIn(dialect, QStringLiteral("send_id"), QStringLiteral(":sends"))),
        ids, what, [](const QSqlQuery& row) {
            return QJsonObject { { QStringLiteral("send_id"), row.value(0).toLongLong() },
                { QStringLiteral("campaign_id"), row.value(1).toLongLong() },
                { QStringLiteral("first_human_open"), isoTimeOfMs(row.value(2)) },
                { QStringLiteral("first_machine_open"), isoTimeOfMs(row.value(3)) },
                { QStringLiteral("first_human_click"), isoTimeOfMs(row.value(4)) },
                { QStringLiteral("first_machine_click"), isoTimeOfMs(row.value(5)) },
                { QStringLiteral("human_opens"), row.value(6).toLongLong() },
                { QStringLiteral("human_clicks"), row.value(7).toLongLong() },
                { QStringLiteral("machine_events"), row.value(8).toLongLong() } };
        });
    if (!perSend)
        return perSend.error();
    QJsonArray engagement;
    for (QJsonObject send : perSend.value()) {
        QJsonArray clicked;
        for (const QJsonObject& link : links.value()) {
            if (link.value(QStringLiteral("send_id")) == send.value(QStringLiteral("send_id")))
                clicked << link;
        }
        send.insert(QStringLiteral("links"), clicked);
        engagement << send;
    }
    return engagement;
}

Result<QJsonObject> GdprService::exportData(const QString& email)
{
    const QString address = EmailAddress::normalized(email);
    auto nonprofit = NonprofitRepository(m_database).findByEmail(address);
    if (failedBadly(nonprofit))
        return nonprofit.error();
    const qint64 id = nonprofit ? nonprofit->id : 0;
    auto sends = sendsOf(address, id);
    if (!sends)
        return sends.error();
    QList<qint64> sendIds;
    for (const QJsonValue& send : sends.value())
        sendIds << send.toObject().value(QStringLiteral("id")).toInteger();
    auto events = eventsOf(sendIds);
    if (!events)
        return events.error();
    auto engagement = engagementOf(sendIds);
    if (!engagement)
        return engagement.error();
    SuppressionRepository suppressions(m_database);
    auto suppression = suppressions.find(address);
    if (failedBadly(suppression))
        return suppression.error();
    auto erased = suppressions.find(AnonymisedEmail::of(address));
    if (failedBadly(erased))
        return erased.error();
    QJsonArray audit;
    if (nonprofit) {
        auto entries = AuditLogRepository(m_database).listFor(QStringLiteral("nonprofit"), QString::number(id));
        if (!entries)
            return entries.error();
        for (const AuditEntry& entry : entries.value())
            audit << toJson(entry);
    }
    if (!nonprofit && sends->isEmpty() && !suppression && !erased)
        return Error::make(Error::Kind::NotFound, tr("Herald holds nothing about '%1'.").arg(address));

    return QJsonObject {
        { QStringLiteral("email"), address },
        { QStringLiteral("exported_at"), isoTime(QDateTime::currentDateTimeUtc()) },
        { QStringLiteral("nonprofit"), nonprofit ? QJsonValue(toJson(nonprofit.value())) : QJsonValue() },
        { QStringLiteral("sends"), sends.value() },
        { QStringLiteral("engagement_events"), events.value() },
        { QStringLiteral("engagement"), engagement.value() },
        { QStringLiteral("suppression"), suppression ? QJsonValue(toJson(suppression.value())) : QJsonValue() },
        { QStringLiteral("erased_suppression"), erased ? QJsonValue(toJson(erased.value())) : QJsonValue() },
        { QStringLiteral("audit"), audit },
    };
}

Status GdprService::writeExport(const QString& email, const QString& path)
{
    auto data = exportData(email);
    if (!data)
        return data.error();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(data.value()).toJson(QJsonDocument::Indented)) < 0
        || !file.commit())
        return Error::make(Error::Kind::Io, tr("Could not write %1: %2").arg(path, file.errorString()));
    return {};
}

Result<Erasure> GdprService::erase(const QString& email, const QString& actor)
{
    const QString address = EmailAddress::normalized(email);
    if (address.isEmpty())
        return Error::validation(QStringLiteral("email"), tr("Which address should be erased?"));
    Erasure erasure;
    erasure.suppressionKey = AnonymisedEmail::of(address);
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    Transaction transaction(db.value());
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    auto nonprofit = NonprofitRepository(m_database).findByEmail(address);
    if (failedBadly(nonprofit))
        return nonprofit.error();
    erasure.nonprofitId = nonprofit ? nonprofit->id : 0;
    auto suppression = SuppressionRepository(m_database).find(address);
    if (failedBadly(suppression))
        return suppression.error();

    // The suppression stays, under the hash, with its reason and date.
    Suppression kept;
    kept.email = erasure.suppressionKey;
    kept.reason = suppression ? suppression->reason : SuppressionReason::Manual;
    kept.createdAt = suppression ? suppression->createdAt : QDateTime();
    kept.source = tr("GDPR erasure");
    const QString what = tr("Could not erase '%1'").arg(address);
    const auto run
        = [&](const QString& sql, std::initializer_list<std::pair<const char*, QVariant>> values) -> Result<qint64> {
        BoundQuery query(db.value(), sql);
        for (const auto& [placeholder, value] : values)
            query.bind(QLatin1String(placeholder), value);
        if (auto done = query.exec(what); !done)
            return done.error();
        return qint64(query.numRowsAffected());
    };
    if (auto removed = run(QStringLiteral("DELETE FROM suppressions WHERE email = :email"), { { ":email", address } });
        !removed)
        return removed.error();
    if (auto added = SuppressionRepository(m_database).add(kept); !added)
        return added.error();
    // Opens and clicks of its messages go (the campaigns' totals and hourly figures, which name nobody, stay).
    const QString itsSends = QStringLiteral("SELECT id FROM sends WHERE email = :email OR nonprofit_id = :id");
    for (const char* table : { "engagement_events", "send_link_engagement", "send_engagement" }) {
        auto deleted = run(QStringLiteral("DELETE FROM %1 WHERE send_id IN (%2)").arg(QLatin1String(table), itsSends),
            { { ":email", address }, { ":id", erasure.nonprofitId } });
        if (!deleted)
            return deleted.error();
        if (qstrcmp(table, "engagement_events") == 0)
            erasure.engagementEventsDeleted = deleted.value();
    }
    // Messages keep their outcome for the campaign's figures; the address in them becomes the hash.
    auto sends = run(QStringLiteral("UPDATE sends SET email = :hash, error = replace(error, :email, :same_hash) "
                                    "WHERE email = :same_email OR nonprofit_id = :id"),
        { { ":hash", erasure.suppressionKey }, { ":email", address }, { ":same_hash", erasure.suppressionKey },
            { ":same_email", address }, { ":id", erasure.nonprofitId } });
    if (!sends)
        return sends.error();
    erasure.sendsAnonymised = sends.value();
    if (erasure.nonprofitId) {
        const QString id = QString::number(erasure.nonprofitId);
        // PostgreSQL's audit log is append-only (schema 23): only its redaction function may change a line.
        const QString redact = m_database.backend() == Backend::Postgres
            ? QStringLiteral("SELECT herald_redact_audit('nonprofit', :id, :email, :hash)")
            : QStringLiteral("UPDATE audit_log SET detail = replace(detail, :email, :hash) "
                             "WHERE entity = 'nonprofit' AND entity_id = :id");
        auto audit = run(redact, { { ":email", address }, { ":hash", erasure.suppressionKey }, { ":id", id } });
        if (!audit)
            return audit.error();
        // Its tags go with it (ON DELETE CASCADE); its sends lose the link (ON DELETE SET NULL).
        if (auto deleted
            = run(QStringLiteral("DELETE FROM nonprofits WHERE id = :id"), { { ":id", erasure.nonprofitId } });
            !deleted)
            return deleted.error();
    }
    const QString entityId = erasure.nonprofitId ? QString::number(erasure.nonprofitId) : erasure.suppressionKey;
    if (auto recorded
        = AuditLogRepository(m_database)
              .record(actor, QStringLiteral("erase"), QStringLiteral("nonprofit"), entityId,
                  tr("Personal data erased; the address stays suppressed as %1.").arg(erasure.suppressionKey));
        !recorded)
        return recorded.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return erasure;
}

} // namespace herald
