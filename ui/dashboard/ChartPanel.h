#pragma once

#include "domain/Error.h"

#include <QFrame>
#include <QList>
#include <QStringList>

class QChart;
class QChartView;
class QLabel;
class QToolButton;

namespace herald {

// One dashboard chart in a framed panel: its title, the chart, and an Export menu (a keyboard-reachable
// button, and the chart's context menu) that saves the chart as PNG or the data behind it as CSV.
class ChartPanel : public QFrame
{
    Q_OBJECT
public:
    // `name` names the panel's widgets ("<name>Chart", "<name>ExportButton") and the suggested file names.
    ChartPanel(const QString& name, const QString& title, QChart* chart, QWidget* parent = nullptr);

    QChartView* view() const { return m_view; }
    QChart* chart() const;
    // The data behind the chart, as the CSV export writes it: a header and one row per point.
    void setTable(const QStringList& header, const QList<QStringList>& rows);
    const QList<QStringList>& rows() const { return m_rows; }
    // Shown instead of the chart while there is nothing to draw ("<name>Placeholder"); empty shows the chart again.
    void setPlaceholder(const QString& text);
    // A muted line under the chart that says how to read it ("<name>Note"); empty hides it.
    void setNote(const QString& text);

    Status savePng(const QString& path) const;
    Status saveCsv(const QString& path) const;

public slots:
    // Ask for a file, then save (errors are shown in a message box).
    void exportPng();
    void exportCsv();

private:
    void exportTo(const QString& title, const QString& extension, const QString& filter, Status (ChartPanel::*save)(const QString&) const);

    QString m_name;
    QChartView* m_view;
    QLabel* m_placeholder;
    QLabel* m_note;
    QToolButton* m_exportButton;
    QStringList m_header;
    QList<QStringList> m_rows;
};

} // namespace herald
