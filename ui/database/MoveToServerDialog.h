#pragma once

#include "storage/ConnectionProfile.h"
#include "storage/copy/DatabaseCopier.h"

#include <QDialog>
#include <QList>

#include <memory>

class QComboBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace herald {

class BackgroundJob;
class Database;
class ProfileStore;

// File → Move to a team server…: copies everything the open database holds into an empty PostgreSQL database of
// another profile (DatabaseCopier), off the UI thread, with a progress bar per table and Cancel. Says what was copied
// (the counts on both sides), or why it was refused, or that a cancelled move left the server empty.
class MoveToServerDialog : public QDialog
{
    Q_OBJECT
public:
    MoveToServerDialog(Database& source, ProfileStore& profiles, QWidget* parent = nullptr);
    ~MoveToServerDialog() override;

    bool isMoving() const;

protected:
    void reject() override;

private:
    void startMove();
    void showTables(const QStringList& tables);
    void showTableProgress(int table, qint64 done, qint64 total);
    void finishMove();

    Database& m_source;
    QList<ConnectionProfile> m_targets;
    QComboBox* m_targetCombo;
    QLineEdit* m_passwordEdit;
    QGridLayout* m_tablesGrid;
    QLabel* m_tablesHint;
    QList<QProgressBar*> m_tableBars;
    QList<QWidget*> m_tableRows; // the bars and their labels
    QLabel* m_statusLabel;
    QPushButton* m_moveButton;
    QPushButton* m_cancelButton;
    BackgroundJob* m_job;
    // What the job ends with: written on its thread before it returns, read here once it has finished.
    struct Result
    {
        QString text;
        bool succeeded = false;
        QList<DatabaseCopier::TableCount> tables;
    };
    std::shared_ptr<Result> m_result;
};

} // namespace herald
