#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace herald {

class Database;
class NonprofitDialog;
class NonprofitTableModel;

// The nonprofits list. Search, sort and paging are done by the database (NonprofitTableModel), so it
// stays quick with a million rows; Add and Edit open a NonprofitDialog, Delete asks first.
class NonprofitsPage : public QWidget
{
    Q_OBJECT
public:
    explicit NonprofitsPage(Database& database, QWidget* parent = nullptr);

    NonprofitTableModel* model() const { return m_model; }

public slots:
    // Dialogs open without blocking (QDialog::open), so a test finds them with findChild.
    void addNonprofit();
    void editCurrent();
    void deleteSelected();
    // Reads the first page again, keeping search and sort (after a reconnect or an outside change).
    void refresh();

private:
    void openDialog(NonprofitDialog* dialog);
    void showCount(qint64 count);
    void showColumnMenu(const QPoint& position);
    void showError(const QString& message);
    void updateActions();
    void selectNonprofit(qint64 id);
    QList<qint64> selectedIds(QStringList* names) const;

    Database& m_database;
    NonprofitTableModel* m_model;
    QTableView* m_view;
    QLineEdit* m_searchEdit;
    QTimer* m_searchTimer;
    QLabel* m_countLabel;
    QLabel* m_hintLabel;
    QLabel* m_errorLabel;
    QPushButton* m_addButton;
    QPushButton* m_editButton;
    QPushButton* m_deleteButton;
    int m_sortColumn;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};

} // namespace herald
