#include "AuditLogDialog.h"

#include "common/ExportRunner.h"
#include "common/FileDialog.h"
#include "common/ListTable.h"
#include "common/SearchField.h"
#include "importexport/AuditLogExporter.h"
#include "itemmodels/AuditLogTableModel.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>

namespace herald {

AuditLogDialog::AuditLogDialog(Database& database, QWidget* parent)
    : QDialog(parent)
    , m_database(database)
    , m_model(new AuditLogTableModel(database, this))
    , m_search(new SearchField(tr("Search who, action, what or details"), 280, this))
    , m_table(new QTableView(this))
    , m_countLabel(new QLabel(this))
    , m_statusLabel(new QLabel(this))
    , m_exportButton(new QPushButton(tr("&Export…"), this))
    , m_exporter(new ExportRunner(this))
{
    setObjectName(QStringLiteral("auditLogDialog"));
    setWindowTitle(tr("Audit Log"));
    auto* intro = new QLabel(tr("Every role change, send, erasure and provider change, newest first. Nobody can change "
                                "or delete these lines; on a team server the database writes who did it."),
                             this);
    intro->setWordWrap(true);
    m_table->setObjectName(QStringLiteral("auditLogTable"));
    m_table->setModel(m_model);
    setUpListTable(m_table);
    m_table->horizontalHeader()->resizeSection(AuditLogTableModel::When, 150);
    m_table->horizontalHeader()->resizeSection(AuditLogTableModel::Actor, 130);
    m_table->horizontalHeader()->resizeSection(AuditLogTableModel::Action, 120);
    m_table->horizontalHeader()->resizeSection(AuditLogTableModel::Entity, 150);
    m_countLabel->setObjectName(QStringLiteral("auditLogCount"));
    m_statusLabel->setObjectName(QStringLiteral("auditLogStatus"));
    m_statusLabel->setWordWrap(true);
    m_exportButton->setObjectName(QStringLiteral("exportAuditLogButton"));
    m_exportButton->setToolTip(tr("Write the lines the search finds (all of them when it is empty) to a CSV file"));

    connect(m_search, &SearchField::searchChanged, m_model, &AuditLogTableModel::setSearchText);
    connect(m_model, &AuditLogTableModel::totalCountChanged, this, &AuditLogDialog::showCount);
    connect(m_model, &AuditLogTableModel::errorOccurred, m_statusLabel, &QLabel::setText);
    connect(m_exportButton, &QPushButton::clicked, this, &AuditLogDialog::exportCsv);

    auto* top = new QHBoxLayout;
    top->addWidget(m_search);
    top->addWidget(m_countLabel, 1);
    top->addWidget(m_exportButton);
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &AuditLogDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_statusLabel);
    layout->addWidget(close);
    resize(900, 560);
    showCount(m_model->totalCount());
}

void AuditLogDialog::showCount(qint64 count)
{
    m_countLabel->setText(tr("%n line(s)", nullptr, int(std::min<qint64>(count, INT_MAX))));
}

void AuditLogDialog::exportCsv()
{
    const QString path = FileDialog::saveFileName(this, tr("Export the Audit Log"),
                                                  QDir::home().filePath(QStringLiteral("audit-log.csv")),
                                                  tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    const QString search = m_model->searchText();
    Database& database = m_database;
    m_statusLabel->clear();
    m_exporter->start(
        tr("Export the Audit Log"), path,
        [&database, path, search](const JobControl& control) {
            return AuditLogExporter(database).run(path, search, control);
        },
        [this, path](const Result<qint64>& written) {
            m_statusLabel->setText(written ? tr("%n line(s) written to %1.", nullptr, int(written.value()))
                                                 .arg(QDir::toNativeSeparators(path))
                                           : written.error().message);
        });
}

} // namespace herald
