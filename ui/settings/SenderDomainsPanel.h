#pragma once

#include "compose/DkimKeyPair.h"
#include "deliverability/DomainCheckReport.h"
#include "deliverability/SenderDomainCheck.h"

#include <QFutureWatcher>
#include <QHostAddress>
#include <QList>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace herald {

class Database;

// The sender domains in Settings: for each domain Herald sends from (its sender identities), the DKIM key it
// signs with (generate one, or import a PEM file; the private key goes to the keychain) and, beside it, an optional
// Ed25519 key (RFC 8463: mail then carries both signatures), the DNS TXT records to publish with a Copy button, and
// "Check DNS", which shows SPF, DKIM and DMARC as pass / missing / wrong with the record to publish.
class SenderDomainsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit SenderDomainsPanel(Database& database, QWidget* parent = nullptr);

    // The DNS server the check asks (tests: a loopback server); null asks the system's.
    void setNameserver(const QHostAddress& address) { m_check->setNameserver(address); }
    QString selectedDomain() const;
    bool isBusy() const;

public slots:
    void reload();
    void selectDomain(const QString& domain);
    // Generates a 2048-bit key for the selected domain off the UI thread (asks first if it has one).
    void generateKey();
    // Generates an Ed25519 key beside the selected domain's RSA key (asks first if it has one).
    void generateEd25519Key();
    void chooseKeyFile();
    void importKeyFile(const QString& path);
    void copyRecord();
    void checkDns();

signals:
    void keyStored(const QString& domain);
    void checkFinished();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void updateSelection();
    void startGenerating(DkimKeyPair::Algorithm algorithm);
    SenderDomainCheck::Target targetOf(const QString& domain) const;
    // The selector a new key of `algorithm` gets: the one typed, or for Ed25519 one apart from the RSA key's.
    QString selectorFor(const SenderDomainCheck::Target& target, DkimKeyPair::Algorithm algorithm) const;
    bool confirmReplace(const QString& domain, DkimKeyPair::Algorithm algorithm);
    void storeKey(const QString& domain, const DkimKeyPair& pair);
    void showChecks(const QList<DomainCheckReport>& reports);
    void setNote(const QString& text, bool error = false);

    Database& m_database;
    QList<SenderDomainCheck::Target> m_domains;
    QList<DomainCheckReport> m_reports;
    SenderDomainCheck* m_check;
    QFutureWatcher<Result<DkimKeyPair>>* m_generator;
    QString m_generatingFor;
    DkimKeyPair::Algorithm m_generating = DkimKeyPair::Algorithm::Rsa;
    QTreeWidget* m_domainList;
    QLineEdit* m_selectorEdit;
    QPushButton* m_generateButton;
    QPushButton* m_generateEd25519Button;
    QPushButton* m_importButton;
    QPlainTextEdit* m_recordEdit;
    QPushButton* m_copyButton;
    QPushButton* m_checkButton;
    QTreeWidget* m_checkTree;
    QLabel* m_noteLabel;
};

} // namespace herald
