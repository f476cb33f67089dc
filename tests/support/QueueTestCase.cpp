#include "QueueTestCase.h"

#include "storage/NonprofitRepository.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

namespace herald::test {

void QueueTestCase::openScratch()
{
    m_scratch = std::make_unique<TestDatabase>();
    QVERIFY2(m_scratch->isReady(), qPrintable(m_scratch->setupError()));
    m_database = m_scratch->open();
    QVERIFY(m_database);
}

void QueueTestCase::closeScratch()
{
    m_database.reset();
    m_scratch.reset();
}

void QueueTestCase::exec(const QString& sql)
{
    QSqlQuery query(m_database->connection());
    QVERIFY2(query.exec(sql), qPrintable(query.lastError().text() + QStringLiteral(": ") + sql));
}

qint64 QueueTestCase::count(const QString& sql)
{
    QSqlQuery query(m_database->connection());
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

void QueueTestCase::addNonprofits(int n, const QString& tag)
{
    NonprofitRepository repository(*m_database);
    for (int i = 0; i < n; ++i) {
        Nonprofit row;
        row.name = QStringLiteral("Org %1").arg(i);
        row.email = QStringLiteral("org%1%2@example.org").arg(tag).arg(i);
        row.city = QStringLiteral("Dover");
        if (!tag.isEmpty())
            row.tags = {tag};
        QVERIFY(repository.insert(row).ok());
    }
}

SendResult QueueTestCase::resultFor(const ClaimedSend& row, DeliveryOutcome::Kind kind, qint64 retryDelayMs)
{
    SendResult result;
    result.id = row.id;
    result.token = row.token;
    result.email = row.recipient.email;
    result.outcome.kind = kind;
    result.outcome.code = kind == DeliveryOutcome::Kind::Sent ? 250 : 451;
    result.outcome.text = QStringLiteral("reply");
    result.provider = QStringLiteral("test");
    result.messageId = QStringLiteral("send-%1@example.org").arg(row.id);
    result.retryDelayMs = retryDelayMs;
    return result;
}

} // namespace herald::test
