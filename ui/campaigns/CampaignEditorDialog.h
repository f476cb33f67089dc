#pragma once

#include "domain/Campaign.h"
#include "domain/Error.h"
#include "sending/SendQueue.h"

#include <QDialog>
#include "deliverability/SenderDomainCheck.h"

#include <QFutureWatcher>
#include <QHash>

#include <atomic>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressDialog;
class QPushButton;

namespace herald {

class ApprovalSection;
class AttachmentsSection;
class AudienceSection;
class Database;
class ImagesSection;
class ScheduleSection;
class TrackingSection;

// Creates or edits one campaign: name, template, sender identity, audience (with its live size and how many the
// suppression list excludes, counted off the UI thread), when to send, what to do with unknown outcomes and how
// opens and clicks are tracked, and whether images are embedded or linked.
// From here the user saves the draft, sends a test, and sends now or schedules (queued off the UI thread,
// with a cancellable progress dialog).
class CampaignEditorDialog : public QDialog
{
    Q_OBJECT
public:
    CampaignEditorDialog(Database& database, const Campaign& campaign, QWidget* parent = nullptr);
    ~CampaignEditorDialog() override;

    const Campaign& campaign() const { return m_campaign; }
    bool isCounting() const;
    bool isQueueing() const { return m_queueWatcher.isRunning(); }
    bool isCheckingDomain() const;

public slots:
    // Stores the draft; false (with the error shown) when it could not be stored.
    bool saveDraft();
    void openTestSend();
    // "Send now" or "Schedule", whichever is chosen.
    void queue();
    // A scheduled campaign back to draft, so its time or anything else can change.
    void unschedule();
    // A second person's approval of the stored campaign (team server; saved first when changed).
    void approve();
    void reject() override;

signals:
    // The campaign was stored (saved, queued or scheduled): the list should show it.
    void campaignSaved(qint64 id);

private:
    void buildForm();
    void loadChoices();
    void load(const Campaign& campaign);
    Campaign collect() const;
    void markDirty();
    void countAudience();
    void queueFinished();
    // After the sender domain check (if any): asks, then queues off the UI thread.
    void confirmAndQueue();
    void domainChecked(const QList<herald::DomainCheckReport>& reports);
    void addIdentity();
    void editIdentity();
    void reloadIdentities(qint64 selectId);
    void updateScheduleControls();
    void showError(const Error& error);
    void clearErrors();
    bool isEditable() const { return m_campaign.status == CampaignStatus::Draft; }

    Database& m_database;
    Campaign m_campaign;
    bool m_dirty = false;
    bool m_loading = false;

    QLineEdit* m_nameEdit = nullptr;
    QComboBox* m_templateCombo = nullptr;
    QComboBox* m_identityCombo = nullptr;
    QPushButton* m_newIdentityButton = nullptr;
    QPushButton* m_editIdentityButton = nullptr;
    AudienceSection* m_audience = nullptr;
    ScheduleSection* m_schedule = nullptr;
    QComboBox* m_unknownPolicyCombo = nullptr;
    TrackingSection* m_tracking = nullptr;
    ImagesSection* m_images = nullptr;
    AttachmentsSection* m_attachments = nullptr;
    ApprovalSection* m_approval = nullptr;
    QLabel* m_statusLabel = nullptr;
    QLabel* m_errorLabel = nullptr;
    QPushButton* m_saveButton = nullptr;
    QPushButton* m_testSendButton = nullptr;
    QPushButton* m_queueButton = nullptr;
    QPushButton* m_unscheduleButton = nullptr;
    QHash<QString, QWidget*> m_fields; // by the field names errors use

    QFutureWatcher<Status> m_queueWatcher;
    SenderDomainCheck* m_domainCheck = nullptr;
    QString m_checkedFrom; // the From address whose domain is being checked
    std::shared_ptr<std::atomic<bool>> m_queueCancelled;
    QProgressDialog* m_progress = nullptr;
};

} // namespace herald
