#include "TemplatePreview.h"

#include "PhonePreview.h"
#include "PreviewBrowser.h"
#include "SideBySidePreview.h"
#include "compose/CampaignMessageComposer.h"
#include "compose/RenderContext.h"
#include "compose/UnsubscribeToken.h"
#include "storage/AppSettingsRepository.h"
#include "storage/NonprofitRepository.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace herald {

namespace {
constexpr int RenderDelayMs = 150;
constexpr int SearchDelayMs = 250;
constexpr int NonprofitChoices = 50;

// Rendered for when the database has no nonprofit yet; its name says what it is.
Nonprofit sampleNonprofit()
{
    Nonprofit sample;
    sample.name = TemplatePreview::tr("Sample Nonprofit (no nonprofits yet)");
    sample.email = QStringLiteral("sample.nonprofit@example.org");
    sample.city = TemplatePreview::tr("Sampletown");
    return sample;
}
} // namespace

TemplatePreview::TemplatePreview(Database& database, QWidget* parent)
    : QWidget(parent)
    , m_database(database)
    , m_searchEdit(new QLineEdit(this))
    , m_nonprofitCombo(new QComboBox(this))
    , m_senderLabel(new QLabel(this))
    , m_subjectView(new QLineEdit(this))
    , m_tabs(new QTabWidget(this))
    , m_htmlView(new PreviewBrowser(this))
    , m_phoneView(new PhonePreview(QStringLiteral("previewPhone"), this))
    , m_textView(new QPlainTextEdit(this))
    , m_sideBySideButton(new QPushButton(tr("Side &by side…"), this))
    , m_statusLabel(new QLabel(this))
    , m_renderTimer(new QTimer(this))
    , m_searchTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("templatePreview"));
    m_searchEdit->setObjectName(QStringLiteral("previewSearchEdit"));
    m_searchEdit->setPlaceholderText(tr("Search nonprofits by name, email, EIN or city"));
    m_searchEdit->setClearButtonEnabled(true);
    m_nonprofitCombo->setObjectName(QStringLiteral("previewNonprofitCombo"));
    m_nonprofitCombo->setMinimumContentsLength(12);
    m_nonprofitCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_senderLabel->setObjectName(QStringLiteral("previewSenderLabel"));
    m_senderLabel->setWordWrap(true);
    m_senderLabel->setTextFormat(Qt::PlainText);
    m_subjectView->setObjectName(QStringLiteral("previewSubject"));
    m_subjectView->setReadOnly(true);
    m_htmlView->setObjectName(QStringLiteral("previewHtml"));
    m_htmlView->setMediaLibrary(&database); // the template's media: images, from the library
    m_textView->setObjectName(QStringLiteral("previewText"));
    m_textView->setReadOnly(true);
    m_tabs->setObjectName(QStringLiteral("previewTabs"));
    m_tabs->addTab(m_htmlView, tr("Des&ktop"));
    m_tabs->addTab(m_phoneView, tr("Ph&one"));
    m_tabs->addTab(m_textView, tr("Plain &text"));
    m_sideBySideButton->setObjectName(QStringLiteral("sideBySideButton"));
    m_sideBySideButton->setToolTip(tr("Desktop, phone and plain text side by side in a window of their own"));
    connect(m_sideBySideButton, &QPushButton::clicked, this, &TemplatePreview::showSideBySide);
    m_statusLabel->setObjectName(QStringLiteral("previewStatus"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextFormat(Qt::PlainText);

    auto* form = new QFormLayout;
    form->addRow(tr("Preview &for:"), m_searchEdit);
    form->addRow(QString(), m_nonprofitCombo);
    form->addRow(tr("Subject:"), m_subjectView);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(m_senderLabel);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_statusLabel);
    layout->addWidget(m_sideBySideButton, 0, Qt::AlignRight); // a row of its own: the column stays narrow

    m_renderTimer->setSingleShot(true);
    m_renderTimer->setInterval(RenderDelayMs);
    connect(m_renderTimer, &QTimer::timeout, this, &TemplatePreview::render);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(SearchDelayMs);
    connect(m_searchTimer, &QTimer::timeout, this, &TemplatePreview::searchNonprofits);
    connect(m_searchEdit, &QLineEdit::textEdited, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_searchEdit, &QLineEdit::returnPressed, this, &TemplatePreview::searchNonprofits);
    connect(m_nonprofitCombo, &QComboBox::currentIndexChanged, this, &TemplatePreview::render);

    reload();
}

void TemplatePreview::reload()
{
    auto sender = PreviewSender::load(m_database);
    m_sender = sender ? sender.value() : PreviewSender::sample();
    m_senderLabel->setText(m_sender.isSample()
                               ? tr("Sender: sample values (no sender identity yet); the unsubscribe link is a "
                                    "real signed link on a sample address.")
                               : tr("Sender: identity '%1' (%2).").arg(m_sender.identityName, m_sender.fromEmail));
    auto secret = AppSettingsRepository(m_database).unsubscribeSecret();
    m_secret = secret ? secret.value() : QByteArray();
    if (!secret)
        showProblem(secret.error().message);
    searchNonprofits();
}

void TemplatePreview::searchNonprofits()
{
    m_searchTimer->stop();
    NonprofitQuery query;
    query.searchText = m_searchEdit->text().trimmed();
    auto page = NonprofitRepository(m_database).page(query, NonprofitCursor(), NonprofitChoices);
    const qint64 selected = m_nonprofits.value(m_nonprofitCombo->currentIndex()).id;
    m_nonprofits = page ? page->rows : QList<Nonprofit>();
    {
        const QSignalBlocker blocker(m_nonprofitCombo);
        m_nonprofitCombo->clear();
        int keep = 0;
        for (const Nonprofit& nonprofit : std::as_const(m_nonprofits)) {
            if (nonprofit.id == selected)
                keep = m_nonprofitCombo->count();
            m_nonprofitCombo->addItem(QStringLiteral("%1 <%2>").arg(nonprofit.name, nonprofit.email));
        }
        if (m_nonprofits.isEmpty())
            m_nonprofitCombo->addItem(query.searchText.isEmpty() ? sampleNonprofit().name
                                                                 : tr("No nonprofit matches; showing a sample"));
        m_nonprofitCombo->setCurrentIndex(keep);
    }
    if (!page)
        showProblem(page.error().message);
    else
        render();
}

Nonprofit TemplatePreview::currentNonprofit() const
{
    const int index = m_nonprofitCombo->currentIndex();
    return index >= 0 && index < m_nonprofits.size() ? m_nonprofits.at(index) : sampleNonprofit();
}

void TemplatePreview::setTemplate(const Template& messageTemplate)
{
    m_template = messageTemplate;
    m_renderTimer->start();
}

void TemplatePreview::renderNow()
{
    render();
}

void TemplatePreview::showProblem(const QString& message)
{
    m_statusLabel->setText(message);
    m_statusLabel->setStyleSheet(QStringLiteral("QLabel { color: #b3261e; }"));
}

void TemplatePreview::render()
{
    m_renderTimer->stop();
    Campaign campaign = m_sender.campaign();
    campaign.subject = m_template.subject;
    campaign.htmlBody = m_template.htmlBody;
    campaign.textBody = m_template.textBody;
    // The links as written: a preview is no message, and shows where each link leads.
    const CampaignMessageComposer composer(campaign, m_secret, CampaignMessageComposer::Links::Original);
    auto message = composer.compose(0, currentNonprofit());
    emit fieldValuesChanged(RenderContext::forRecipient(currentNonprofit(), campaign,
                                                        message ? message->parts.unsubscribeUrl : QString(),
                                                        QDate::currentDate())
                                .values());
    if (!message) {
        showProblem(tr("Cannot render: %1").arg(message.error().message));
        return;
    }
    const MessageSpec& parts = message->parts;
    m_subjectView->setText(parts.subject);
    m_subjectView->setCursorPosition(0);
    m_htmlView->showHtml(parts.htmlBody);
    m_phoneView->showHtml(parts.htmlBody);
    m_textView->setPlainText(parts.textBody);
    m_tabs->setTabEnabled(0, !parts.htmlBody.isEmpty());
    m_tabs->setTabEnabled(1, !parts.htmlBody.isEmpty());
    m_tabs->setTabEnabled(2, !parts.textBody.isEmpty());
    m_rendered = parts;
    if (m_sideBySide && m_sideBySide->isVisible())
        m_sideBySide->showMessage(parts, currentNonprofit().name);
    const int refused = m_htmlView->refusedCount();
    m_statusLabel->setStyleSheet(QString());
    m_statusLabel->setText(refused > 0 ? tr("%n remote resource(s) not loaded: previews never reach the network.",
                                            nullptr, refused)
                                       : tr("Rendered for %1 as it will be sent.").arg(currentNonprofit().name));
}

void TemplatePreview::showSideBySide()
{
    if (!m_sideBySide) {
        m_sideBySide = new SideBySidePreview(this);
        m_sideBySide->resize(window()->size()); // the three panes want the room of the main window
    }
    m_sideBySide->showMessage(m_rendered, currentNonprofit().name);
    m_sideBySide->show();
    m_sideBySide->raise();
    m_sideBySide->activateWindow();
}

} // namespace herald
