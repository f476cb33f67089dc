#include "DomainCheckReport.h"

#include <QCoreApplication>
#include <QStringList>

namespace herald {


QString DnsRecordCheck::recordText(Record record)
{
    switch (record) {
    case Record::Spf:
        return QStringLiteral("SPF");
    case Record::Dkim:
        return QStringLiteral("DKIM");
    case Record::Dmarc:
        return QStringLiteral("DMARC");
    case Record::DkimEd25519:
        return QStringLiteral("DKIM (Ed25519)");
    }
    return {};
}

QString DnsRecordCheck::stateText(State state)
{
    switch (state) {
    case State::Pass:
        return DomainCheckReport::tr("pass");
    case State::Missing:
        return DomainCheckReport::tr("missing");
    case State::Wrong:
        return DomainCheckReport::tr("wrong");
    case State::Failed:
        return DomainCheckReport::tr("lookup failed");
    }
    return {};
}

bool DomainCheckReport::allPass() const
{
    for (const DnsRecordCheck& check : records) {
        if (check.state != DnsRecordCheck::State::Pass)
            return false;
    }
    return !records.isEmpty();
}

QString DomainCheckReport::problemSummary() const
{
    QStringList problems;
    for (const DnsRecordCheck& check : records) {
        if (check.state != DnsRecordCheck::State::Pass)
            problems << tr("%1 %2").arg(DnsRecordCheck::recordText(check.record), DnsRecordCheck::stateText(check.state));
    }
    return problems.join(QStringLiteral(", "));
}

} // namespace herald
