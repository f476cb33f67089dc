#pragma once

#include "importexport/ColumnMapping.h"
#include "importexport/ImportReport.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QStackedWidget;
class QTableWidget;

namespace herald {

class Database;
class ImportRunView;

// Imports a CSV file of nonprofits in three steps: choose which field each column fills (guessed from the header,
// shown with sample values) and the key that finds existing rows; watch the progress (Cancel stops after the
// batch in hand, keeping whole batches); read the report with every rejected row, which can be saved as CSV.
class ImportDialog : public QDialog
{
    Q_OBJECT
public:
    ImportDialog(Database& database, QString path, QWidget* parent = nullptr);

    // False when the file could not be read: errorText() says why and the dialog should not be shown.
    bool isReady() const { return m_ready; }
    QString errorText() const { return m_errorText; }
    const ImportReport& report() const;
    bool isImporting() const;

public slots:
    void startImport();
    void saveRejectedRows(const QString& path);

signals:
    // Rows were stored (also after a cancel with whole batches committed): the table should reload.
    void imported();

protected:
    void reject() override;

private:
    void buildMappingPage();
    ColumnMapping chosenMapping() const;

    Database& m_database;
    QString m_path;
    bool m_ready = false;
    QString m_errorText;
    ColumnMapping m_guessed;
    QList<QStringList> m_sampleRows;
    char m_delimiter = ',';

    QStackedWidget* m_pages;
    ImportRunView* m_run = nullptr;
    QTableWidget* m_mappingTable = nullptr;
    QComboBox* m_keyCombo = nullptr;
    QLabel* m_mappingError = nullptr;
};

} // namespace herald
