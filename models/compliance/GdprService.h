#pragma once

#include "storage/Database.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace herald {

// What erase() did.
struct Erasure
{
    qint64 nonprofitId = 0; // the row deleted; 0 when there was none
    qint64 sendsAnonymised = 0;
    qint64 engagementEventsDeleted = 0; // raw opens and clicks of its messages (their per-message roll-ups go too)
    QString suppressionKey; // the anonymised entry left in the suppression list
};

// Answers GDPR requests about one address: everything Herald holds about it (the nonprofit row and its tags, the
// messages sent to it and their opens and clicks, its suppression, the audit lines about it) as JSON; and erasure
// of that personal data in one transaction (opens and clicks deleted, the campaigns' totals kept), leaving only an anonymised suppression (AnonymisedEmail) so the address is never mailed again,
// even when it is imported or added again. Erasures are recorded in the audit log.
class GdprService
{
    Q_DECLARE_TR_FUNCTIONS(herald::GdprService)
public:
    explicit GdprService(Database& database);

    Result<QJsonObject> exportData(const QString& email);
    // exportData() as an indented JSON file.
    Status writeExport(const QString& email, const QString& path);
    Result<Erasure> erase(const QString& email, const QString& actor);

private:
    Result<QJsonArray> sendsOf(const QString& email, qint64 nonprofitId);
    // The opens and clicks of these sends: raw events, and per message and link as the roll-ups hold them.
    Result<QJsonArray> eventsOf(const QList<qint64>& sendIds);
    Result<QJsonArray> engagementOf(const QList<qint64>& sendIds);

    Database& m_database;
};

} // namespace herald
