#include "DatabaseTestCase.h"

#include <QSqlQuery>
#include <QTest>

namespace herald::test {

void DatabaseTestCase::init()
{
    m_scratch = std::make_unique<TestDatabase>();
    QVERIFY2(m_scratch->isReady(), qPrintable(m_scratch->setupError()));
    m_database = m_scratch->open();
    QVERIFY(m_database->schemaVersion() > 0);
}

void DatabaseTestCase::cleanup()
{
    m_database.reset();
    m_scratch.reset();
}

QVariant DatabaseTestCase::selectValue(const QString& sql, const QVariant& id)
{
    QSqlQuery query(m_database->connection());
    if (!query.prepare(sql))
        return {};
    query.bindValue(QStringLiteral(":id"), id);
    if (!query.exec() || !query.next())
        return {};
    return query.value(0);
}

} // namespace herald::test
