#include "TestSendDialog.h"

#include "AttachmentSummary.h"
#include "common/FormFeedback.h"
#include "sending/CampaignLauncher.h"
#include "sending/TestMessageSender.h"
#include "storage/CampaignAttachmentRepository.h"
#include "storage/NonprofitRepository.h"
#include "storage/ProviderRepository.h"
#include "storage/SecretStore.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace herald {

namespace {
// Enough to pick from; the search narrows it.
constexpr int NonprofitChoices = 50;
} // namespace

TestSendDialog::TestSendDialog(Database& database, qint64 campaignId, QWidget* parent)
    : QDialog(parent)
    , m_database(database)
    , m_campaignId(campaignId)
    , m_searchEdit(new QLineEdit(this))
    , m_searchTimer(new QTimer(this))
    , m_nonprofitCombo(new QComboBox(this))
    , m_addressEdit(new QLineEdit(this))
    , m_providerCombo(new QComboBox(this))
    , m_attachmentsLabel(new QLabel(this))
    , m_resultLabel(new QLabel(this))
    , m_sendButton(new QPushButton(tr("&Send Test"), this))
{
    setObjectName(QStringLiteral("testSendDialog"));
    setWindowTitle(tr("Test Send"));
    setStyleSheet(FormFeedback::styleSheet());

    m_searchEdit->setObjectName(QStringLiteral("nonprofitSearchEdit"));
    m_searchEdit->setPlaceholderText(tr("Search nonprofits…"));
    m_searchEdit->setClearButtonEnabled(true);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(250);
    connect(m_searchEdit, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_searchTimer, &QTimer::timeout, this, &TestSendDialog::findNonprofits);
    m_nonprofitCombo->setObjectName(QStringLiteral("nonprofitCombo"));
    m_nonprofitCombo->setToolTip(tr("The message is rendered with this nonprofit's name, city and unsubscribe link."));
    m_addressEdit->setObjectName(QStringLiteral("testAddressEdit"));
    m_addressEdit->setPlaceholderText(tr("you@example.org"));
    m_addressEdit->setMinimumWidth(300);
    m_providerCombo->setObjectName(QStringLiteral("providerCombo"));
    m_attachmentsLabel->setObjectName(QStringLiteral("testAttachmentsLabel"));
    m_attachmentsLabel->setWordWrap(true);
    m_attachmentsLabel->setTextFormat(Qt::PlainText);
    m_resultLabel->setObjectName(QStringLiteral("testResultLabel"));
    m_resultLabel->setWordWrap(true);
    m_resultLabel->setTextFormat(Qt::PlainText);
    m_resultLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_sendButton->setObjectName(QStringLiteral("sendTestButton"));
    m_sendButton->setDefault(true);

    auto* form = new QFormLayout;
    form->addRow(tr("Render &for:"), m_searchEdit);
    form->addRow(QString(), m_nonprofitCombo);
    form->addRow(tr("Send &to:"), m_addressEdit);
    form->addRow(tr("&Provider:"), m_providerCombo);
    form->addRow(tr("Attachments:"), m_attachmentsLabel);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_sendButton, QDialogButtonBox::ActionRole);
    connect(m_sendButton, &QPushButton::clicked, this, &TestSendDialog::send);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(&m_watcher, &QFutureWatcher<Result<DeliveryOutcome>>::finished, this, &TestSendDialog::showResult);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_resultLabel);
    layout->addWidget(buttons);

    findNonprofits();
    loadProviders();
    showAttachments();
}

TestSendDialog::~TestSendDialog()
{
    // The job holds references to the database, not to this dialog; wait so it never outlives the caller's data.
    m_watcher.waitForFinished();
}

void TestSendDialog::findNonprofits()
{
    NonprofitQuery query;
    query.searchText = m_searchEdit->text().trimmed();
    const auto page = NonprofitRepository(m_database).page(query, {}, NonprofitChoices);
    m_nonprofitCombo->clear();
    if (!page) {
        m_resultLabel->setText(page.error().message);
        return;
    }
    for (const Nonprofit& nonprofit : page->rows)
        m_nonprofitCombo->addItem(tr("%1 <%2>").arg(nonprofit.name, nonprofit.email), nonprofit.id);
}

void TestSendDialog::loadProviders()
{
    const auto providers = ProviderRepository(m_database).list();
    if (!providers) {
        m_resultLabel->setText(providers.error().message);
        return;
    }
    for (const Provider& provider : providers.value()) {
        if (provider.enabled)
            m_providerCombo->addItem(tr("%1 (%2:%3)").arg(provider.name, provider.host).arg(provider.port),
                                     provider.id);
    }
    if (m_providerCombo->count() == 0)
        m_resultLabel->setText(tr("No mail provider is set up. Add one under Settings → Providers first."));
}

void TestSendDialog::showAttachments()
{
    const auto attachments = CampaignAttachmentRepository(m_database).list(m_campaignId);
    if (!attachments) {
        m_attachmentsLabel->setText(attachments.error().message);
        return;
    }
    const QList<Attachment>& files = attachments.value();
    QString text = AttachmentSummary::files(files);
    if (!files.isEmpty())
        text += QLatin1Char('\n') + AttachmentSummary::total(files);
    AttachmentSummary::show(m_attachmentsLabel, text, files);
}

void TestSendDialog::send()
{
    if (m_sending)
        return;
    FormFeedback::markInvalid(m_addressEdit, false);
    if (m_nonprofitCombo->currentIndex() < 0 || m_providerCombo->currentIndex() < 0) {
        m_resultLabel->setText(tr("Choose a nonprofit to render the message for and a provider to send it through."));
        return;
    }
    const qint64 nonprofitId = m_nonprofitCombo->currentData().toLongLong();
    const qint64 providerId = m_providerCombo->currentData().toLongLong();
    const QString address = m_addressEdit->text();
    // The keychain is asked here, on the UI thread; the network part runs in the background.
    QString secret;
    if (auto provider = ProviderRepository(m_database).find(providerId); provider && !provider->username.isEmpty()) {
        if (auto stored = SecretStore::instance().read(SecretStore::providerKey(provider->name)))
            secret = stored.value();
    }
    m_sending = true;
    m_sendButton->setEnabled(false);
    m_resultLabel->setText(tr("Sending…"));
    Database& database = m_database;
    const qint64 campaignId = m_campaignId;
    m_watcher.setFuture(QtConcurrent::run([&database, campaignId, nonprofitId, address, providerId, secret] {
        Result<DeliveryOutcome> outcome = [&]() -> Result<DeliveryOutcome> {
            auto campaign = CampaignLauncher(database).prepare(campaignId);
            if (!campaign)
                return campaign.error();
            return TestMessageSender(database).send(campaign.value(), nonprofitId, address, providerId, secret);
        }();
        database.releaseThreadConnection();
        return outcome;
    }));
}

void TestSendDialog::showResult()
{
    m_sending = false;
    m_sendButton->setEnabled(true);
    const Result<DeliveryOutcome> outcome = m_watcher.result();
    if (!outcome) {
        if (outcome.error().field == QLatin1String("address"))
            FormFeedback::markInvalid(m_addressEdit, true);
        m_resultLabel->setText(outcome.error().message);
        return;
    }
    const QString reply = outcome->text.trimmed();
    m_resultLabel->setText(outcome->isSent() ? tr("Sent. The server replied: %1").arg(reply)
                                             : tr("Not sent. The server replied: %1").arg(reply));
}

} // namespace herald
