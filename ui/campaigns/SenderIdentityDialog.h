#pragma once

#include "domain/Error.h"
#include "domain/SenderIdentity.h"
#include "storage/SenderIdentityRepository.h"

#include <QDialog>
#include <QHash>

class QLabel;
class QPlainTextEdit;

namespace herald {

// Adds or edits one sender identity (From, Reply-To, postal address, unsubscribe link). Saves it itself and
// stays open, pointing at the field at fault, until the input is valid.
class SenderIdentityDialog : public QDialog
{
    Q_OBJECT
public:
    SenderIdentityDialog(Database& database, const SenderIdentity& identity, QWidget* parent = nullptr);

    // After accept(): the identity as stored.
    const SenderIdentity& identity() const { return m_identity; }

public slots:
    void accept() override;

private:
    SenderIdentity collect() const;
    void showError(const Error& error);

    SenderIdentityRepository m_repository;
    SenderIdentity m_identity;
    QHash<QString, QWidget*> m_fields; // by the field names errors use
    QPlainTextEdit* m_postalAddress;
    QLabel* m_errorLabel;
};

} // namespace herald
