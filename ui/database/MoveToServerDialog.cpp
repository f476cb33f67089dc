#include "MoveToServerDialog.h"

#include "common/BackgroundJob.h"
#include "storage/Database.h"
#include "storage/ProfileStore.h"
#include "storage/SecretStore.h"
#include "storage/copy/DatabaseCopier.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace herald {

MoveToServerDialog::MoveToServerDialog(Database& source, ProfileStore& profiles, QWidget* parent)
    : QDialog(parent)
    , m_source(source)
    , m_job(new BackgroundJob(this))
{
    setObjectName(QStringLiteral("moveToServerDialog"));
    setWindowTitle(tr("Move to a Team Server"));
    auto* intro = new QLabel(
        tr("Copies everything in %1 — nonprofits, templates, campaigns with their send history, metrics, providers "
           "(their secrets stay in this computer's keychain) — into an empty PostgreSQL database that a team shares. "
           "You become its first admin. Nothing here is changed or removed.")
            .arg(source.profile().name),
        this);
    intro->setWordWrap(true);

    for (const ConnectionProfile& profile : profiles.all())
        if (profile.backend == Backend::Postgres && profile.id != source.profile().id)
            m_targets.append(profile);
    m_targetCombo = new QComboBox(this);
    m_targetCombo->setObjectName(QStringLiteral("targetCombo"));
    for (const ConnectionProfile& profile : m_targets)
        m_targetCombo->addItem(tr("%1 — %2").arg(profile.name, profile.location()));
    m_passwordEdit = new QLineEdit(this);
    m_passwordEdit->setObjectName(QStringLiteral("passwordEdit"));
    m_passwordEdit->setEchoMode(QLineEdit::Password);
    m_passwordEdit->setPlaceholderText(tr("From the keychain when empty"));
    auto* form = new QFormLayout;
    form->addRow(tr("&Server:"), m_targetCombo);
    form->addRow(tr("&Password:"), m_passwordEdit);

    auto* tables = new QWidget(this);
    m_tablesGrid = new QGridLayout(tables);
    m_tablesHint = new QLabel(m_targets.isEmpty()
            ? tr("Add the team's PostgreSQL server as a profile first (Settings → Connection "
                 "profiles → Add PostgreSQL server…), with a new, empty database.")
            : tr("Each table's progress appears here when the move starts."),
        tables);
    m_tablesHint->setWordWrap(true);
    m_tablesGrid->addWidget(m_tablesHint, 0, 0, 1, 2);
    m_tablesGrid->setColumnStretch(1, 1);
    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("tablesArea"));
    scroll->setWidget(tables);
    scroll->setWidgetResizable(true);
    scroll->setMinimumHeight(220);

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* buttons = new QDialogButtonBox(this);
    m_moveButton = buttons->addButton(tr("&Move"), QDialogButtonBox::AcceptRole);
    m_moveButton->setObjectName(QStringLiteral("moveButton"));
    m_moveButton->setEnabled(!m_targets.isEmpty());
    m_cancelButton = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    connect(m_moveButton, &QPushButton::clicked, this, &MoveToServerDialog::startMove);
    connect(m_cancelButton, &QPushButton::clicked, this, &MoveToServerDialog::reject);
    connect(m_job, &BackgroundJob::finished, this, &MoveToServerDialog::finishMove);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_statusLabel);
    layout->addWidget(buttons);
    resize(600, 560);
}

MoveToServerDialog::~MoveToServerDialog() = default;

bool MoveToServerDialog::isMoving() const
{
    return m_job->isRunning();
}

void MoveToServerDialog::reject()
{
    // While moving, Cancel stops the copy (the server is emptied again); the dialog stays to say so.
    if (m_job->isRunning()) {
        m_job->cancel();
        m_cancelButton->setEnabled(false);
        m_statusLabel->setText(tr("Cancelling…"));
        return;
    }
    QDialog::reject();
}

void MoveToServerDialog::startMove()
{
    const int index = m_targetCombo->currentIndex();
    if (index < 0 || index >= m_targets.size())
        return;
    const ConnectionProfile target = m_targets.at(index);
    QString password = m_passwordEdit->text();
    if (password.isEmpty()) {
        if (auto stored = SecretStore::instance().read(SecretStore::profileKey(target.id)))
            password = stored.value();
    }
    m_targetCombo->setEnabled(false);
    m_passwordEdit->setEnabled(false);
    m_moveButton->setEnabled(false);
    m_statusLabel->setText(tr("Opening %1…").arg(target.name));
    auto result = std::make_shared<Result>();
    m_result = result;
    Database& source = m_source;
    m_job->start([this, &source, target, password, result](const JobControl& control) {
        QString outcome;
        bool succeeded = false;
        {
            // Opening migrates the server's database: its tables exist, empty, before anything is copied.
            Database server(target, password);
            if (auto opened = server.open(); !opened) {
                outcome = opened.error().message;
            } else {
                DatabaseCopier copier(source, server);
                copier.planned = [this](const QStringList& tables) {
                    QMetaObject::invokeMethod(
                        this, [this, tables] { showTables(tables); }, Qt::QueuedConnection);
                };
                copier.tableProgress = [this](int table, qint64 done, qint64 total) {
                    QMetaObject::invokeMethod(
                        this, [this, table, done, total] { showTableProgress(table, done, total); },
                        Qt::QueuedConnection);
                };
                auto moved = copier.run(control);
                succeeded = moved.ok();
                outcome = moved ? moved->headline() + QLatin1Char('\n') + moved->adminSentence : moved.error().message;
                if (moved)
                    result->tables = moved->tables;
            }
            server.releaseThreadConnection();
        }
        source.releaseThreadConnection();
        result->text = outcome;
        result->succeeded = succeeded;
    });
}

void MoveToServerDialog::showTables(const QStringList& tables)
{
    m_tablesHint->hide();
    qDeleteAll(m_tableRows);
    m_tableRows.clear();
    m_tableBars.clear();
    for (int i = 0; i < tables.size(); ++i) {
        auto* name = new QLabel(tables.at(i), m_tablesHint->parentWidget());
        auto* bar = new QProgressBar(m_tablesHint->parentWidget());
        bar->setObjectName(QStringLiteral("tableProgress_%1").arg(tables.at(i)));
        bar->setRange(0, 1000);
        bar->setValue(0);
        m_tablesGrid->addWidget(name, i + 1, 0);
        m_tablesGrid->addWidget(bar, i + 1, 1);
        m_tableBars.append(bar);
        m_tableRows << name << bar;
    }
    m_statusLabel->setText(tr("Copying %n table(s)…", nullptr, int(tables.size())));
}

void MoveToServerDialog::showTableProgress(int table, qint64 done, qint64 total)
{
    if (table < 0 || table >= m_tableBars.size())
        return;
    m_tableBars.at(table)->setValue(total > 0 ? int(1000 * done / total) : 1000);
    m_tableBars.at(table)->setFormat(tr("%1 of %2").arg(QLocale().toString(done), QLocale().toString(total)));
}

void MoveToServerDialog::finishMove()
{
    // The job wrote its result before it returned; the watcher's finished signal comes after that.
    m_statusLabel->setText(m_result->text);
    m_cancelButton->setEnabled(true);
    // Each table's count on both sides, on its bar.
    for (int i = 0; i < m_result->tables.size() && i < m_tableBars.size(); ++i) {
        const DatabaseCopier::TableCount& count = m_result->tables.at(i);
        m_tableBars.at(i)->setFormat(
            tr("%1 here = %2 on the server").arg(QLocale().toString(count.source), QLocale().toString(count.target)));
    }
    if (m_result->succeeded) {
        m_cancelButton->setText(tr("Close"));
        return;
    }
    m_targetCombo->setEnabled(true);
    m_passwordEdit->setEnabled(true);
    m_moveButton->setEnabled(true);
}

} // namespace herald
