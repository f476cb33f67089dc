#include "DashboardTiles.h"

#include "metrics/DashboardFigures.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QTextDocument>

namespace {
// The figure's size in the tile's HTML; fitHeight() measures with the same font.
constexpr double ValuePointSize = 17;
} // namespace

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
        // Long translations wrap onto a second line rather than being cut; the height follows (fitHeight).
        label->setWordWrap(true);
        label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
        layout->addWidget(label, 1);
    };
    tile("queueTile", m_queueTile);
    tile("rateTile", m_rateTile);
    tile("failureTile", m_failureTile);
    tile("latencyTile", m_latencyTile);
    fitHeight();
}

QList<QLabel*> DashboardTiles::tiles() const { return { m_queueTile, m_rateTile, m_failureTile, m_latencyTile }; }

void DashboardTiles::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    fitHeight();
}

void DashboardTiles::fitHeight()
{
    QFont valueFont = font();
    valueFont.setPointSizeF(ValuePointSize);
    valueFont.setWeight(QFont::DemiBold);
    const QLabel* any = m_queueTile;
    const int chrome = 2 * (any->margin() + any->frameWidth() + int(QTextDocument().documentMargin()));
    int needed = chrome + 3 * QFontMetrics(font()).lineSpacing() + QFontMetrics(valueFont).lineSpacing();
    for (const QLabel* label : tiles()) {
        if (!label->text().isEmpty() && label->width() > 0)
            needed = std::max(needed, label->heightForWidth(label->width()));
    }
    if (minimumHeight() != needed)
        setMinimumHeight(needed);
}

void DashboardTiles::showFigures(const DashboardFigures& figures)
{
    const QLocale locale;
    auto tile = [](const QString& caption, const QString& value, const QString& note) {
        return QStringLiteral("<div style='color:#5f6368'>%1</div><div style='font-size:%4pt; font-weight:600'>%2</div>"
                              "<div style='color:#5f6368'>%3</div>")
            .arg(caption.toHtmlEscaped(), value.toHtmlEscaped(), note.toHtmlEscaped(), QString::number(ValuePointSize));
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
    fitHeight();
}

} // namespace herald
