#pragma once

#include "domain/Campaign.h"
#include "domain/Error.h"
#include "storage/CampaignApprovalRepository.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace herald {

class Database;

// The campaign editor's approval line (team server with Settings → Approval on; schema 24): "Waiting for approval
// from a sender or administrator other than <author>" or "Approved by X at T", an Approve button for a sender or
// administrator who did not write it, and the warning that changing the template, audience or sender withdraws the
// approval. Hidden when approval does not apply (off, or a database on this computer).
class ApprovalSection : public QWidget
{
    Q_OBJECT
public:
    ApprovalSection(Database& database, QWidget* parent);

    // Reads the campaign's approval as stored.
    Status load(const Campaign& campaign);
    // The audience as last counted (-1 while unknown): whether it is large enough to need approval.
    void showRecipients(qint64 recipients);
    // The campaign as the editor shows it: a template, audience or sender other than the stored one would withdraw
    // the approval when saved, and the line says so.
    void showOnScreen(const Campaign& onScreen);
    // Approves the stored campaign as the person connected, recording `recipients`; reloads.
    Status approve(qint64 recipients);

signals:
    void approveRequested();

private:
    void updateText();

    Database& m_database;
    Campaign m_campaign;
    CampaignApprovalRepository::State m_state;
    QString m_withdrawnBy; // whose approval was withdrawn last, when none is in force
    qint64 m_recipients = -1;
    bool m_pendingChange = false;
    QLabel* m_label;
    QPushButton* m_approveButton;
};

} // namespace herald
