#pragma once

#include "TestDatabase.h"
#include "sending/ClaimedSend.h"

#include <QObject>

#include <memory>

namespace herald::test {

// A fresh database per test function for the queue's tests (SendQueue, the counts kept beside it): raw SQL to set
// up and check rows, nonprofits to queue, outcomes as a sender reports them.
class QueueTestCase : public QObject
{
    Q_OBJECT
protected:
    // Call from init() and cleanup().
    void openScratch();
    void closeScratch();
    Database& database() { return *m_database; }

    void exec(const QString& sql);
    // The first column of the first row; -1 when the statement fails.
    qint64 count(const QString& sql);
    // n active nonprofits in Dover, orgTAGi@example.org, tagged TAG when one is given.
    void addNonprofits(int n, const QString& tag = {});
    static SendResult resultFor(const ClaimedSend& row, DeliveryOutcome::Kind kind, qint64 retryDelayMs = -1);

    std::unique_ptr<TestDatabase> m_scratch;
    std::unique_ptr<Database> m_database;
};

} // namespace herald::test
