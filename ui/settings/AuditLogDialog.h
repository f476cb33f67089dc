#pragma once

#include <QDialog>

class QLabel;
class QPushButton;
class QTableView;

namespace herald {

class AuditLogTableModel;
class Database;
class ExportRunner;
class SearchField;

// The audit log: who did what, newest first, read a page at a time as the table scrolls; a search box (actor,
// action, entity, details) and Export… of the lines found to CSV, with progress and cancel.
class AuditLogDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AuditLogDialog(Database& database, QWidget* parent = nullptr);

    AuditLogTableModel* model() const { return m_model; }

public slots:
    // Asks for a file (FileDialog, scriptable) and writes the lines the search finds.
    void exportCsv();

private:
    void showCount(qint64 count);

    Database& m_database;
    AuditLogTableModel* m_model;
    SearchField* m_search;
    QTableView* m_table;
    QLabel* m_countLabel;
    QLabel* m_statusLabel;
    QPushButton* m_exportButton;
    ExportRunner* m_exporter;
};

} // namespace herald
