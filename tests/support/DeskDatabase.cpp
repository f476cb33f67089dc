#include "DeskDatabase.h"

#include "storage/Database.h"
#include "storage/copy/CopyCatalog.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

#include <algorithm>

namespace herald::test {

namespace {

const QString kTimestamp = QStringLiteral("strftime('%Y-%m-%dT%H:%M:%fZ', '2025-01-01', '+' || i || ' seconds')");

QString series(int count)
{
    return QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %1) ").arg(count);
}

QString neutral(const QVariant& value)
{
    static const QRegularExpression isoTime(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z$"));
    if (value.isNull())
        return QStringLiteral("\\N");
    switch (value.typeId()) {
    case QMetaType::QDateTime:
        return value.toDateTime().toUTC().toString(Qt::ISODateWithMs);
    case QMetaType::Bool:
        return value.toBool() ? QStringLiteral("1") : QStringLiteral("0");
    case QMetaType::QByteArray:
        return QString::fromLatin1(value.toByteArray().toHex());
    case QMetaType::Double:
        return QString::number(value.toDouble(), 'g', 17);
    default:
        break;
    }
    const QString text = value.toString();
    if (isoTime.match(text).hasMatch())
        return QDateTime::fromString(text, Qt::ISODateWithMs).toUTC().toString(Qt::ISODateWithMs);
    return text;
}

} // namespace

QString DeskDatabase::fill(const QSqlDatabase& db, int nonprofits)
{
    const int sendsPerCampaign = nonprofits * 3 / 20;
    const QString oddName = QStringLiteral("'Café \"Ünïcode\" \\ back' || char(9) || 'tab' || char(10) || 'line ' || i");
    const QStringList statements{
        series(nonprofits) + QStringLiteral(
            "INSERT INTO nonprofits (id, name, email, ein, city, region, status, consent, created_at, updated_at, version) "
            "SELECT i, CASE WHEN i % 1000 = 0 THEN %1 ELSE 'Nonprofit ' || i END, 'np' || i || '@example.org', "
            "CASE WHEN i % 3 = 0 THEN NULL ELSE printf('%09d', i) END, 'Burlington', 'VT', "
            "CASE WHEN i % 50 = 0 THEN 'bounced' ELSE 'active' END, 'opt-in', %2, %2, 1 + i % 4 FROM n").arg(oddName, kTimestamp),
        series(nonprofits) + QStringLiteral(
            "INSERT INTO nonprofit_tags (nonprofit_id, tag) SELECT i, CASE i % 3 WHEN 0 THEN 'arts' WHEN 1 THEN 'health' "
            "ELSE 'education' END FROM n WHERE i % 4 <> 0"),
        series(nonprofits / 20) + QStringLiteral(
            "INSERT INTO suppressions (email, reason, source, created_at) SELECT 'gone' || i || '@example.net', "
            "CASE i % 2 WHEN 0 THEN 'manual' ELSE 'hard_bounce' END, 'import', %1 FROM n").arg(kTimestamp),
        series(5) + QStringLiteral(
            "INSERT INTO templates (id, uuid, name, subject, html_body, text_body, version, language, created_at, updated_at) "
            "SELECT i, 'template-uuid-' || i, 'Template ' || i, 'Hello {{name}}', '<p>Hello</p>' || char(10) || "
            "'<p>\\{{i}}</p>', 'Hello' || char(13) || char(10), 3, 'en', %1, %1 FROM n").arg(kTimestamp),
        series(15) + QStringLiteral(
            "INSERT INTO template_versions (template_id, version, name, subject, html_body, text_body, saved_at, language) "
            "SELECT 1 + (i - 1) / 3, 1 + (i - 1) % 3, 'Template v' || i, 'Subject ' || i, '<p>' || i || '</p>', "
            "'text ' || i, %1, 'fr' FROM n").arg(kTimestamp),
        series(3) + QStringLiteral(
            "INSERT INTO sender_identities (id, uuid, name, from_name, from_email, postal_address) SELECT i, "
            "'identity-uuid-' || i, 'Identity ' || i, 'Herald ' || i, 'from' || i || '@example.org', "
            "'1 Main St' || char(10) || 'Burlington VT' FROM n"),
        series(4) + QStringLiteral(
            "INSERT INTO segments (id, uuid, name, definition) SELECT i, 'segment-uuid-' || i, 'Segment ' || i, "
            "'{\"tags\":[\"arts\"],\"n\":' || i || '}' FROM n"),
        series(4) + QStringLiteral(
            "INSERT INTO campaigns (id, uuid, name, template_id, template_version, subject, status, sender_identity_id, "
            "segment_id, archived, tracking, scheduled_at, created_at, updated_at) SELECT i, 'campaign-uuid-' || i, "
            "'Campaign ' || i, i, 3, 'Spring ' || i, CASE i WHEN 4 THEN 'draft' ELSE 'completed' END, 1 + i % 3, i, "
            "i = 3, 'per_recipient', CASE i WHEN 2 THEN %1 END, %1, %1 FROM n").arg(kTimestamp),
        series(4 * sendsPerCampaign) + QStringLiteral(
            "INSERT INTO sends (id, campaign_id, nonprofit_id, email, status, attempts, message_id, smtp_code, error, "
            "queued_at, sent_at, latency_ms, provider) SELECT i, 1 + (i - 1) / %1, 1 + (i - 1) % %1, 'np' || i || "
            "'@example.org', CASE WHEN i % 10 = 0 THEN 'failed' ELSE 'sent' END, 1, '<' || i || '@herald.test>', "
            "CASE WHEN i % 10 = 0 THEN 550 ELSE 250 END, CASE WHEN i % 10 = 0 THEN '550 5.1.1 no such user' END, "
            "%2, %2, i % 900, 'smtp-main' FROM n").arg(sendsPerCampaign).arg(kTimestamp),
        series(500) + QStringLiteral("INSERT INTO send_metrics (bucket_start, provider, sent, failed, latency_sum_ms, "
                                     "le_100) SELECT 1700000000 + i * 10, 'smtp-main', i % 40, i % 3, i * 17, i % 40 FROM n"),
        series(50) + QStringLiteral("INSERT INTO send_metrics_5min (bucket_start, provider, sent, le_inf) "
                                    "SELECT 1700000000 + i * 300, 'smtp-main', i * 12, 1 FROM n"),
        series(100) + QStringLiteral("INSERT INTO failure_reasons (bucket_start, reason, failures, example) "
                                     "SELECT 1700000000 + i * 10, '5.1.1', i % 5, '550 5.1.1 <np' || i || '@x>' FROM n"),
        series(10) + QStringLiteral("INSERT INTO failure_reasons_5min (bucket_start, reason, failures) "
                                    "SELECT 1700000000 + i * 300, '4.2.0', i FROM n"),
        series(100) + QStringLiteral("INSERT INTO queue_samples (sampled_at, pending, retrying, in_flight) "
                                     "SELECT 1700000000 + i * 60, 1000 - i, i % 7, 4 FROM n"),
        QStringLiteral("INSERT INTO alerts (id, kind, subject, detail, raised_at, cleared_at) VALUES "
                       "(1, 'failure_rate', '', '12% failed', 1700000100, 1700000400), "
                       "(2, 'circuit_open', 'smtp-main', 'timeouts', 1700000500, NULL)"),
        QStringLiteral("INSERT INTO provider_status (owner, provider, breaker, allowed_per_s, limit_per_s, last_error, "
                       "last_error_at, updated_at) VALUES ('desk:1:ab', 'smtp-main', 'closed', 7.5, 12.5, '', NULL, 1700000600)"),
        QStringLiteral("INSERT INTO rate_slowdown (provider, rate_per_s, until_epoch) VALUES ('smtp-main', 3.25, 1700000700)"),
        QStringLiteral("INSERT INTO rate_schedule (provider, tat, granted) VALUES ('smtp-main', 1700000000.125, 4242)"),
        QStringLiteral("INSERT INTO providers (id, name, kind, host, port, tls, username, secret_ref, rate_per_s, burst, "
                       "enabled, verify_certificate, dkim_sign) VALUES "
                       "(1, 'smtp-main', 'smtp', 'smtp.example.org', 587, 'starttls', 'herald', 'provider/smtp-main', "
                       "12.5, 20, 1, 0, 1), (2, 'backup-api', 'http', 'api.example.net', 443, 'implicit', 'key', "
                       "'provider/backup-api', 5, 10, 0, 1, 0)"),
        QStringLiteral("INSERT INTO dkim_keys (domain, selector, public_key, bits) VALUES "
                       "('example.org', 'herald2026', 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA', 2048)"),
        QStringLiteral("INSERT INTO app_settings (key, value) VALUES ('approval.threshold', '5000'), "
                       "('tracking.base_url', 'https://t.example.org/'), ('desk.note', 'tab' || char(9) || 'here')"),
        series(200) + QStringLiteral("INSERT INTO audit_log (id, at, actor, action, entity, entity_id, detail) SELECT i, "
                                     "%1, 'desk-user', 'update', 'nonprofit', '' || i, 'changed city of ' || i FROM n")
                          .arg(kTimestamp),
        series(10) + QStringLiteral("INSERT INTO feedback_reports (id, report_key, kind, campaign_id, send_id, status_code, "
                                    "received_at) SELECT i, '<report' || i || '@isp>', 'hard_bounce', 1, i * 10, "
                                    "'5.1.1', %1 FROM n").arg(kTimestamp),
        QStringLiteral("INSERT INTO campaign_links (campaign_id, link_no, url, personalised) VALUES "
                       "(1, 1, 'https://example.org/a', 0), (1, 2, 'https://example.org/b?x=1&y=2', 1), "
                       "(2, 1, 'https://example.org/c', 0)"),
        series(nonprofits * 3 / 40) + QStringLiteral(
            "INSERT INTO engagement_events (id, campaign_id, send_id, link_no, kind, occurred_at, agent_class, client_net, "
            "verdict, rolled_up) SELECT i, 1, i, CASE WHEN i % 2 = 0 THEN 1 END, CASE WHEN i % 2 = 0 THEN 'click' ELSE "
            "'open' END, 1700001000 + i, 'browser', '192.0.2.0/24', CASE WHEN i % 9 = 0 THEN 'machine' ELSE 'human' END, "
            "i % 2 FROM n"),
        series(8) + QStringLiteral("INSERT INTO campaign_engagement (campaign_id, verdict, opens, clicks, unique_opens) "
                                   "SELECT 1 + (i - 1) / 2, CASE i % 2 WHEN 0 THEN 'human' ELSE 'machine' END, i * 10, i, "
                                   "i * 5 FROM n"),
        series(4) + QStringLiteral("INSERT INTO link_engagement (campaign_id, link_no, verdict, clicks, unique_clickers) "
                                   "SELECT 1, 1 + (i - 1) / 2, CASE i % 2 WHEN 0 THEN 'human' ELSE 'machine' END, i * 3, i "
                                   "FROM n"),
        series(48) + QStringLiteral("INSERT INTO engagement_hourly (campaign_id, hour_start, verdict, opens, clicks) "
                                    "SELECT 1, 1699999200 + ((i - 1) / 2) * 3600, CASE i % 2 WHEN 0 THEN 'human' ELSE "
                                    "'machine' END, i, i / 3 FROM n"),
        series(nonprofits / 20) + QStringLiteral(
            "INSERT INTO send_engagement (send_id, campaign_id, first_human_open, human_opens, human_clicks) "
            "SELECT i, 1, 1700001000 + i, 1 + i % 3, i % 2 FROM n"),
        series(nonprofits / 80) + QStringLiteral(
            "INSERT INTO send_link_engagement (send_id, link_no, campaign_id, human_clicks) SELECT i, 1, 1, 1 FROM n"),
        QStringLiteral("INSERT INTO engagement_spool_segments (instance, segment, written_at) VALUES "
                       "('desk', 1, 1700002000), ('desk', 2, 1700002060)"),
        QStringLiteral("INSERT INTO campaign_attachments (id, campaign_id, file_name, content_type, bytes, size, sha256, "
                       "position) VALUES (1, 1, 'report.pdf', 'application/pdf', X'255044460A5C0900FF', 9, 'abc', 0)"),
        QStringLiteral("INSERT INTO media (id, name, content_type, bytes, size, width, height, sha256) VALUES "
                       "(1, 'logo.png', 'image/png', X'89504E470D0A1A0A005C09', 11, 1, 1, 'def')"),
        QStringLiteral("INSERT INTO sample_rows (kind, row_id) VALUES ('nonprofit', 1), ('template', 1)"),
    };
    QSqlDatabase connection = db;
    if (!connection.transaction())
        return connection.lastError().text();
    for (const QString& sql : statements) {
        QSqlQuery query(db);
        if (!query.exec(sql)) {
            connection.rollback();
            return query.lastError().text() + QStringLiteral(" in ") + sql.left(160);
        }
    }
    return connection.commit() ? QString() : connection.lastError().text();
}

QString DeskDatabase::fingerprint(const QSqlDatabase& db, Backend backend, const QString& table, const QStringList& except)
{
    QSqlQuery columns(db);
    columns.exec(backend == Backend::Sqlite
                     ? QStringLiteral("SELECT name FROM pragma_table_info('%1') ORDER BY name").arg(table)
                     : QStringLiteral("SELECT column_name FROM information_schema.columns WHERE table_schema = "
                                      "current_schema() AND table_name = '%1' ORDER BY column_name")
                           .arg(table));
    QStringList names;
    while (columns.next())
        if (!except.contains(columns.value(0).toString()))
            names.append(columns.value(0).toString());
    QSqlQuery rows(db);
    rows.setForwardOnly(true);
    if (names.isEmpty() || !rows.exec(QStringLiteral("SELECT %1 FROM %2").arg(names.join(QStringLiteral(", ")), table)))
        return QStringLiteral("unreadable: ") + rows.lastError().text();
    QStringList lines;
    while (rows.next()) {
        QStringList values;
        for (int column = 0; column < names.size(); ++column)
            values.append(neutral(rows.value(column)));
        lines.append(values.join(QChar(0x1f)));
    }
    std::sort(lines.begin(), lines.end());
    return QString::fromLatin1(
        QCryptographicHash::hash(lines.join(QChar(0x1e)).toUtf8(), QCryptographicHash::Sha256).toHex());
}

qint64 DeskDatabase::count(const QSqlDatabase& db, const QString& table)
{
    QSqlQuery query(db);
    return query.exec(QStringLiteral("SELECT COUNT(*) FROM %1").arg(table)) && query.next() ? query.value(0).toLongLong()
                                                                                           : -1;
}

qint64 DeskDatabase::copiedRows(Database& database)
{
    qint64 rows = 0;
    for (const QString& table : CopyCatalog::copiedTables())
        rows += count(database.connection(), table);
    return rows;
}

} // namespace herald::test
