#pragma once

#include "domain/Error.h"
#include "sending/DeliveryOutcome.h"

#include <QDialog>
#include <QFutureWatcher>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;

namespace herald {

class Database;

// "Test send": renders the campaign for a nonprofit the user picks and sends it once to an address they type,
// through one configured provider, off the UI thread; shows the server's reply or the error. The files the
// message carries are listed with their sizes, their total and the warning above 1 MB.
class TestSendDialog : public QDialog
{
    Q_OBJECT
public:
    TestSendDialog(Database& database, qint64 campaignId, QWidget* parent = nullptr);
    ~TestSendDialog() override;

    // True until the result is shown (the watcher's finished signal comes after isRunning() turns false).
    bool isSending() const { return m_sending; }

public slots:
    void send();

private:
    void findNonprofits();
    void loadProviders();
    void showAttachments();
    void showResult();

    Database& m_database;
    qint64 m_campaignId;
    QLineEdit* m_searchEdit;
    QTimer* m_searchTimer;
    QComboBox* m_nonprofitCombo;
    QLineEdit* m_addressEdit;
    QComboBox* m_providerCombo;
    QLabel* m_attachmentsLabel;
    QLabel* m_resultLabel;
    QPushButton* m_sendButton;
    QFutureWatcher<Result<DeliveryOutcome>> m_watcher;
    bool m_sending = false;
};

} // namespace herald
