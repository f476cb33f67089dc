#pragma once

#include <QWidget>

class QAction;
class QLabel;
class QPushButton;
class QTableView;

namespace herald {

struct Nonprofit;
class Database;
class SearchField;
class ExportRunner;
class ImportDialog;
class SegmentFilterBar;
class NonprofitDialog;
class NonprofitTableModel;
class SampleDataActions;
class WelcomePanel;

// The nonprofits list. Search, segment filters, sort and paging are done by the database (NonprofitTableModel),
// so it stays quick with a million rows; Add and Edit open a NonprofitDialog, Delete asks first. Import and export
// of CSV files run in the background with progress and Cancel; tags change on many rows at once; the GDPR actions
// export or erase what Herald holds about one nonprofit.
class NonprofitsPage : public QWidget
{
    Q_OBJECT
public:
    explicit NonprofitsPage(Database& database, QWidget* parent = nullptr);

    NonprofitTableModel* model() const { return m_model; }
    // Loading and removing the sample data (the welcome panel and the Help menu use it).
    SampleDataActions* sampleData() const { return m_sampleData; }

public slots:
    // Dialogs open without blocking (QDialog::open), so a test finds them with findChild.
    void addNonprofit();
    void editCurrent();
    void deleteSelected();
    // Reads the first page again, keeping search and sort (after a reconnect or an outside change).
    void refresh();
    // The actions ask for a file, then call these (which tests call directly).
    ImportDialog* importFile(const QString& path);
    void exportTo(const QString& path);
    void exportPersonalDataTo(const QString& path);
    void tagSelected();
    void eraseSelected();

signals:
    // The welcome panel's "Connect to your team's server": the window shows where profiles are managed.
    void connectServerRequested();

protected:
    void showEvent(QShowEvent* event) override;

private:
    // The welcome panel shows while the database is empty.
    void updateWelcome();
    void showSampleLoaded(qint64 nonprofits);
    void openDialog(NonprofitDialog* dialog);
    void showCount(qint64 count);
    void showColumnMenu(const QPoint& position);
    void showError(const QString& message);
    void updateActions();
    void selectNonprofit(qint64 id);
    void chooseImportFile();
    void chooseExportFile();
    void choosePersonalDataFile();
    const Nonprofit* singleSelected() const;
    QList<qint64> selectedIds(QStringList* names) const;

    Database& m_database;
    NonprofitTableModel* m_model;
    QTableView* m_view;
    SearchField* m_searchEdit;
    QLabel* m_countLabel;
    QLabel* m_hintLabel;
    QLabel* m_errorLabel;
    QLabel* m_nextStepLabel;
    WelcomePanel* m_welcome;
    SampleDataActions* m_sampleData;
    QPushButton* m_addButton;
    QPushButton* m_editButton;
    QPushButton* m_deleteButton;
    QPushButton* m_tagButton;
    QPushButton* m_privacyButton;
    QAction* m_exportPersonalDataAction = nullptr;
    QAction* m_eraseAction = nullptr;
    SegmentFilterBar* m_filterBar;
    ExportRunner* m_exporter;
    int m_sortColumn;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};

} // namespace herald
