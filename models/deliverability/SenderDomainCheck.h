#pragma once

#include "DomainCheckReport.h"
#include "domain/Error.h"
#include "storage/Database.h"

#include <QDnsLookup>
#include <QHostAddress>
#include <QList>
#include <QObject>

#include <optional>

namespace herald {

// Asks DNS whether a sender domain publishes what receivers check (Gmail and Yahoo require it of bulk senders):
// SPF (`v=spf1` TXT at the domain), DKIM (TXT at `<selector>._domainkey.<domain>` whose p= is the key Herald
// signs with; the same for an Ed25519 key beside the RSA one, k=ed25519) and DMARC (`v=DMARC1` TXT at `_dmarc.<domain>`). Every lookup runs at once (QDnsLookup,
// asynchronous); finished() comes once with one report per domain, in the order asked.
class SenderDomainCheck : public QObject
{
    Q_OBJECT
public:
    // One domain to check, with the DKIM keys Herald holds for it (empty selector: none).
    struct Target
    {
        QString domain;
        QString selector;
        QString publicKey;
        QString ed25519Selector;
        QString ed25519PublicKey;
    };

    explicit SenderDomainCheck(QObject* parent = nullptr);

    // The DNS server to ask; null asks the system's resolvers. The default is HERALD_DNS_SERVER (an IP address) when
    // set, else null. Qt 6.4 always uses port 53.
    void setNameserver(const QHostAddress& address) { m_nameserver = address; }
    QHostAddress nameserver() const { return m_nameserver; }

    // Starts checking; a check still running is abandoned.
    void start(const QList<Target>& targets);
    bool isRunning() const { return m_pending > 0; }
    QList<DomainCheckReport> reports() const { return m_reports; }

    // The domains Herald sends from: those of the sender identities and of the DKIM keys, each with its key.
    static Result<QList<Target>> senderDomains(Database& database);
    // The domain of one From address, with its key.
    static Result<Target> targetFor(Database& database, const QString& fromEmail);

    // Campaigns to more recipients than this get their sender domain's DNS checked before they are queued
    // (Gmail and Yahoo's bulk sender rules start at 5,000 messages a day).
    static constexpr qint64 BulkThreshold = 5000;
    // What to check before a campaign from `fromEmail` to `recipients` is queued: nothing for a small campaign,
    // nor when the database cannot say which key the domain has (the check is a warning, never a block).
    static std::optional<Target> targetBeforeQueueing(Database& database, const QString& fromEmail, qint64 recipients);

    // The verdicts, given the TXT values found at the record's name (for tests of the rules, and the lookups).
    static DnsRecordCheck judgeSpf(const QString& domain, const QStringList& texts);
    // `record`: Dkim judges the RSA key's record, DkimEd25519 the Ed25519 key's.
    static DnsRecordCheck judgeDkim(const Target& target, const QStringList& texts, DnsRecordCheck::Record record = DnsRecordCheck::Record::Dkim);
    static DnsRecordCheck judgeDmarc(const QString& domain, const QStringList& texts);

signals:
    void finished(const QList<herald::DomainCheckReport>& reports);

private:
    void lookUp(int report, int record, const QString& name);
    void lookupFinished(QDnsLookup* lookup, int report, int record);

    QHostAddress m_nameserver;
    QList<Target> m_targets;
    QList<DomainCheckReport> m_reports;
    int m_pending = 0;
    int m_generation = 0; // lookups of an abandoned check are ignored
};

} // namespace herald
