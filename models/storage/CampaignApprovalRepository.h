#pragma once

#include "Database.h"
#include "domain/Campaign.h"
#include "domain/Error.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>

#include <optional>

namespace herald {

// A second person's approval of a large campaign (schema 24), as PostgreSQL enforces it: the threshold (an admin
// setting), who approved what, and whether a campaign may leave drafts. Herald asks before queueing so that a refusal
// reads as a sentence in the user's language; the database's triggers refuse it anyway when it is not asked.
// SQLite (one person with every right): approval does not apply and nothing is read.
class CampaignApprovalRepository
{
    Q_DECLARE_TR_FUNCTIONS(herald::CampaignApprovalRepository)
public:
    struct Approval
    {
        QString approvedBy;
        QDateTime approvedAt;
        qint64 audienceCount = -1; // what the approver's Herald counted; -1 when it said nothing
    };
    // What the editor shows about one campaign.
    struct State
    {
        std::optional<int> threshold; // none: approval is off
        QString author;               // campaigns.created_by, the login that wrote it
        std::optional<Approval> approval;
        QString login;                // who is connected
        bool mayApprove = false;      // a sender or administrator other than the author
    };

    explicit CampaignApprovalRepository(Database& database) : m_database(database) {}

    // Whether approval exists on this database at all (PostgreSQL: several people).
    bool applies() const { return m_database.backend() == Backend::Postgres; }

    Result<std::optional<int>> threshold();
    // Whether the person connected may change the threshold (an administrator or the owner).
    Result<bool> mayChangeThreshold();
    // Administrators only (the database refuses the others); none turns approval off.
    Status setThreshold(std::optional<int> threshold);

    Result<State> state(const Campaign& campaign);
    // Approves as the logged-in person, recording `audienceCount` (what the approver was shown; -1 for none).
    // The author and non-senders are refused with a sentence, and by the database.
    Status approve(const Campaign& campaign, qint64 audienceCount);
    // The campaign may leave drafts to go to `recipients` recipients, or the sentence that says whose approval it
    // waits for (a Validation error on the field "approval").
    Status requireApproval(const Campaign& campaign, qint64 recipients);
    // What the database counts for a campaign leaving drafts now: its sends, or for a schedule at least every
    // active, unsuppressed nonprofit (see migration 024).
    Result<qint64> recipientsLeavingDrafts(qint64 campaignId, bool scheduling);
    // Of these drafts (id -> recipients counted), the ones waiting for an approval, with their authors.
    Result<QHash<qint64, QString>> awaiting(const QHash<qint64, qint64>& recipientsByDraft);

    // "Waiting for approval from a sender or administrator other than <author>".
    static QString waitingText(const QString& author);

private:
    Result<std::optional<QString>> pendingAuthor(qint64 campaignId, qint64 recipients);

    Database& m_database;
};

} // namespace herald
