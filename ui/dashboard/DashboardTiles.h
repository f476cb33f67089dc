#pragma once

#include <QWidget>

class QLabel;

namespace herald {

struct DashboardFigures;

// The four figures across the top of the dashboard: what waits to be sent, sends per second over the range,
// the failure rate over the rolling window, and the P95 latency, each with a line that qualifies it.
class DashboardTiles : public QWidget
{
    Q_OBJECT
public:
    explicit DashboardTiles(QWidget* parent = nullptr);

    void showFigures(const DashboardFigures& figures);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    // As tall as the tile whose text wraps most needs: never less than a caption, the figure and two lines of note.
    void fitHeight();
    QList<QLabel*> tiles() const;

    QLabel* m_queueTile;
    QLabel* m_rateTile;
    QLabel* m_failureTile;
    QLabel* m_latencyTile;
};

} // namespace herald
