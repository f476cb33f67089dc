#include "ChartStyle.h"

#include <QChart>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace herald::chartstyle {

QValueAxis* valueAxis(QChart* chart, const QString& title, const QString& format, Qt::Alignment side)
{
    auto* axis = new QValueAxis(chart);
    axis->setTitleText(title);
    axis->setLabelFormat(format);
    axis->setRange(0, 1);
    axis->setTickCount(5);
    chart->addAxis(axis, side);
    return axis;
}

void fitAxis(QValueAxis* axis, double peak, double floor)
{
    const double top = std::max(peak * 1.1, floor);
    const double magnitude = std::pow(10.0, std::floor(std::log10(top / 4)));
    double interval = magnitude;
    for (const double step : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        interval = step * magnitude;
        if (interval * 4 >= top)
            break;
    }
    axis->setRange(0, interval * 4);
}

} // namespace herald::chartstyle
