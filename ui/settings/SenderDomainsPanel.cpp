#include "SenderDomainsPanel.h"

#include "common/MessageBox.h"
#include "common/RoleGate.h"
#include "deliverability/DkimKeyring.h"
#include "storage/SecretStore.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace herald {

namespace {
constexpr int DomainRole = Qt::UserRole;
enum DomainColumn { DomainColumn, SelectorColumn, KeyColumn, DnsColumn };
enum CheckColumn { RecordColumn, ResultColumn, NameColumn, PublishColumn };

QColor stateColor(DnsRecordCheck::State state)
{
    switch (state) {
    case DnsRecordCheck::State::Pass:
        return QColor(0x1b, 0x7f, 0x3b);
    case DnsRecordCheck::State::Missing:
        return QColor(0xb2, 0x6a, 0x00);
    case DnsRecordCheck::State::Wrong:
    case DnsRecordCheck::State::Failed:
        return QColor(0xb0, 0x1c, 0x1c);
    }
    return {};
}

// `name  TXT "value"`: what a DNS zone file or a registrar's form takes.
QString zoneLine(const QString& name, const QString& value)
{
    return QStringLiteral("%1  TXT \"%2\"").arg(name, value);
}
} // namespace

SenderDomainsPanel::SenderDomainsPanel(Database& database, QWidget* parent)
    : QWidget(parent)
    , m_database(database)
    , m_check(new SenderDomainCheck(this))
    , m_generator(new QFutureWatcher<Result<DkimKeyPair>>(this))
    , m_domainList(new QTreeWidget(this))
    , m_selectorEdit(new QLineEdit(this))
    , m_generateButton(new QPushButton(tr("&Generate DKIM key"), this))
    , m_generateEd25519Button(new QPushButton(tr("Add &Ed25519 key"), this))
    , m_importButton(new QPushButton(tr("&Import key…"), this))
    , m_recordEdit(new QPlainTextEdit(this))
    , m_copyButton(new QPushButton(tr("&Copy record"), this))
    , m_checkButton(new QPushButton(tr("Check &DNS"), this))
    , m_checkTree(new QTreeWidget(this))
    , m_noteLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("senderDomainsPanel"));
    auto* title = new QLabel(tr("<b>Sender domains</b>"), this);
    auto* intro = new QLabel(tr("Herald signs the mail of each domain your sender identities use with its DKIM key "
                                "(the private key stays in the system keychain). Publish the TXT record below at your "
                                "DNS host, then check that SPF, DKIM and DMARC pass: Gmail and Yahoo require all three "
                                "from bulk senders."),
                             this);
    intro->setWordWrap(true);

    m_domainList->setObjectName(QStringLiteral("senderDomainList"));
    m_domainList->setRootIsDecorated(false);
    m_domainList->setUniformRowHeights(true);
    m_domainList->setAlternatingRowColors(true);
    m_domainList->setMaximumHeight(130);
    m_domainList->setHeaderLabels({tr("Domain"), tr("Selector"), tr("DKIM key"), tr("DNS")});
    m_domainList->header()->setStretchLastSection(true);
    m_domainList->setColumnWidth(DomainColumn, 200);
    m_domainList->setColumnWidth(SelectorColumn, 140);
    m_domainList->setColumnWidth(KeyColumn, 340); // "RSA + Ed25519, kept until Herald closes" in French too
    connect(m_domainList, &QTreeWidget::itemSelectionChanged, this, &SenderDomainsPanel::updateSelection);

    m_selectorEdit->setObjectName(QStringLiteral("selectorEdit"));
    m_selectorEdit->setToolTip(tr("The name of the DNS record: <selector>._domainkey.<domain>. A new key gets a new "
                                  "selector, so mail signed with the old key still verifies while it is delivered."));
    m_selectorEdit->setMaximumWidth(180);
    m_generateButton->setObjectName(QStringLiteral("generateKeyButton"));
    m_importButton->setObjectName(QStringLiteral("importKeyButton"));
    m_importButton->setToolTip(tr("A private RSA or Ed25519 key in PEM form (from opendkim-genkey, openssl or your mail "
                                  "provider); an Ed25519 key goes beside the domain's RSA key"));
    m_generateEd25519Button->setObjectName(QStringLiteral("generateEd25519KeyButton"));
    m_generateEd25519Button->setToolTip(tr("A second, Ed25519 key (RFC 8463) beside the RSA key, with a record of its "
                                           "own: mail carries both signatures, and receivers that do not know Ed25519 "
                                           "check the RSA one"));
    connect(m_generateButton, &QPushButton::clicked, this, &SenderDomainsPanel::generateKey);
    connect(m_generateEd25519Button, &QPushButton::clicked, this, &SenderDomainsPanel::generateEd25519Key);
    connect(m_importButton, &QPushButton::clicked, this, &SenderDomainsPanel::chooseKeyFile);
    RoleGate::require(SessionRole::Right::Administer, { m_generateButton, m_importButton });
    connect(m_generator, &QFutureWatcherBase::finished, this, [this] {
        const QString domain = std::exchange(m_generatingFor, QString());
        const Result<DkimKeyPair> generated = m_generator->result();
        updateSelection();
        if (!generated)
            return setNote(generated.error().message, true);
        storeKey(domain, generated.value());
    });

    m_recordEdit->setObjectName(QStringLiteral("dkimRecordEdit"));
    m_recordEdit->setReadOnly(true);
    m_recordEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_recordEdit->setMaximumHeight(96);
    m_recordEdit->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_recordEdit->setWordWrapMode(QTextOption::WrapAnywhere);
    m_copyButton->setObjectName(QStringLiteral("copyRecordButton"));
    connect(m_copyButton, &QPushButton::clicked, this, &SenderDomainsPanel::copyRecord);

    m_checkButton->setObjectName(QStringLiteral("checkDnsButton"));
    m_checkButton->setToolTip(tr("Look up the SPF, DKIM and DMARC records of every sender domain"));
    connect(m_checkButton, &QPushButton::clicked, this, &SenderDomainsPanel::checkDns);
    connect(m_check, &SenderDomainCheck::finished, this, &SenderDomainsPanel::showChecks);

    m_checkTree->setObjectName(QStringLiteral("domainCheckTree"));
    m_checkTree->setUniformRowHeights(true);
    m_checkTree->setHeaderLabels({tr("Domain / record"), tr("Result"), tr("DNS name"), tr("Found, or the record to publish")});
    m_checkTree->setColumnWidth(RecordColumn, 190);
    m_checkTree->setColumnWidth(ResultColumn, 100);
    m_checkTree->setColumnWidth(NameColumn, 260);
    m_checkTree->setMinimumHeight(150);
    m_checkTree->hide(); // until a check ran

    m_noteLabel->setObjectName(QStringLiteral("senderDomainNote"));
    m_noteLabel->setWordWrap(true);
    m_noteLabel->setTextFormat(Qt::PlainText);
    m_noteLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* keyRow = new QHBoxLayout;
    keyRow->addWidget(new QLabel(tr("Selector:"), this));
    keyRow->addWidget(m_selectorEdit);
    keyRow->addWidget(m_generateButton);
    keyRow->addWidget(m_generateEd25519Button);
    keyRow->addWidget(m_importButton);
    keyRow->addStretch(1);
    keyRow->addWidget(m_checkButton);
    auto* recordRow = new QHBoxLayout;
    recordRow->addWidget(m_recordEdit, 1);
    recordRow->addWidget(m_copyButton, 0, Qt::AlignTop);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(intro);
    layout->addWidget(m_domainList);
    layout->addLayout(keyRow);
    layout->addWidget(new QLabel(tr("DNS record to publish:"), this));
    layout->addLayout(recordRow);
    layout->addWidget(m_checkTree, 1);
    layout->addWidget(m_noteLabel);

    reload();
}

void SenderDomainsPanel::reload()
{
    const QString keep = selectedDomain();
    auto domains = SenderDomainCheck::senderDomains(m_database);
    if (!domains) {
        setNote(domains.error().message, true);
        return;
    }
    m_domains = domains.value();
    m_domainList->clear();
    // Without a keychain a stored key lives in memory only: the list must not claim otherwise.
    const bool keychain = SecretStore::instance().isKeychainAvailable();
    const QString keyPlace = keychain ? tr("RSA, in the keychain") : tr("RSA, kept until Herald closes");
    const QString bothPlace = keychain ? tr("RSA + Ed25519, in the keychain") : tr("RSA + Ed25519, kept until Herald closes");
    for (const SenderDomainCheck::Target& target : std::as_const(m_domains)) {
        auto* item = new QTreeWidgetItem(m_domainList);
        item->setText(DomainColumn, target.domain);
        item->setData(DomainColumn, DomainRole, target.domain);
        item->setText(SelectorColumn, target.selector.isEmpty() ? tr("—") : target.selector);
        item->setText(KeyColumn, target.publicKey.isEmpty()             ? tr("none: mail goes out unsigned")
                                     : target.ed25519PublicKey.isEmpty() ? keyPlace
                                                                         : bothPlace);
        item->setToolTip(KeyColumn, item->text(KeyColumn)); // in full when the column cuts it
        item->setText(DnsColumn, tr("not checked"));
        for (const DomainCheckReport& report : std::as_const(m_reports)) {
            if (report.domain == target.domain)
                item->setText(DnsColumn, report.allPass() ? tr("all pass") : report.problemSummary());
        }
    }
    if (m_domains.isEmpty())
        setNote(tr("No sender domains yet: add a sender identity (Campaigns → New campaign → sender) first."));
    selectDomain(keep.isEmpty() && !m_domains.isEmpty() ? m_domains.first().domain : keep);
    updateSelection();
}

void SenderDomainsPanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (!isBusy())
        reload(); // sender identities may have changed on the Campaigns page
}

QString SenderDomainsPanel::selectedDomain() const
{
    const auto selected = m_domainList->selectedItems();
    return selected.isEmpty() ? QString() : selected.first()->data(DomainColumn, DomainRole).toString();
}

void SenderDomainsPanel::selectDomain(const QString& domain)
{
    for (int i = 0; i < m_domainList->topLevelItemCount(); ++i) {
        if (m_domainList->topLevelItem(i)->data(DomainColumn, DomainRole).toString() == domain)
            m_domainList->setCurrentItem(m_domainList->topLevelItem(i));
    }
}

bool SenderDomainsPanel::isBusy() const { return m_generator->isRunning() || m_check->isRunning(); }

SenderDomainCheck::Target SenderDomainsPanel::targetOf(const QString& domain) const
{
    for (const SenderDomainCheck::Target& candidate : std::as_const(m_domains)) {
        if (candidate.domain == domain)
            return candidate;
    }
    return {};
}

void SenderDomainsPanel::updateSelection()
{
    const QString domain = selectedDomain();
    const SenderDomainCheck::Target target = targetOf(domain);
    const bool generating = m_generator->isRunning();
    m_generateButton->setEnabled(!domain.isEmpty() && !generating);
    m_generateEd25519Button->setEnabled(!target.publicKey.isEmpty() && !generating); // beside an RSA key only
    m_importButton->setEnabled(!domain.isEmpty() && !generating);
    m_checkButton->setEnabled(!m_domains.isEmpty() && !m_check->isRunning());
    m_copyButton->setEnabled(!target.publicKey.isEmpty());
    m_selectorEdit->setText(target.selector.isEmpty() ? DkimDomainKey::defaultSelector(QDate::currentDate()) : target.selector);
    if (target.publicKey.isEmpty()) {
        m_recordEdit->setPlainText(domain.isEmpty() ? QString() : tr("No DKIM key for %1 yet: generate or import one.").arg(domain));
        return;
    }
    QString records = zoneLine(DkimKeyPair::recordName(target.selector, target.domain),
                               DkimKeyPair::txtRecordValue(target.publicKey));
    if (!target.ed25519PublicKey.isEmpty())
        records += QLatin1Char('\n')
            + zoneLine(DkimKeyPair::recordName(target.ed25519Selector, target.domain),
                       DkimKeyPair::txtRecordValue(target.ed25519PublicKey, DkimKeyPair::Algorithm::Ed25519));
    m_recordEdit->setPlainText(records);
}

QString SenderDomainsPanel::selectorFor(const SenderDomainCheck::Target& target, DkimKeyPair::Algorithm algorithm) const
{
    const QString typed = m_selectorEdit->text().trimmed();
    if (algorithm == DkimKeyPair::Algorithm::Rsa || (typed != target.selector && !typed.isEmpty()))
        return typed;
    return target.ed25519Selector.isEmpty() ? DkimDomainKey::defaultEd25519Selector(QDate::currentDate()) : target.ed25519Selector;
}

bool SenderDomainsPanel::confirmReplace(const QString& domain, DkimKeyPair::Algorithm algorithm)
{
    const SenderDomainCheck::Target target = targetOf(domain);
    const bool ed25519 = algorithm == DkimKeyPair::Algorithm::Ed25519;
    const QString selector = ed25519 ? target.ed25519Selector : target.selector;
    if ((ed25519 ? target.ed25519PublicKey : target.publicKey).isEmpty())
        return true;
    const auto answer = MessageBox::question(
        this, tr("Replace DKIM Key"),
        (ed25519 ? tr("%1 already has an Ed25519 DKIM key (selector %2). Herald signs with the new key from now on: "
                      "publish its record before the next campaign, and keep the old record published for a few days.")
                 : tr("%1 already has a DKIM key (selector %2). Herald signs with the new key from now on: publish its "
                      "record before the next campaign, and keep the old record published for a few days."))
            .arg(domain, selector),
        MessageBox::Buttons(QMessageBox::Yes | QMessageBox::No), QMessageBox::No,
        {{QMessageBox::Yes, tr("Replace")}, {QMessageBox::No, tr("Keep the current key")}});
    return answer == QMessageBox::Yes;
}

void SenderDomainsPanel::generateKey() { startGenerating(DkimKeyPair::Algorithm::Rsa); }

void SenderDomainsPanel::generateEd25519Key() { startGenerating(DkimKeyPair::Algorithm::Ed25519); }

void SenderDomainsPanel::startGenerating(DkimKeyPair::Algorithm algorithm)
{
    const QString domain = selectedDomain();
    if (domain.isEmpty() || m_generator->isRunning() || !confirmReplace(domain, algorithm))
        return;
    if (const QString problem = DkimDomainKey::selectorProblem(m_selectorEdit->text().trimmed()); !problem.isEmpty())
        return setNote(problem, true);
    m_generatingFor = domain;
    m_generating = algorithm;
    setNote(algorithm == DkimKeyPair::Algorithm::Ed25519
                ? tr("Generating an Ed25519 key for %1…").arg(domain)
                : tr("Generating a %1-bit RSA key for %2…").arg(DkimKeyPair::GeneratedBits).arg(domain));
    m_generator->setFuture(QtConcurrent::run([algorithm] { return DkimKeyPair::generate(algorithm); }));
    updateSelection();
}

void SenderDomainsPanel::chooseKeyFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import DKIM Private Key"), QDir::homePath(),
                                                      tr("PEM files (*.pem *.key *.private);;All files (*)"));
    if (!path.isEmpty())
        importKeyFile(path);
}

void SenderDomainsPanel::importKeyFile(const QString& path)
{
    const QString domain = selectedDomain();
    if (domain.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return setNote(tr("Could not read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()), true);
    auto pair = DkimKeyPair::fromPem(file.read(64 * 1024)); // a key file is a few kilobytes
    if (!pair)
        return setNote(tr("%1: %2").arg(QDir::toNativeSeparators(path), pair.error().message), true);
    if (const QString problem = DkimDomainKey::selectorProblem(m_selectorEdit->text().trimmed()); !problem.isEmpty())
        return setNote(problem, true);
    if (!confirmReplace(domain, pair->algorithm()))
        return;
    storeKey(domain, pair.value());
}

void SenderDomainsPanel::storeKey(const QString& domain, const DkimKeyPair& pair)
{
    QString warning;
    const QString selector = selectorFor(targetOf(domain), pair.algorithm());
    auto stored = DkimKeyring(m_database).store(domain, selector, pair, &warning);
    reload();
    selectDomain(domain);
    if (!stored)
        return setNote(stored.error().message, true);
    const QString done = pair.algorithm() == DkimKeyPair::Algorithm::Ed25519
        ? tr("%1 has a new Ed25519 DKIM key beside its RSA key (selector %2). Publish both records above at your DNS "
             "host, then press Check DNS.")
              .arg(domain, selector)
        : tr("%1 has a new %2-bit DKIM key. Publish the record above at your DNS host, then press Check DNS.")
              .arg(domain)
              .arg(pair.bits());
    // Without a keychain the key still signs during this session; the note says so.
    setNote(warning.isEmpty() ? done : done + QLatin1Char(' ') + warning, !warning.isEmpty());
    emit keyStored(domain);
}

void SenderDomainsPanel::copyRecord()
{
    for (const SenderDomainCheck::Target& target : std::as_const(m_domains)) {
        if (target.domain != selectedDomain() || target.publicKey.isEmpty())
            continue;
        QApplication::clipboard()->setText(m_recordEdit->toPlainText());
        setNote(target.ed25519PublicKey.isEmpty()
                    ? tr("The TXT record for %1 is on the clipboard.").arg(DkimKeyPair::recordName(target.selector, target.domain))
                    : tr("The TXT records for %1 and %2 are on the clipboard.")
                          .arg(DkimKeyPair::recordName(target.selector, target.domain),
                               DkimKeyPair::recordName(target.ed25519Selector, target.domain)));
    }
}

void SenderDomainsPanel::checkDns()
{
    if (m_check->isRunning() || m_domains.isEmpty())
        return;
    setNote(tr("Asking DNS about %n domain(s)…", nullptr, int(m_domains.size())));
    m_check->start(m_domains);
    updateSelection();
}

void SenderDomainsPanel::showChecks(const QList<DomainCheckReport>& reports)
{
    m_reports = reports;
    m_checkTree->clear();
    int problems = 0;
    for (const DomainCheckReport& report : reports) {
        auto* domainItem = new QTreeWidgetItem(m_checkTree);
        domainItem->setText(RecordColumn, report.domain);
        domainItem->setText(ResultColumn, report.allPass() ? tr("all pass") : report.problemSummary());
        domainItem->setToolTip(ResultColumn, domainItem->text(ResultColumn)); // the column is narrow for a summary
        QFont bold = domainItem->font(RecordColumn);
        bold.setBold(true);
        domainItem->setFont(RecordColumn, bold);
        domainItem->setFirstColumnSpanned(false);
        for (const DnsRecordCheck& check : report.records) {
            auto* item = new QTreeWidgetItem(domainItem);
            item->setText(RecordColumn, DnsRecordCheck::recordText(check.record));
            item->setText(ResultColumn, DnsRecordCheck::stateText(check.state));
            item->setForeground(ResultColumn, stateColor(check.state));
            item->setText(NameColumn, check.name);
            const bool pass = check.state == DnsRecordCheck::State::Pass;
            const QString shown = pass || check.expected.isEmpty() ? check.found : check.expected;
            // Nothing found and nothing to publish yet (DKIM before a key exists): say why instead of a blank.
            item->setText(PublishColumn, shown.isEmpty() ? check.detail : shown);
            for (int column = 0; column < m_checkTree->columnCount(); ++column)
                item->setToolTip(column, check.detail);
            problems += pass ? 0 : 1;
        }
        domainItem->setExpanded(true);
    }
    m_checkTree->show();
    reload();
    setNote(problems == 0 ? tr("Every record passes.")
                          : tr("%n record(s) need attention: publish the values shown (hover a row for why).", nullptr,
                               problems),
            problems != 0);
    updateSelection();
    emit checkFinished();
}

void SenderDomainsPanel::setNote(const QString& text, bool error)
{
    m_noteLabel->setText(text);
    m_noteLabel->setStyleSheet(error ? QStringLiteral("color: #b01c1c;") : QString());
}

} // namespace herald
