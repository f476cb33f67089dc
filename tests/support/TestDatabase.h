#pragma once

#include "storage/ConnectionProfile.h"
#include "storage/Database.h"

#include <QTemporaryDir>

#include <memory>

namespace herald::test {

// A fresh, empty database for one test case on the backend named by HERALD_TEST_BACKEND
// (sqlite: a temporary file; postgres: a new database on the throwaway cluster, dropped afterwards).
class TestDatabase
{
public:
    TestDatabase();
    ~TestDatabase();
    TestDatabase(const TestDatabase&) = delete;
    TestDatabase& operator=(const TestDatabase&) = delete;

    static Backend backendUnderTest();
    static QString backendName();
    // The cluster's address as a profile for the superuser, pointing at database `name`.
    static ConnectionProfile serverProfile(const QString& name);
    // The actor the audit log records for a line whose client claims `claimed`: on PostgreSQL the database writes the
    // login (session_user, schema 23), the superuser the tests connect as; SQLite keeps the claim.
    static QString auditActor(const QString& claimed);

    const ConnectionProfile& profile() const { return m_profile; }
    // A Database over the profile, opened and migrated; QVERIFY on its result in the caller.
    std::unique_ptr<Database> open();
    bool isReady() const { return m_ready; }
    QString setupError() const { return m_setupError; }

private:
    ConnectionProfile m_profile;
    QTemporaryDir m_dir;
    QString m_pgDatabase;
    bool m_ready = false;
    QString m_setupError;
};

} // namespace herald::test
