#include "OfflineBanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

namespace herald {

OfflineBanner::OfflineBanner(QWidget* parent)
    : QFrame(parent)
    , m_text(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_retry(new QPushButton(tr("&Retry Now"), this))
    , m_goOnline(new QPushButton(tr("&Go Online"), this))
    , m_workOffline(new QPushButton(tr("&Work Offline"), this))
    , m_resolve(new QPushButton(tr("Resolve &Conflicts…"), this))
    , m_cancel(new QPushButton(tr("Stop Sync"), this))
{
    setObjectName(QStringLiteral("offlineBanner"));
    m_text->setObjectName(QStringLiteral("offlineBannerText"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_progress->setObjectName(QStringLiteral("syncProgress"));
    m_progress->setMaximumWidth(160);
    m_progress->hide();
    m_retry->setObjectName(QStringLiteral("retryConnectionButton"));
    m_goOnline->setObjectName(QStringLiteral("goOnlineButton"));
    m_workOffline->setObjectName(QStringLiteral("workOfflineButton"));
    m_resolve->setObjectName(QStringLiteral("resolveConflictsButton"));
    m_cancel->setObjectName(QStringLiteral("cancelSyncButton"));
    auto* log = new QPushButton(tr("Sync &Log…"), this);
    log->setObjectName(QStringLiteral("bannerSyncLogButton"));
    connect(m_retry, &QPushButton::clicked, this, &OfflineBanner::retryRequested);
    connect(m_goOnline, &QPushButton::clicked, this, &OfflineBanner::goOnlineRequested);
    connect(m_workOffline, &QPushButton::clicked, this, &OfflineBanner::workOfflineRequested);
    connect(m_resolve, &QPushButton::clicked, this, &OfflineBanner::resolveRequested);
    connect(m_cancel, &QPushButton::clicked, this, &OfflineBanner::cancelSyncRequested);
    connect(log, &QPushButton::clicked, this, &OfflineBanner::logRequested);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_progress);
    for (QPushButton* button : {m_cancel, m_retry, m_resolve, m_goOnline, m_workOffline, log})
        layout->addWidget(button);
    hide();
}

QString OfflineBanner::text() const { return m_text->text(); }

void OfflineBanner::setTone(Tone tone)
{
    const char* colors = tone == Tone::Warning ? "background: #fff4ce; border-bottom: 1px solid #e0c060;"
        : tone == Tone::Good                   ? "background: #e6f4ea; border-bottom: 1px solid #8bc34a;"
                                               : "background: #e8f0fe; border-bottom: 1px solid #90b4f0;";
    setStyleSheet(QStringLiteral("QFrame#offlineBanner { %1 }").arg(QLatin1String(colors)));
}

void OfflineBanner::setButtons(bool retry, bool goOnline, bool workOffline, bool resolve, bool cancel)
{
    m_retry->setVisible(retry);
    m_goOnline->setVisible(goOnline);
    m_workOffline->setVisible(workOffline);
    m_resolve->setVisible(resolve);
    m_cancel->setVisible(cancel);
    m_progress->setVisible(cancel);
}

void OfflineBanner::showOffline(const QString& server, const QString& error)
{
    m_offlineText = tr("Offline: %1 cannot be reached. Keep drafting templates and campaigns; they are kept on this "
                       "computer and sync when the server is back. Sending, dashboards and imports need the server.")
                        .arg(server);
    m_text->setText(m_offlineText);
    m_text->setToolTip(error);
    setTone(Tone::Warning);
    setButtons(true, false, false, false, false);
    show();
}

void OfflineBanner::showNextTry(int seconds)
{
    m_text->setText(m_offlineText + QLatin1Char(' ') + tr("Next try in %n second(s).", "", seconds));
}

void OfflineBanner::showSyncing(int done, int total)
{
    m_text->setText(tr("The server is back. Syncing your drafts…"));
    setTone(Tone::Busy);
    m_progress->setRange(0, qMax(total, 1));
    m_progress->setValue(done);
    setButtons(false, false, false, false, true);
    show();
}

void OfflineBanner::showServerBack(int openConflicts, const QString& failures)
{
    QString text = openConflicts > 0
        ? tr("The server is back and your drafts are synced, except %n conflict(s) waiting for your decision.", "",
             openConflicts)
        : tr("The server is back and your drafts are synced.");
    if (!failures.isEmpty())
        text += QLatin1Char(' ') + failures;
    m_text->setText(text);
    m_text->setToolTip(QString());
    setTone(openConflicts > 0 || !failures.isEmpty() ? Tone::Warning : Tone::Good);
    setButtons(false, true, false, openConflicts > 0, false);
    show();
}

void OfflineBanner::showLost(const QString& server, const QString& error)
{
    m_text->setText(tr("%1 stopped answering. Save what you are editing, then work offline: your drafts stay on "
                       "this computer until the server is back.")
                        .arg(server));
    m_text->setToolTip(error);
    setTone(Tone::Warning);
    setButtons(false, false, true, false, false);
    show();
}

void OfflineBanner::showConflicts(int openConflicts)
{
    m_text->setText(tr("%n draft(s) changed both here and on the server wait for your decision.", "", openConflicts));
    setTone(Tone::Warning);
    setButtons(false, false, false, true, false);
    show();
}

} // namespace herald
