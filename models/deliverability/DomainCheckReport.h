#pragma once

#include <QCoreApplication>
#include <QList>
#include <QMetaType>
#include <QString>

namespace herald {

// What DNS says about one authentication record of a sender domain, and what to publish instead.
struct DnsRecordCheck
{
    enum class Record { Spf, Dkim, Dmarc, DkimEd25519 }; // the last only for a domain with an Ed25519 key
    enum class State {
        Pass,    // published and usable
        Missing, // not published
        Wrong,   // published but unusable or not matching Herald's key
        Failed,  // DNS could not be asked (server failure, timeout): unknown
    };

    Record record = Record::Spf;
    State state = State::Missing;
    QString name;     // the DNS name looked up: "example.org", "herald202611._domainkey.example.org"
    QString found;    // the TXT value found (the relevant one), empty when none
    QString expected; // the TXT value to publish at `name`; empty when Pass or Herald cannot say
    QString detail;   // one sentence: why it is not Pass, or what passed

    static QString recordText(Record record);
    static QString stateText(State state);
};

// The three checks of one sender domain.
struct DomainCheckReport
{
    Q_DECLARE_TR_FUNCTIONS(herald::DomainCheckReport)
public:
    QString domain;
    QList<DnsRecordCheck> records; // SPF, DKIM, DMARC in that order, then DKIM (Ed25519) when the domain has that key

    bool allPass() const;
    // "SPF missing, DMARC wrong" for a warning; empty when everything passes.
    QString problemSummary() const;
};

} // namespace herald

Q_DECLARE_METATYPE(herald::DomainCheckReport)
