#pragma once

#include "domain/Suppression.h"
#include "storage/SuppressionRepository.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;

namespace herald {

// Adds one address to the suppression list by hand: the address, the reason (Manual unless the user knows better)
// and a note kept as the entry's source. It stores the entry itself, so an invalid address or one already
// suppressed is shown in the dialog, next to the address field, and nothing typed is lost.
class SuppressionDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SuppressionDialog(Database& database, QWidget* parent = nullptr);

    // After accept(): the entry as stored.
    const Suppression& suppression() const { return m_suppression; }

public slots:
    void accept() override;

private:
    void showError(const QString& message);

    SuppressionRepository m_repository;
    Suppression m_suppression;
    QLineEdit* m_addressEdit;
    QComboBox* m_reasonCombo;
    QLineEdit* m_noteEdit;
    QLabel* m_errorLabel;
};

} // namespace herald
