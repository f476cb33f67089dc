#include "DomainCheckReport.h"

#include <QCoreApplication>
#include <QStringList>

namespace herald {

namespace {
QString tr(const char* text) { return QCoreApplication::translate("DomainCheckReport", text); }
} // namespace

QString DnsRecordCheck::recordText(Record record)
{
    switch (record) {
    case Record::Spf:
        return QStringLiteral("SPF");
    case Record::Dkim:
        return QStringLiteral("DKIM");
    case Record::Dmarc:
        return QStringLiteral("DMARC");
    }
    return {};
}

QString DnsRecordCheck::stateText(State state)
{
    switch (state) {
    case State::Pass:
        return tr("pass");
    case State::Missing:
        return tr("missing");
    case State::Wrong:
        return tr("wrong");
    case State::Failed:
        return tr("lookup failed");
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
