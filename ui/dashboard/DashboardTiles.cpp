#include "DashboardTiles.h"

#include "metrics/DashboardFigures.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>

namespace herald {

DashboardTiles::DashboardTiles(QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(10);
    auto tile = [&](const char* name, QLabel*& label) {
        label = new QLabel(this);
        label->setObjectName(QLatin1String(name));
        label->setTextFormat(Qt::RichText);
        label->setFrameShape(QFrame::StyledPanel);
        label->setMargin(8);
        label->setMinimumHeight(64);
        layout->addWidget(label, 1);
    };
    tile("queueTile", m_queueTile);
    tile("rateTile", m_rateTile);
    tile("failureTile", m_failureTile);
    tile("latencyTile", m_latencyTile);
}

void DashboardTiles::showFigures(const DashboardFigures& figures)
{
    const QLocale locale;
    auto tile = [](const QString& caption, const QString& value, const QString& note) {
        return QStringLiteral("<div style='color:#5f6368'>%1</div><div style='font-size:17pt; font-weight:600'>%2</div>"
                              "<div style='color:#5f6368'>%3</div>")
            .arg(caption.toHtmlEscaped(), value.toHtmlEscaped(), note.toHtmlEscaped());
    };
    const auto& queue = figures.queue;
    m_queueTile->setText(tile(tr("Waiting to send"), queue.known() ? locale.toString(queue.pending) : tr("—"),
                              queue.known() ? tr("%1 retrying · %2 in flight").arg(locale.toString(queue.retrying), locale.toString(queue.inFlight))
                                            : tr("no sample yet")));
    const double seconds = std::max<double>(1, figures.seconds());
    m_rateTile->setText(tile(tr("Sent per second"), locale.toString(figures.totals.sent / seconds, 'f', 1),
                             tr("%1 sent · %2 failed in the range").arg(locale.toString(figures.totals.sent), locale.toString(figures.totals.failed))));
    m_failureTile->setText(tile(tr("Failure rate"), tr("%1 %").arg(locale.toString(figures.recentFailureRate * 100, 'f', 1)),
                                tr("over the last %n minute(s)", nullptr, figures.windowSeconds / 60)));
    const LatencyHistogram& latency = figures.totals.latency;
    m_latencyTile->setText(tile(tr("Latency P95"), latency.count() ? tr("%1 ms").arg(locale.toString(latency.percentileMs(0.95), 'f', 0)) : tr("—"),
                                tr("P50 %1 ms · P99 %2 ms").arg(locale.toString(latency.percentileMs(0.5), 'f', 0),
                                                                 locale.toString(latency.percentileMs(0.99), 'f', 0))));
}

} // namespace herald
