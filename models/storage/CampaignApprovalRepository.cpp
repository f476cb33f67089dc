#include "CampaignApprovalRepository.h"

#include "BoundQuery.h"
#include "SqlDialect.h"

#include <QLocale>

namespace herald {

namespace {
std::optional<int> thresholdFrom(const QVariant& value)
{
    return value.isNull() ? std::nullopt : std::optional<int>(value.toInt());
}
} // namespace

Result<std::optional<int>> CampaignApprovalRepository::threshold()
{
    if (!applies())
        return std::optional<int>();
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery query(db.value(), QStringLiteral("SELECT threshold FROM approval_settings"));
    if (auto found = query.execSingle(tr("Could not read the approval setting"), tr("The approval setting is missing."));
        !found)
        return found.error();
    return thresholdFrom(query.value(0));
}

Result<bool> CampaignApprovalRepository::mayChangeThreshold()
{
    if (!applies())
        return false;
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery query(db.value(), QStringLiteral("SELECT herald_is_admin(session_user)"));
    if (auto found = query.execSingle(tr("Could not read the approval setting"), {}); !found)
        return found.error();
    return query.value(0).toBool();
}

Status CampaignApprovalRepository::setThreshold(std::optional<int> threshold)
{
    if (!applies())
        return Error::make(Error::Kind::Validation, tr("Approval of large sends needs a team server: on this computer "
                                                       "one person has every right."));
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery query(db.value(), QStringLiteral("UPDATE approval_settings SET threshold = :threshold"));
    query.bind(QStringLiteral(":threshold"), threshold ? QVariant(*threshold) : QVariant(QMetaType(QMetaType::Int)));
    return query.exec(tr("Could not change the approval setting"));
}

Result<CampaignApprovalRepository::State> CampaignApprovalRepository::state(const Campaign& campaign)
{
    State state;
    if (!applies())
        return state;
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    // A campaign not saved yet is the connected person's own.
    BoundQuery query(db.value(), QStringLiteral(
        "SELECT (SELECT threshold FROM approval_settings), coalesce(c.created_by, session_user), a.approved_by, "
        "a.approved_at, a.audience_count, session_user, "
        "herald_may_approve(session_user) AND coalesce(c.created_by, session_user) <> session_user "
        "FROM (SELECT CAST(:id AS bigint) AS id) k LEFT JOIN campaigns c ON c.id = k.id "
        "LEFT JOIN campaign_approvals a ON a.campaign_id = k.id"));
    query.bind(QStringLiteral(":id"), campaign.id);
    if (auto found = query.execSingle(tr("Could not read the approval of campaign '%1'").arg(campaign.name), {}); !found)
        return found.error();
    state.threshold = thresholdFrom(query.value(0));
    state.author = query.value(1).toString();
    if (!query.value(2).isNull()) {
        Approval approval;
        approval.approvedBy = query.value(2).toString();
        approval.approvedAt = SqlDialect::readTimestamp(query.value(3));
        approval.audienceCount = query.value(4).isNull() ? -1 : query.value(4).toLongLong();
        state.approval = approval;
    }
    state.login = query.value(5).toString();
    state.mayApprove = query.value(6).toBool();
    return state;
}

Status CampaignApprovalRepository::approve(const Campaign& campaign, qint64 audienceCount)
{
    if (!applies())
        return Error::make(Error::Kind::Validation, tr("Approval does not apply on this computer: one person has every "
                                                       "right, so campaigns are queued without it."));
    auto current = state(campaign);
    if (!current)
        return current.error();
    // Said here in the user's language; the database refuses the same on its own (herald_approve_campaign).
    if (!current->mayApprove && current->login == current->author)
        return Error::make(Error::Kind::Permission, tr("You wrote campaign '%1', so you may not approve it; another "
                                                       "sender or administrator must.")
                                                        .arg(campaign.name));
    if (!current->mayApprove)
        return Error::make(Error::Kind::Permission, tr("Only a sender or an administrator may approve campaigns; %1 "
                                                       "may not.")
                                                        .arg(current->login));
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery query(db.value(), QStringLiteral("SELECT herald_approve_campaign(:id, :count)"));
    query.bind(QStringLiteral(":id"), campaign.id)
        .bind(QStringLiteral(":count"), audienceCount < 0 ? QVariant(QMetaType(QMetaType::LongLong)) : QVariant(audienceCount));
    return query.exec(tr("Could not approve campaign '%1'").arg(campaign.name));
}

Status CampaignApprovalRepository::requireApproval(const Campaign& campaign, qint64 recipients)
{
    if (!applies())
        return {};
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery query(db.value(), QStringLiteral("SELECT herald_approval_author(:id, :recipients), "
                                                "(SELECT threshold FROM approval_settings)"));
    query.bind(QStringLiteral(":id"), campaign.id).bind(QStringLiteral(":recipients"), recipients);
    if (auto found = query.execSingle(tr("Could not read the approval of campaign '%1'").arg(campaign.name), {}); !found)
        return found.error();
    if (query.value(0).isNull())
        return {};
    return Error::validation(QStringLiteral("approval"),
                             tr("Campaign '%1' goes to %2 recipients, more than %3, and cannot be queued or "
                                "scheduled yet. %4.")
                                 .arg(campaign.name, QLocale().toString(recipients),
                                      QLocale().toString(query.value(1).toInt()), waitingText(query.value(0).toString())));
}

Result<qint64> CampaignApprovalRepository::recipientsLeavingDrafts(qint64 campaignId, bool scheduling)
{
    if (!applies())
        return qint64(0);
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery query(db.value(), scheduling ? QStringLiteral("SELECT greatest(herald_largest_audience(), "
                                                             "herald_sendable_count(:id))")
                                            : QStringLiteral("SELECT herald_sendable_count(:id)"));
    query.bind(QStringLiteral(":id"), campaignId);
    if (auto found = query.execSingle(tr("Could not count the recipients of campaign #%1").arg(campaignId), {}); !found)
        return found.error();
    return query.value(0).toLongLong();
}

Result<QHash<qint64, QString>> CampaignApprovalRepository::awaiting(const QHash<qint64, qint64>& recipientsByDraft)
{
    QHash<qint64, QString> waiting;
    if (!applies() || recipientsByDraft.isEmpty())
        return waiting;
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    for (auto draft = recipientsByDraft.cbegin(); draft != recipientsByDraft.cend(); ++draft) {
        BoundQuery query(db.value(), QStringLiteral("SELECT herald_approval_author(:id, :recipients)"));
        query.bind(QStringLiteral(":id"), draft.key()).bind(QStringLiteral(":recipients"), draft.value());
        if (auto found = query.execSingle(tr("Could not read the approvals of campaigns"), {}); !found)
            return found.error();
        if (!query.value(0).isNull())
            waiting.insert(draft.key(), query.value(0).toString());
    }
    return waiting;
}

QString CampaignApprovalRepository::waitingText(const QString& author)
{
    return tr("Waiting for approval from a sender or administrator other than %1")
        .arg(author.isEmpty() ? tr("its author") : author);
}

} // namespace herald
