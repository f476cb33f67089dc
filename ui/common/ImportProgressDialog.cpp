#include "ImportProgressDialog.h"

#include <QVBoxLayout>

namespace herald {

ImportProgressDialog::ImportProgressDialog(const QString& title, const QString& path, QWidget* parent)
    : QDialog(parent)
    , m_run(new ImportRunView(path, this))
{
    setObjectName(QStringLiteral("importProgressDialog"));
    setWindowTitle(title);
    resize(640, 420);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_run);
    connect(m_run, &ImportRunView::imported, this, &ImportProgressDialog::imported);
    connect(m_run, &ImportRunView::closeRequested, this, &QDialog::accept);
}

void ImportProgressDialog::start(ImportRunView::Import import) { m_run->start(std::move(import)); }

void ImportProgressDialog::reject()
{
    // Escape or the close button while importing means Cancel: stop after the batch in hand, then report.
    if (m_run->isImporting()) {
        m_run->cancel();
        return;
    }
    QDialog::reject();
}

} // namespace herald
