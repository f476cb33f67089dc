#pragma once

#include "ImportRunView.h"

#include <QDialog>

namespace herald {

// Imports a file that needs no column mapping (a suppression list): progress with Cancel at once, then the
// report with every rejected row (ImportRunView). Escape while importing means Cancel.
class ImportProgressDialog : public QDialog
{
    Q_OBJECT
public:
    ImportProgressDialog(const QString& title, const QString& path, QWidget* parent = nullptr);

    // Starts the import; the dialog should be open.
    void start(ImportRunView::Import import);
    bool isImporting() const { return m_run->isImporting(); }
    const ImportReport& report() const { return m_run->report(); }
    ImportRunView* runView() const { return m_run; }

signals:
    void imported();

protected:
    void reject() override;

private:
    ImportRunView* m_run;
};

} // namespace herald
