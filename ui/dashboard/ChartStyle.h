#pragma once

#include <QColor>
#include <QString>

class QChart;
class QValueAxis;

namespace herald::chartstyle {

// Colours that read on white and for most colour-blind eyes (Okabe–Ito).
inline const QColor Blue(0, 114, 178);
inline const QColor Orange(230, 159, 0);
inline const QColor Green(0, 158, 115);
inline const QColor Red(213, 94, 0);
inline const QColor Purple(204, 121, 167);

// A value axis from 0 to 1 until fitAxis() sets its range, added to `chart` on the given side.
QValueAxis* valueAxis(QChart* chart, const QString& title, const QString& format, Qt::Alignment side = Qt::AlignLeft);
// 0 to a round number above `peak` (at least `floor`) with four intervals, so the labels read 0, 25, 50, 75, 100.
void fitAxis(QValueAxis* axis, double peak, double floor);

} // namespace herald::chartstyle
