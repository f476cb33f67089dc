#pragma once

#include "domain/Error.h"
#include "domain/Nonprofit.h"
#include "storage/NonprofitRepository.h"

#include <QDialog>
#include <QHash>

class QComboBox;
class QLabel;
class QLineEdit;

namespace herald {

// Adds or edits one nonprofit. It checks and saves the row itself, so any error (an invalid field,
// an email another row already has, someone else's edit) is shown in the dialog next to the field
// at fault, and the dialog stays open with everything the user typed.
class NonprofitDialog : public QDialog
{
    Q_OBJECT
public:
    // A new nonprofit.
    explicit NonprofitDialog(Database& database, QWidget* parent = nullptr);
    // An existing one, as last read from the database (its version detects concurrent edits).
    NonprofitDialog(Database& database, const Nonprofit& nonprofit, QWidget* parent = nullptr);

    // After accept(): the row as stored, with its id and new version.
    const Nonprofit& nonprofit() const { return m_nonprofit; }
    bool isNew() const { return m_nonprofit.id == 0; }

public slots:
    void accept() override;

private:
    void buildForm();
    void load(const Nonprofit& nonprofit);
    Nonprofit collect() const;
    void showError(const Error& error);
    void clearErrors();
    QLineEdit* addLineEdit(const QString& field, const QString& objectName, int maxLength);

    NonprofitRepository m_repository;
    Nonprofit m_nonprofit;
    QHash<QString, QLineEdit*> m_fields; // by the field names errors use ("email", "postal_code")
    QComboBox* m_statusCombo = nullptr;
    QComboBox* m_consentCombo = nullptr;
    QLabel* m_errorLabel = nullptr;
};

} // namespace herald
