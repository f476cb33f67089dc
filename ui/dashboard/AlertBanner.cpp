#include "AlertBanner.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>

namespace herald {

AlertBanner::AlertBanner(QWidget* parent)
    : QFrame(parent), m_label(new QLabel(this)), m_dashboardButton(new QPushButton(tr("Open &Dashboard"), this)),
      m_dismissButton(new QPushButton(tr("Dis&miss"), this))
{
    setObjectName(QStringLiteral("alertBanner"));
    setStyleSheet(QStringLiteral("QFrame#alertBanner { background: #fdecea; border-bottom: 1px solid #e0a29b; }"
                                 "QFrame#alertBanner QLabel { color: #5f1610; }"));
    m_label->setObjectName(QStringLiteral("alertText"));
    m_label->setTextFormat(Qt::RichText);
    m_label->setWordWrap(true);
    m_dashboardButton->setObjectName(QStringLiteral("alertDashboardButton"));
    m_dismissButton->setObjectName(QStringLiteral("alertDismissButton"));
    m_dismissButton->setToolTip(tr("Hide these alerts; the banner comes back when another one is raised"));
    connect(m_dashboardButton, &QPushButton::clicked, this, &AlertBanner::dashboardRequested);
    connect(m_dismissButton, &QPushButton::clicked, this, [this] {
        hide();
    });
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(14, 8, 14, 8);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_dashboardButton);
    layout->addWidget(m_dismissButton);
    hide();
}

void AlertBanner::showAlerts(const QList<Alert>& alerts)
{
    const QLocale locale;
    QStringList lines;
    for (const Alert& alert : alerts) {
        const QDateTime since = QDateTime::fromSecsSinceEpoch(alert.since);
        const QString when = since.date() == QDate::currentDate() ? locale.toString(since.time(), QLocale::ShortFormat)
                                                                  : locale.toString(since, QLocale::ShortFormat);
        lines << tr("<b>%1</b> since %2 — %3").arg(alert.title().toHtmlEscaped(), when, alert.detail.toHtmlEscaped());
    }
    m_label->setText(lines.join(QStringLiteral("<br>")));
    if (alerts.isEmpty()) {
        hide();
        m_dismissed.clear();
        return;
    }
    // Dismissed: stay hidden while every open alert is one the user has seen.
    const bool somethingNew = std::any_of(alerts.begin(), alerts.end(), [this](const Alert& alert) {
        return std::none_of(m_dismissed.begin(), m_dismissed.end(), [&](const Alert& seen) { return seen.sameAs(alert); });
    });
    if (isHidden() && !somethingNew && !m_dismissed.isEmpty())
        return;
    m_dismissed = alerts;
    show();
}

QString AlertBanner::text() const { return m_label->text(); }

} // namespace herald
