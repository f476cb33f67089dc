#pragma once

#include "TestDatabase.h"

#include <QObject>
#include <QVariant>

#include <memory>

namespace herald::test {

// Base of the repository tests: every test case gets a fresh, migrated database on the backend under test
// (init() and cleanup() are run by QtTest around each case).
class DatabaseTestCase : public QObject
{
    Q_OBJECT

protected:
    Database& database() { return *m_database; }
    // The database's profile, for a Database of its own (another thread, standing in for another process).
    const ConnectionProfile& profile() const { return m_scratch->profile(); }
    // The first column of the first row of `sql` with :id bound, for checks no repository offers
    // (whether a column holds NULL or empty text); an invalid QVariant when there is no row.
    QVariant selectValue(const QString& sql, const QVariant& id);
    // `row` as Repository::insert() stored it. A failure is logged and leaves the id 0, which the caller's
    // checks then catch.
    template<typename Repository, typename Row>
    Row stored(Row row)
    {
        const Status done = Repository(database()).insert(row);
        if (!done.ok())
            qWarning("could not store a test row: %s", qPrintable(done.error().message));
        return row;
    }

private slots:
    void init();
    void cleanup();

private:
    std::unique_ptr<TestDatabase> m_scratch;
    std::unique_ptr<Database> m_database;
};

} // namespace herald::test
