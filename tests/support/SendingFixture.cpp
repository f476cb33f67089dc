#include "SendingFixture.h"

#include "TestDatabase.h"
#include "sending/SendQueue.h"

#include <QSqlError>
#include <QSqlQuery>

namespace herald::test {

bool SendingFixture::exec(Database& database, const QString& sql)
{
    QSqlQuery query(database.connection());
    if (!query.exec(sql)) {
        qWarning("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
        return false;
    }
    return true;
}

qint64 SendingFixture::count(Database& database, const QString& sql)
{
    QSqlQuery query(database.connection());
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

bool SendingFixture::addNonprofits(Database& database, int n, const QString& localSuffix, int first)
{
    const QString numbers = database.backend() == Backend::Postgres
        ? QStringLiteral("generate_series(CAST(:first AS integer), CAST(:last AS integer)) AS seq(i)")
        : QStringLiteral("(WITH RECURSIVE s(i) AS (SELECT :first UNION ALL SELECT i + 1 FROM s WHERE i < :last) SELECT i FROM s) AS seq");
    QSqlQuery query(database.connection());
    query.prepare(QStringLiteral("INSERT INTO nonprofits (name, email, city) "
                                 "SELECT 'Org ' || i, 'org' || i || CAST(:suffix AS text) || '@example.net', 'Dover' FROM %1")
                      .arg(numbers));
    query.bindValue(QStringLiteral(":first"), first);
    query.bindValue(QStringLiteral(":last"), first + n - 1);
    query.bindValue(QStringLiteral(":suffix"), localSuffix.isNull() ? QStringLiteral("") : localSuffix);
    if (!query.exec()) {
        qWarning("addNonprofits: %s", qPrintable(query.lastError().text()));
        return false;
    }
    return true;
}

bool SendingFixture::addCampaign(Database& database, qint64 id)
{
    QSqlQuery query(database.connection());
    query.prepare(QStringLiteral(
        "INSERT INTO campaigns (id, uuid, name, subject, html_body, text_body, from_name, from_email, postal_address, "
        "unsubscribe_base_url, status) VALUES (:id, :uuid, 'Gala', 'Hello {{name}}', '<p>Dear {{name}} of {{city}}</p>"
        "<p>{{postal_address}}</p><a href=\"{{unsubscribe_url}}\">Unsubscribe</a>', 'Dear {{name}}\n{{postal_address}}\n"
        "{{unsubscribe_url}}', 'Herald Test', 'news@example.org', '1 Main St, Dover', 'https://example.org/u', 'draft')"));
    query.bindValue(QStringLiteral(":id"), id);
    query.bindValue(QStringLiteral(":uuid"), QStringLiteral("campaign-%1").arg(id));
    if (!query.exec()) {
        qWarning("addCampaign: %s", qPrintable(query.lastError().text()));
        return false;
    }
    return true;
}

bool SendingFixture::startCampaign(Database& database, qint64 id)
{
    SendQueue queue(database, QStringLiteral("test"));
    if (!queue.enqueue(id, {}).ok())
        return false;
    return exec(database, QStringLiteral("UPDATE campaigns SET status = 'sending' WHERE id = %1").arg(id));
}

bool SendingFixture::addSmtpProvider(Database& database, const QString& name, int port, int priority, double rate)
{
    QSqlQuery query(database.connection());
    query.prepare(QStringLiteral("INSERT INTO providers (name, kind, host, port, tls, rate_per_s, burst, connections, priority) "
                                 "VALUES (:name, 'smtp', '127.0.0.1', :port, 'none', :rate, :burst, 4, :priority)"));
    query.bindValue(QStringLiteral(":name"), name);
    query.bindValue(QStringLiteral(":port"), port);
    query.bindValue(QStringLiteral(":rate"), rate);
    query.bindValue(QStringLiteral(":burst"), int(std::min(rate, 1000.0)));
    query.bindValue(QStringLiteral(":priority"), priority);
    if (!query.exec()) {
        qWarning("addSmtpProvider: %s", qPrintable(query.lastError().text()));
        return false;
    }
    return true;
}

} // namespace herald::test
