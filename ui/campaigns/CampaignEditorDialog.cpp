#include "CampaignEditorDialog.h"

#include "ApprovalSection.h"
#include "AttachmentsSection.h"
#include "AudienceSection.h"
#include "ImagesSection.h"
#include "ScheduleSection.h"
#include "SenderIdentityDialog.h"
#include "TestSendDialog.h"
#include "TrackingSection.h"
#include "common/FormFeedback.h"
#include "common/MessageBox.h"
#include "common/PluralCount.h"
#include "common/RoleGate.h"
#include "sending/CampaignLauncher.h"
#include "storage/CampaignRepository.h"
#include "storage/SenderIdentityRepository.h"
#include "storage/TemplateRepository.h"
#include "sync/OfflineMode.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace herald {

CampaignEditorDialog::CampaignEditorDialog(Database& database, const Campaign& campaign, QWidget* parent)
    : QDialog(parent)
    , m_database(database)
    , m_campaign(campaign)
    , m_queueCancelled(std::make_shared<std::atomic<bool>>(false))
{
    setObjectName(QStringLiteral("campaignEditor"));
    setStyleSheet(FormFeedback::styleSheet());
    buildForm();
    loadChoices();
    load(campaign);
    connect(&m_queueWatcher, &QFutureWatcher<Status>::finished, this, &CampaignEditorDialog::queueFinished);
    countAudience();
}

CampaignEditorDialog::~CampaignEditorDialog()
{
    // Queueing uses the database, which outlives this dialog; wait so it is not left running unseen.
    m_queueWatcher.waitForFinished();
}

void CampaignEditorDialog::buildForm()
{
    m_nameEdit = new QLineEdit(this);
    m_nameEdit->setObjectName(QStringLiteral("campaignNameEdit"));
    m_nameEdit->setPlaceholderText(tr("e.g. 2026 gala invitation"));
    m_nameEdit->setMinimumWidth(360);
    connect(m_nameEdit, &QLineEdit::textEdited, this, &CampaignEditorDialog::markDirty);

    m_templateCombo = new QComboBox(this);
    m_templateCombo->setObjectName(QStringLiteral("templateCombo"));
    connect(m_templateCombo, qOverload<int>(&QComboBox::currentIndexChanged), this, &CampaignEditorDialog::markDirty);
    m_images = new ImagesSection(m_database, this);
    connect(m_images, &ImagesSection::changed, this, &CampaignEditorDialog::markDirty);
    connect(m_templateCombo, qOverload<int>(&QComboBox::currentIndexChanged), this,
            [this] { m_images->showTemplate(m_templateCombo->currentData().toLongLong()); });

    m_identityCombo = new QComboBox(this);
    m_identityCombo->setObjectName(QStringLiteral("identityCombo"));
    connect(m_identityCombo, qOverload<int>(&QComboBox::currentIndexChanged), this, &CampaignEditorDialog::markDirty);
    m_newIdentityButton = new QPushButton(tr("&New…"), this);
    m_newIdentityButton->setObjectName(QStringLiteral("newIdentityButton"));
    m_newIdentityButton->setToolTip(tr("Add a sender identity"));
    m_editIdentityButton = new QPushButton(tr("Ed&it…"), this);
    m_editIdentityButton->setObjectName(QStringLiteral("editIdentityButton"));
    m_editIdentityButton->setToolTip(tr("Edit the chosen sender identity"));
    connect(m_newIdentityButton, &QPushButton::clicked, this, &CampaignEditorDialog::addIdentity);
    connect(m_editIdentityButton, &QPushButton::clicked, this, &CampaignEditorDialog::editIdentity);
    auto* identityRow = new QHBoxLayout;
    identityRow->addWidget(m_identityCombo, 1);
    identityRow->addWidget(m_newIdentityButton);
    identityRow->addWidget(m_editIdentityButton);

    m_audience = new AudienceSection(m_database, this);
    connect(m_audience, &AudienceSection::changed, this, [this] {
        markDirty();
        countAudience();
    });

    m_schedule = new ScheduleSection(this);
    connect(m_schedule, &ScheduleSection::modeChanged, this, [this] {
        markDirty();
        updateScheduleControls();
    });
    connect(m_schedule, &ScheduleSection::timeChanged, this, &CampaignEditorDialog::markDirty);

    m_unknownPolicyCombo = new QComboBox(this);
    m_unknownPolicyCombo->setObjectName(QStringLiteral("unknownPolicyCombo"));
    m_unknownPolicyCombo->addItem(tr("Ask me"), int(UnknownPolicy::Ask));
    m_unknownPolicyCombo->addItem(tr("Send them again"), int(UnknownPolicy::Resend));
    m_unknownPolicyCombo->addItem(tr("Count them as sent"), int(UnknownPolicy::MarkSent));
    m_unknownPolicyCombo->setToolTip(tr("When Herald stops in the middle of handing a message to the server, it "
                                        "cannot know whether that message went out."));
    connect(m_unknownPolicyCombo, qOverload<int>(&QComboBox::currentIndexChanged), this,
            &CampaignEditorDialog::markDirty);

    m_tracking = new TrackingSection(m_database, this);
    connect(m_tracking, &TrackingSection::changed, this, &CampaignEditorDialog::markDirty);
    connect(m_audience, &AudienceSection::lastCountChanged, this,
            [this] { m_tracking->showAudience(m_audience->lastCount()); });

    m_attachments = new AttachmentsSection(m_database, this);
    connect(m_attachments, &AttachmentsSection::changed, this, &CampaignEditorDialog::markDirty);

    m_approval = new ApprovalSection(m_database, this);
    connect(m_approval, &ApprovalSection::approveRequested, this, &CampaignEditorDialog::approve);
    connect(m_audience, &AudienceSection::lastCountChanged, this, [this] {
        m_approval->showRecipients(m_audience->lastCount() ? m_audience->lastCount()->recipients : -1);
    });

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("campaignStatusLabel"));
    m_statusLabel->setWordWrap(true);
    m_errorLabel = FormFeedback::createErrorLabel(QStringLiteral("errorLabel"), this);

    m_fields = {{QStringLiteral("name"), m_nameEdit},
                {QStringLiteral("template_id"), m_templateCombo},
                {QStringLiteral("subject"), m_templateCombo},
                {QStringLiteral("sender_identity_id"), m_identityCombo},
                {QStringLiteral("from_name"), m_identityCombo},
                {QStringLiteral("from_email"), m_identityCombo},
                {QStringLiteral("reply_to"), m_identityCombo},
                {QStringLiteral("postal_address"), m_identityCombo},
                {QStringLiteral("unsubscribe_base_url"), m_identityCombo},
                {QStringLiteral("audience"), m_audience->combo()},
                {QStringLiteral("scheduled_at"), m_schedule->timeEdit()},
                {QStringLiteral("tracking"), m_tracking->combo()},
                {QStringLiteral("image_mode"), m_images->combo()}};

    auto* form = new QFormLayout;
    form->addRow(tr("&Name:"), m_nameEdit);
    form->addRow(tr("&Template:"), m_templateCombo);
    auto* fromLabel = new QLabel(tr("&From:"), this);
    fromLabel->setBuddy(m_identityCombo); // a row holding a layout gets no buddy by itself
    form->addRow(fromLabel, identityRow);
    form->addRow(tr("A&udience:"), m_audience->combo());
    form->addRow(QString(), m_audience->countLabel());
    form->addRow(tr("Send:"), m_schedule->row());
    form->addRow(tr("&Unknown outcomes:"), m_unknownPolicyCombo);
    form->addRow(tr("&Opens and clicks:"), m_tracking->combo());
    form->addRow(QString(), m_tracking->hintLabel());
    form->addRow(tr("I&mages:"), m_images->combo());
    form->addRow(QString(), m_images->hintLabel());
    form->addRow(tr("Attac&hments:"), m_attachments);

    m_testSendButton = new QPushButton(tr("&Test Send…"), this);
    m_testSendButton->setObjectName(QStringLiteral("testSendButton"));
    m_testSendButton->setToolTip(tr("Send the rendered message once to an address of yours"));
    m_saveButton = new QPushButton(tr("&Save Draft"), this);
    m_saveButton->setObjectName(QStringLiteral("saveDraftButton"));
    m_saveButton->setShortcut(QKeySequence::Save);
    m_queueButton = new QPushButton(this);
    m_queueButton->setObjectName(QStringLiteral("queueButton"));
    m_queueButton->setDefault(true);
    auto* closeButton = new QPushButton(tr("Close"), this);
    closeButton->setObjectName(QStringLiteral("closeButton"));
    // Queueing and test sends need the server's queue and providers.
    OfflineMode::guard(m_testSendButton);
    OfflineMode::guard(m_queueButton);
    connect(m_testSendButton, &QPushButton::clicked, this, &CampaignEditorDialog::openTestSend);
    connect(m_saveButton, &QPushButton::clicked, this, &CampaignEditorDialog::saveDraft);
    connect(m_queueButton, &QPushButton::clicked, this, &CampaignEditorDialog::queue);
    m_unscheduleButton = new QPushButton(tr("&Unschedule"), this);
    m_unscheduleButton->setObjectName(QStringLiteral("unscheduleButton"));
    m_unscheduleButton->setToolTip(tr("Make the campaign a draft again; nothing has been queued yet"));
    connect(m_unscheduleButton, &QPushButton::clicked, this, &CampaignEditorDialog::unschedule);
    connect(closeButton, &QPushButton::clicked, this, &CampaignEditorDialog::reject);
    RoleGate::require(SessionRole::Right::EditContent, { m_saveButton, m_newIdentityButton, m_editIdentityButton });
    RoleGate::require(SessionRole::Right::Send, { m_testSendButton, m_queueButton, m_unscheduleButton });
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_testSendButton);
    buttons->addStretch(1);
    buttons->addWidget(m_saveButton);
    buttons->addWidget(m_unscheduleButton);
    buttons->addWidget(m_queueButton);
    buttons->addWidget(closeButton);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_approval);
    layout->addWidget(m_statusLabel);
    layout->addWidget(m_errorLabel);
    layout->addStretch(1);
    layout->addLayout(buttons);
}

void CampaignEditorDialog::loadChoices()
{
    // Templates and identities are a handful of rows each.
    m_loading = true;
    if (const auto templates = TemplateRepository(m_database).list()) {
        for (const Template& messageTemplate : templates.value())
            m_templateCombo->addItem(tr("%1 (version %2)").arg(messageTemplate.name).arg(messageTemplate.version),
                                     messageTemplate.id);
    } else {
        showError(templates.error());
    }
    if (const Status segments = m_audience->loadChoices(); !segments)
        showError(segments.error());
    m_loading = false;
    reloadIdentities(m_campaign.senderIdentityId);
}

void CampaignEditorDialog::reloadIdentities(qint64 selectId)
{
    const bool wasLoading = m_loading;
    m_loading = true;
    m_identityCombo->clear();
    if (const auto identities = SenderIdentityRepository(m_database).list()) {
        for (const SenderIdentity& identity : identities.value())
            m_identityCombo->addItem(tr("%1 — %2 <%3>").arg(identity.name, identity.fromName, identity.fromEmail),
                                     identity.id);
    } else {
        showError(identities.error());
    }
    if (m_identityCombo->count() == 0)
        m_identityCombo->setPlaceholderText(tr("No sender identity yet: press New…"));
    const int index = m_identityCombo->findData(selectId);
    m_identityCombo->setCurrentIndex(index >= 0 ? index : (selectId > 0 ? -1 : m_identityCombo->currentIndex()));
    m_editIdentityButton->setEnabled(m_identityCombo->currentIndex() >= 0);
    m_loading = wasLoading;
}

void CampaignEditorDialog::load(const Campaign& campaign)
{
    m_loading = true;
    setWindowTitle(campaign.id == 0 ? tr("New Campaign") : tr("Campaign %1").arg(campaign.name));
    m_nameEdit->setText(campaign.name);
    m_templateCombo->setCurrentIndex(campaign.templateId > 0 ? m_templateCombo->findData(campaign.templateId)
                                                             : m_templateCombo->currentIndex());
    const int identity = m_identityCombo->findData(campaign.senderIdentityId);
    if (identity >= 0)
        m_identityCombo->setCurrentIndex(identity);
    m_audience->select(campaign.segmentId);
    m_schedule->load(campaign.scheduledAt);
    m_unknownPolicyCombo->setCurrentIndex(m_unknownPolicyCombo->findData(int(campaign.unknownPolicy)));
    if (const Status tracking = m_tracking->load(campaign); !tracking)
        showError(tracking.error());
    if (const Status images = m_images->load(campaign); !images)
        showError(images.error());
    m_images->showTemplate(m_templateCombo->currentData().toLongLong());
    if (const Status attachments = m_attachments->load(campaign.id); !attachments)
        showError(attachments.error());
    if (const Status approval = m_approval->load(campaign); !approval)
        showError(approval.error());

    const bool editable = isEditable();
    m_attachments->setEditable(editable);
    for (QWidget* field : std::initializer_list<QWidget*>{m_nameEdit, m_templateCombo, m_identityCombo,
                                                          m_audience->combo(), m_schedule->sendNowRadio(),
                                                          m_schedule->scheduleRadio(), m_unknownPolicyCombo,
                                                          m_tracking->combo(), m_images->combo()})
        field->setEnabled(editable);
    m_saveButton->setEnabled(editable);
    m_queueButton->setEnabled(editable);
    m_unscheduleButton->setVisible(campaign.status == CampaignStatus::Scheduled);
    m_statusLabel->setText(editable ? QString()
                                    : tr("This campaign is %1; only drafts can be changed or queued.")
                                          .arg(toString(campaign.status)));
    m_statusLabel->setVisible(!editable);
    updateScheduleControls();
    m_loading = false;
    m_dirty = false;
}

void CampaignEditorDialog::updateScheduleControls()
{
    const bool scheduled = m_schedule->isScheduled();
    m_schedule->updateTimeEdit(isEditable());
    m_queueButton->setText(scheduled ? tr("S&chedule") : tr("Send &Now"));
    m_queueButton->setToolTip(scheduled ? tr("Queue the campaign to start at the chosen time")
                                        : tr("Queue the campaign now; the Sending page shows its progress"));
}

Campaign CampaignEditorDialog::collect() const
{
    Campaign campaign = m_campaign;
    campaign.name = m_nameEdit->text();
    campaign.templateId = m_templateCombo->currentIndex() >= 0 ? m_templateCombo->currentData().toLongLong() : 0;
    campaign.senderIdentityId = m_identityCombo->currentIndex() >= 0 ? m_identityCombo->currentData().toLongLong() : 0;
    campaign.segmentId = m_audience->segmentId();
    campaign.audience = Campaign::audienceFor(campaign.segmentId);
    campaign.scheduledAt = m_schedule->isScheduled() ? m_schedule->at() : QDateTime();
    campaign.unknownPolicy = UnknownPolicy(m_unknownPolicyCombo->currentData().toInt());
    campaign.tracking = m_tracking->tracking();
    campaign.imageMode = m_images->imageMode();
    return campaign;
}

void CampaignEditorDialog::markDirty()
{
    if (!m_loading)
        m_dirty = true;
    m_editIdentityButton->setEnabled(m_identityCombo->currentIndex() >= 0);
    if (!m_loading)
        m_approval->showOnScreen(collect());
}

void CampaignEditorDialog::approve()
{
    clearErrors();
    if (m_dirty && !saveDraft())
        return; // the approval is of what is stored
    const auto& lastCount = m_audience->lastCount();
    if (const Status approved = m_approval->approve(lastCount ? lastCount->recipients : -1); !approved)
        showError(approved.error());
    emit campaignSaved(m_campaign.id);
}

void CampaignEditorDialog::countAudience()
{
    if (!m_loading)
        m_audience->count();
}

void CampaignEditorDialog::clearErrors()
{
    FormFeedback::clearError(m_errorLabel);
    for (QWidget* field : std::as_const(m_fields))
        FormFeedback::markInvalid(field, false);
}

void CampaignEditorDialog::showError(const Error& error)
{
    FormFeedback::showError(m_errorLabel, error.message);
    if (QWidget* field = m_fields.value(error.field)) {
        FormFeedback::markInvalid(field, true);
        field->setFocus();
    }
}

bool CampaignEditorDialog::saveDraft()
{
    if (!isEditable())
        return true; // nothing of it can change
    clearErrors();
    Campaign campaign = collect();
    CampaignRepository repository(m_database);
    const Status saved = campaign.id == 0 ? repository.insert(campaign) : repository.update(campaign);
    if (!saved) {
        showError(saved.error());
        return false;
    }
    m_campaign = campaign;
    const Status attached = m_attachments->save(campaign.id); // kept pending until the campaign had an id
    if (!attached)
        showError(attached.error());
    m_dirty = !attached;
    if (const Status approval = m_approval->load(m_campaign); !approval) // a change may have withdrawn it
        showError(approval.error());
    setWindowTitle(tr("Campaign %1").arg(campaign.name));
    emit campaignSaved(campaign.id);
    return attached.ok();
}

void CampaignEditorDialog::addIdentity()
{
    auto* dialog = new SenderIdentityDialog(m_database, SenderIdentity(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        reloadIdentities(dialog->identity().id);
        markDirty();
        clearErrors(); // the missing identity the last error named is there now
    });
    dialog->open();
}

void CampaignEditorDialog::editIdentity()
{
    if (m_identityCombo->currentIndex() < 0)
        return;
    const auto identity = SenderIdentityRepository(m_database).find(m_identityCombo->currentData().toLongLong());
    if (!identity) {
        showError(identity.error());
        return;
    }
    auto* dialog = new SenderIdentityDialog(m_database, identity.value(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { reloadIdentities(dialog->identity().id); });
    dialog->open();
}

void CampaignEditorDialog::openTestSend()
{
    // The test renders what is stored, so store what is on screen first.
    if (!saveDraft())
        return;
    auto* dialog = new TestSendDialog(m_database, m_campaign.id, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void CampaignEditorDialog::queue()
{
    if (m_queueWatcher.isRunning() || isCheckingDomain() || !saveDraft())
        return;
    // Checked here first (template, identity, audience), so a problem is named before anything is asked.
    auto prepared = CampaignLauncher(m_database).prepare(m_campaign.id);
    if (!prepared) {
        showError(prepared.error());
        return;
    }
    // A bulk campaign from a domain without SPF, DKIM or DMARC lands in spam or is refused: say so first (a
    // warning, not a block). The answer comes back in domainChecked().
    const auto target = m_audience->lastCount()
        ? SenderDomainCheck::targetBeforeQueueing(m_database, prepared->fromEmail, m_audience->lastCount()->recipients)
        : std::nullopt;
    if (target) {
        if (!m_domainCheck) {
            m_domainCheck = new SenderDomainCheck(this);
            connect(m_domainCheck, &SenderDomainCheck::finished, this, &CampaignEditorDialog::domainChecked);
        }
        m_checkedFrom = prepared->fromEmail;
        m_queueButton->setEnabled(false);
        m_queueButton->setText(tr("Checking %1…").arg(target->domain));
        m_domainCheck->start({target.value()});
        return;
    }
    confirmAndQueue();
}

bool CampaignEditorDialog::isCounting() const { return m_audience->isCounting(); }

bool CampaignEditorDialog::isCheckingDomain() const { return m_domainCheck && m_domainCheck->isRunning(); }

void CampaignEditorDialog::domainChecked(const QList<DomainCheckReport>& reports)
{
    updateScheduleControls(); // the queue button's own text and state again
    m_queueButton->setEnabled(isEditable());
    if (!reports.isEmpty() && !reports.first().allPass()) {
        const DomainCheckReport& report = reports.first();
        const auto& lastCount = m_audience->lastCount();
        const auto answer = MessageBox::warning(
            this, tr("Sender Domain Not Ready"),
            tr("“%1” goes to %2 recipients from %3, but the DNS records of %4 are not ready: %5.\n\nGmail and Yahoo "
               "refuse or junk bulk mail without SPF, DKIM and DMARC. Settings → Sender domains shows what to publish.")
                .arg(m_campaign.name, QLocale().toString(lastCount ? lastCount->recipients : 0), m_checkedFrom,
                     report.domain, report.problemSummary()),
            MessageBox::Buttons(QMessageBox::Yes | QMessageBox::No), QMessageBox::No,
            {{QMessageBox::Yes, tr("Queue Anyway")}, {QMessageBox::No, tr("Not Yet")}});
        if (answer != QMessageBox::Yes)
            return;
    }
    confirmAndQueue();
}

void CampaignEditorDialog::confirmAndQueue()
{
    const bool scheduled = m_schedule->isScheduled();
    const QDateTime at = m_schedule->at();
    const auto& lastCount = m_audience->lastCount();
    if (!scheduled) {
        const auto answer = MessageBox::question(
            this, tr("Send Campaign"),
            lastCount ? tr("Send “%1” now to %Ln recipient(s)?", nullptr, pluralCount(lastCount->recipients))
                              .arg(m_campaign.name)
                        : tr("Send “%1” now to %2?").arg(m_campaign.name, m_audience->text()),
            MessageBox::Buttons(QMessageBox::Yes | QMessageBox::No), QMessageBox::No,
            {{QMessageBox::Yes, tr("Send Now")}, {QMessageBox::No, tr("Not Yet")}});
        if (answer != QMessageBox::Yes)
            return;
    }

    m_queueCancelled->store(false);
    m_progress = new QProgressDialog(scheduled ? tr("Scheduling “%1”…").arg(m_campaign.name)
                                               : tr("Queueing “%1” for its audience…").arg(m_campaign.name),
                                     tr("Cancel"), 0, 0, this);
    m_progress->setObjectName(QStringLiteral("queueProgress"));
    m_progress->setWindowTitle(tr("Queueing"));
    m_progress->setMinimumDuration(0);
    m_progress->setAttribute(Qt::WA_DeleteOnClose);
    const auto cancelled = m_queueCancelled;
    connect(m_progress, &QProgressDialog::canceled, this, [cancelled] { cancelled->store(true); });
    m_progress->open();
    m_queueButton->setEnabled(false);

    Database& database = m_database;
    const qint64 id = m_campaign.id;
    m_queueWatcher.setFuture(QtConcurrent::run([&database, id, scheduled, at, cancelled]() -> Status {
        CampaignLauncher launcher(database);
        const auto isCancelled = [cancelled] { return cancelled->load(); };
        Status done;
        if (scheduled) {
            done = launcher.schedule(id, at, isCancelled);
        } else if (auto queued = launcher.sendNow(id, isCancelled); !queued) {
            done = queued.error();
        }
        database.releaseThreadConnection();
        return done;
    }));
}

void CampaignEditorDialog::queueFinished()
{
    if (m_progress) {
        m_progress->close();
        m_progress = nullptr;
    }
    const Status done = m_queueWatcher.result();
    if (auto stored = CampaignRepository(m_database).find(m_campaign.id))
        m_campaign = stored.value();
    emit campaignSaved(m_campaign.id);
    if (!done) {
        m_queueButton->setEnabled(isEditable());
        showError(done.error());
        return;
    }
    m_dirty = false;
    QDialog::accept();
}

void CampaignEditorDialog::unschedule()
{
    clearErrors();
    CampaignRepository repository(m_database);
    if (auto moved = repository.setStatus(m_campaign.id, CampaignStatus::Scheduled, CampaignStatus::Draft); !moved) {
        showError(moved.error());
        return;
    }
    auto stored = repository.find(m_campaign.id);
    if (!stored) {
        showError(stored.error());
        return;
    }
    m_campaign = stored.value();
    load(m_campaign);
    emit campaignSaved(m_campaign.id);
}

void CampaignEditorDialog::reject()
{
    if (m_queueWatcher.isRunning())
        return; // the progress dialog's Cancel stops it
    if (m_dirty && isEditable()) {
        const auto answer = MessageBox::question(
            this, tr("Unsaved Changes"), tr("Save the changes to “%1” before closing?").arg(m_nameEdit->text()),
            MessageBox::Buttons(QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel), QMessageBox::Save);
        if (answer == QMessageBox::Cancel)
            return;
        if (answer == QMessageBox::Save && !saveDraft())
            return;
    }
    QDialog::reject();
}

} // namespace herald
