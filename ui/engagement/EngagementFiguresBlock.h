#pragma once

#include "engagement/EngagementFigures.h"

#include <QWidget>

class QGridLayout;
class QLabel;

namespace herald {

// A campaign's engagement figures as `herald report campaign` prints them: delivered, then opens, unique opens,
// open rate, clicks, unique clicks, click rate and click-to-open rate, people's first and in bold, machines'
// beside them in grey; anonymous tracking's rates marked approximate, with why in a tooltip. Each value label is
// named "<human|machine><Figure>" ("humanOpenRate") for tests.
class EngagementFiguresBlock : public QWidget
{
    Q_OBJECT
public:
    explicit EngagementFiguresBlock(QWidget* parent = nullptr);

    void showReport(const CampaignEngagement& report);

private:
    struct Row
    {
        const char* name;
        QString label;
        QLabel* human = nullptr;
        QLabel* machine = nullptr;
    };
    void addRow(QGridLayout* grid, int gridRow, Row& row);

    QLabel* m_deliveredValue;
    QLabel* m_approximateLabel;
    QList<Row> m_rows;
};

} // namespace herald
