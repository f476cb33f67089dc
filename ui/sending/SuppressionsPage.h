#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace herald {

class Database;
class SearchField;
class ExportRunner;
class ImportProgressDialog;
class SuppressionTableModel;

// The suppression list: every address Herald must never mail (unsubscribed, hard-bounced, complained, added by
// hand, and the anonymised entries GDPR erasures leave), newest first. Search and the reason filter are answered
// by the database and rows are read page by page (SuppressionTableModel), so a million entries stay quick. Add
// suppresses one address, Remove lifts the selected ones after saying they can be mailed again, Import and Export
// move CSV lists with progress and Cancel.
class SuppressionsPage : public QWidget
{
    Q_OBJECT
public:
    explicit SuppressionsPage(Database& database, QWidget* parent = nullptr);

    SuppressionTableModel* model() const { return m_model; }

public slots:
    // Dialogs open without blocking (QDialog::open), so a test finds them with findChild.
    void addSuppression();
    void removeSelected();
    // Reads the first page again, keeping search and filter (after an outside change).
    void refresh();
    // The actions ask for a file, then call these (which tests call directly).
    ImportProgressDialog* importFile(const QString& path);
    void exportTo(const QString& path);

private:
    void showCount(qint64 count);
    void showError(const QString& message);
    void showHint(const QString& message);
    void updateActions();
    void chooseImportFile();
    void chooseExportFile();

    Database& m_database;
    SuppressionTableModel* m_model;
    QTableView* m_view;
    SearchField* m_searchEdit;
    QComboBox* m_reasonCombo;
    QLabel* m_countLabel;
    QLabel* m_hintLabel;
    QLabel* m_errorLabel;
    QPushButton* m_removeButton;
    ExportRunner* m_exporter;
};

} // namespace herald
