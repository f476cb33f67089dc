#include "ChartPanel.h"

#include "common/FileDialog.h"
#include "common/MessageBox.h"
#include "importexport/CsvWriter.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDir>
#include <QGraphicsLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QSaveFile>
#include <QStandardPaths>
#include <QToolButton>
#include <QVBoxLayout>

namespace herald {

ChartPanel::ChartPanel(const QString& name, const QString& title, QChart* chart, QWidget* parent)
    : QFrame(parent), m_name(name), m_view(new QChartView(chart, this)), m_placeholder(new QLabel(this)),
      m_note(new QLabel(this)), m_exportButton(new QToolButton(this))
{
    setObjectName(name + QStringLiteral("Panel"));
    setFrameShape(QFrame::StyledPanel);
    auto* titleLabel = new QLabel(title, this);
    titleLabel->setObjectName(name + QStringLiteral("Title"));
    QFont bold = titleLabel->font();
    bold.setBold(true);
    titleLabel->setFont(bold);

    auto* menu = new QMenu(this);
    QAction* png = menu->addAction(tr("Save Chart as &PNG…"), this, &ChartPanel::exportPng);
    png->setObjectName(name + QStringLiteral("ExportPng"));
    QAction* csv = menu->addAction(tr("Save Data as &CSV…"), this, &ChartPanel::exportCsv);
    csv->setObjectName(name + QStringLiteral("ExportCsv"));
    m_exportButton->setObjectName(name + QStringLiteral("ExportButton"));
    m_exportButton->setText(tr("Export"));
    m_exportButton->setToolTip(tr("Save this chart as a PNG image, or the data behind it as CSV"));
    m_exportButton->setAccessibleName(tr("Export %1").arg(title));
    m_exportButton->setMenu(menu);
    m_exportButton->setPopupMode(QToolButton::InstantPopup);
    m_exportButton->setFocusPolicy(Qt::StrongFocus);
    m_exportButton->setAutoRaise(true);

    m_view->setObjectName(name + QStringLiteral("Chart"));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(190);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addActions({png, csv});
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->setBackgroundRoundness(0);
    chart->legend()->setAlignment(Qt::AlignTop);
    m_placeholder->setObjectName(name + QStringLiteral("Placeholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setStyleSheet(QStringLiteral("QLabel { color: palette(mid); }"));
    m_placeholder->hide();
    m_note->setObjectName(name + QStringLiteral("Note"));
    m_note->setWordWrap(true);
    m_note->hide();

    auto* header = new QHBoxLayout;
    header->addWidget(titleLabel, 1);
    header->addWidget(m_exportButton);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->setSpacing(2);
    layout->addLayout(header);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_placeholder, 1);
    layout->addWidget(m_note);
}

QChart* ChartPanel::chart() const { return m_view->chart(); }

void ChartPanel::setTable(const QStringList& header, const QList<QStringList>& rows)
{
    m_header = header;
    m_rows = rows;
}

void ChartPanel::setPlaceholder(const QString& text)
{
    m_placeholder->setText(text);
    m_placeholder->setMinimumHeight(m_view->minimumHeight()); // the panel keeps its height either way
    m_placeholder->setVisible(!text.isEmpty());
    m_view->setVisible(text.isEmpty());
}

void ChartPanel::setNote(const QString& text)
{
    m_note->setText(text);
    m_note->setVisible(!text.isEmpty());
}

Status ChartPanel::savePng(const QString& path) const
{
    if (!m_view->grab().save(path, "PNG"))
        return Error::make(Error::Kind::Io, tr("Could not save the chart to %1.").arg(QDir::toNativeSeparators(path)));
    return {};
}

Status ChartPanel::saveCsv(const QString& path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error::make(Error::Kind::Io, tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    {
        CsvWriter writer(&file);
        writer.write(m_header);
        for (const QStringList& row : m_rows)
            writer.write(row);
        if (!writer.flush())
            return Error::make(Error::Kind::Io, tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    }
    if (!file.commit())
        return Error::make(Error::Kind::Io, tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    return {};
}

void ChartPanel::exportPng()
{
    exportTo(tr("Save Chart as PNG"), QStringLiteral("png"), tr("PNG images (*.png)"), &ChartPanel::savePng);
}

void ChartPanel::exportCsv()
{
    exportTo(tr("Save Chart Data as CSV"), QStringLiteral("csv"), tr("CSV files (*.csv)"), &ChartPanel::saveCsv);
}

void ChartPanel::exportTo(const QString& title, const QString& extension, const QString& filter,
                          Status (ChartPanel::*save)(const QString&) const)
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString suggested = QDir(folder).filePath(QStringLiteral("herald-%1-%2.%3")
                                                        .arg(m_name, QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmm")), extension));
    const QString path = FileDialog::saveFileName(this, title, suggested, filter);
    if (path.isEmpty())
        return;
    if (auto saved = (this->*save)(path); !saved)
        MessageBox::warning(this, title, saved.error().message);
}

} // namespace herald
