#include "SenderDomainCheck.h"

#include "compose/DkimKeyPair.h"
#include "compose/DkimSigner.h"
#include "storage/DkimKeyRepository.h"
#include "storage/SenderIdentityRepository.h"

#include <QCoreApplication>
#include <QMap>
#include <QRegularExpression>

namespace herald {

namespace {

using Record = DnsRecordCheck::Record;
using State = DnsRecordCheck::State;

// "k=rsa; p=MII…" → {k: rsa, p: MII…}; tag names lower-cased, whitespace inside values dropped (RFC 6376 3.2).
QMap<QString, QString> tags(const QString& text)
{
    QMap<QString, QString> result;
    for (const QString& part : text.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const int equals = part.indexOf(QLatin1Char('='));
        if (equals < 0)
            continue;
        QString value = part.mid(equals + 1);
        value.remove(QRegularExpression(QStringLiteral("\\s")));
        result.insert(part.left(equals).trimmed().toLower(), value);
    }
    return result;
}

QStringList startingWith(const QStringList& texts, const QString& prefix)
{
    QStringList found;
    for (const QString& text : texts) {
        if (text.trimmed().startsWith(prefix, Qt::CaseInsensitive))
            found << text.trimmed();
    }
    return found;
}

DnsRecordCheck make(Record record, const QString& name)
{
    DnsRecordCheck check;
    check.record = record;
    check.name = name;
    return check;
}
} // namespace

SenderDomainCheck::SenderDomainCheck(QObject* parent) : QObject(parent)
{
    // A DNS server of the organisation's own (split-horizon DNS), or a test server.
    if (qEnvironmentVariableIsSet("HERALD_DNS_SERVER"))
        m_nameserver = QHostAddress(qEnvironmentVariable("HERALD_DNS_SERVER"));
}

DnsRecordCheck SenderDomainCheck::judgeSpf(const QString& domain, const QStringList& texts)
{
    DnsRecordCheck check = make(Record::Spf, domain);
    // Only the "v=spf1" token itself starts an SPF record ("v=spf10" does not).
    QStringList records;
    for (const QString& text : startingWith(texts, QStringLiteral("v=spf1"))) {
        if (text.size() == 6 || text.at(6).isSpace())
            records << text;
    }
    if (records.isEmpty()) {
        check.state = State::Missing;
        check.expected = QStringLiteral("v=spf1 mx ~all");
        check.detail = tr("No SPF record: receivers cannot tell which servers may send for %1. Publish one that names "
                          "your mail servers (add include:… for a mail provider, as its documentation says).")
                           .arg(domain);
        return check;
    }
    check.found = records.join(QStringLiteral(" | "));
    if (records.size() > 1) {
        check.state = State::Wrong;
        check.detail = tr("%1 SPF records: receivers treat more than one as an error (RFC 7208). Merge them into one.")
                           .arg(records.size());
        return check;
    }
    const QStringList terms = records.first().split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    if (terms.contains(QStringLiteral("+all"), Qt::CaseInsensitive) || terms.contains(QStringLiteral("all"), Qt::CaseInsensitive)) {
        check.state = State::Wrong;
        check.expected = QString(records.first()).replace(QRegularExpression(QStringLiteral("\\+?all\\b"),
                                                                             QRegularExpression::CaseInsensitiveOption),
                                                          QStringLiteral("~all"));
        check.detail = tr("The SPF record ends in “+all”: it lets every server in the world send as %1. Use “~all”.")
                           .arg(domain);
        return check;
    }
    check.state = State::Pass;
    check.detail = tr("SPF is published.");
    return check;
}

DnsRecordCheck SenderDomainCheck::judgeDkim(const Target& target, const QStringList& texts, Record record)
{
    const bool ed25519 = record == Record::DkimEd25519;
    const QString selector = ed25519 ? target.ed25519Selector : target.selector;
    const QString publicKey = ed25519 ? target.ed25519PublicKey : target.publicKey;
    const QString wantedType = ed25519 ? QStringLiteral("ed25519") : QStringLiteral("rsa");
    DnsRecordCheck check = make(record, selector.isEmpty() ? QString() : DkimKeyPair::recordName(selector, target.domain));
    if (selector.isEmpty() || publicKey.isEmpty()) {
        check.state = State::Missing;
        check.detail = tr("Herald has no DKIM key for %1: generate or import one in Settings → Sender domains, then "
                          "publish its record.")
                           .arg(target.domain);
        return check;
    }
    const QString expected = DkimKeyPair::txtRecordValue(
        publicKey, ed25519 ? DkimKeyPair::Algorithm::Ed25519 : DkimKeyPair::Algorithm::Rsa);
    QStringList records;
    for (const QString& text : texts) {
        if (tags(text).contains(QStringLiteral("p")))
            records << text.trimmed();
    }
    if (records.isEmpty()) {
        check.state = State::Missing;
        check.expected = expected;
        check.detail = tr("No DKIM key is published at %1: receivers cannot check Herald's signatures.").arg(check.name);
        return check;
    }
    for (const QString& record : std::as_const(records)) {
        const auto values = tags(record);
        const QString keyType = values.value(QStringLiteral("k"), QStringLiteral("rsa"));
        if (values.value(QStringLiteral("p")) == publicKey && keyType.compare(wantedType, Qt::CaseInsensitive) == 0) {
            check.state = State::Pass;
            check.found = record;
            check.detail = tr("The published key is the one Herald signs with.");
            return check;
        }
    }
    check.state = State::Wrong;
    check.found = records.first();
    check.expected = expected;
    const auto values = tags(records.first());
    check.detail = values.value(QStringLiteral("p")).isEmpty()
        ? tr("The published key is revoked (empty p=): every signature fails. Publish Herald's key.")
        : tr("The published key is not the one Herald signs with: every signature fails. Replace it with Herald's key.");
    return check;
}

DnsRecordCheck SenderDomainCheck::judgeDmarc(const QString& domain, const QStringList& texts)
{
    DnsRecordCheck check = make(Record::Dmarc, QStringLiteral("_dmarc.") + domain);
    const QString suggested = QStringLiteral("v=DMARC1; p=none; rua=mailto:dmarc-reports@") + domain;
    QStringList records;
    for (const QString& text : texts) {
        if (tags(text).value(QStringLiteral("v")).compare(QLatin1String("DMARC1"), Qt::CaseInsensitive) == 0)
            records << text.trimmed();
    }
    if (records.isEmpty()) {
        check.state = State::Missing;
        check.expected = suggested;
        check.detail = tr("No DMARC record: Gmail and Yahoo require one from bulk senders. Start with p=none and "
                          "read the reports before tightening it.");
        return check;
    }
    check.found = records.join(QStringLiteral(" | "));
    if (records.size() > 1) {
        check.state = State::Wrong;
        check.expected = suggested;
        check.detail = tr("%1 DMARC records: receivers ignore them all when there is more than one. Keep one.")
                           .arg(records.size());
        return check;
    }
    static const QStringList policies{QStringLiteral("none"), QStringLiteral("quarantine"), QStringLiteral("reject")};
    const auto values = tags(records.first());
    if (!records.first().startsWith(QLatin1String("v=DMARC1"), Qt::CaseInsensitive)
        || !policies.contains(values.value(QStringLiteral("p")).toLower())) {
        check.state = State::Wrong;
        check.expected = suggested;
        check.detail = tr("The DMARC record must start with v=DMARC1 and carry a policy p=none, p=quarantine or "
                          "p=reject.");
        return check;
    }
    check.state = State::Pass;
    check.detail = tr("DMARC is published (policy %1).").arg(values.value(QStringLiteral("p")).toLower());
    return check;
}

void SenderDomainCheck::start(const QList<Target>& targets)
{
    ++m_generation;
    m_targets = targets;
    m_reports.clear();
    m_pending = 0;
    for (int i = 0; i < targets.size(); ++i) {
        DomainCheckReport report;
        report.domain = targets.at(i).domain;
        report.records = {make(Record::Spf, targets.at(i).domain), make(Record::Dkim, QString()),
                          make(Record::Dmarc, QString())};
        m_reports << report;
    }
    if (targets.isEmpty()) {
        emit finished(m_reports);
        return;
    }
    for (int i = 0; i < targets.size(); ++i) {
        const Target& target = targets.at(i);
        lookUp(i, int(Record::Spf), target.domain);
        if (target.selector.isEmpty()) // nothing to look up: the verdict is already known
            m_reports[i].records[int(Record::Dkim)] = judgeDkim(target, {});
        else
            lookUp(i, int(Record::Dkim), DkimKeyPair::recordName(target.selector, target.domain));
        lookUp(i, int(Record::Dmarc), QStringLiteral("_dmarc.") + target.domain);
        if (!target.ed25519Selector.isEmpty()) {
            m_reports[i].records << make(Record::DkimEd25519, QString());
            lookUp(i, int(Record::DkimEd25519), DkimKeyPair::recordName(target.ed25519Selector, target.domain));
        }
    }
}

void SenderDomainCheck::lookUp(int report, int record, const QString& name)
{
    auto* lookup = new QDnsLookup(QDnsLookup::TXT, name, this);
    if (!m_nameserver.isNull())
        lookup->setNameserver(m_nameserver);
    const int generation = m_generation;
    connect(lookup, &QDnsLookup::finished, this, [this, lookup, report, record, generation] {
        lookup->deleteLater();
        if (generation == m_generation)
            lookupFinished(lookup, report, record);
    });
    ++m_pending;
    lookup->lookup();
}

void SenderDomainCheck::lookupFinished(QDnsLookup* lookup, int report, int record)
{
    const Target& target = m_targets.at(report);
    DnsRecordCheck& check = m_reports[report].records[record];
    const QDnsLookup::Error error = lookup->error();
    // A name that exists without TXT records (NODATA) comes back from Qt 6.4 as InvalidReplyError: glibc's
    // res_nquery() returns -1 for an answer with no records, and Qt cannot tell it from garbage. Both mean
    // "nothing published here" to the user.
    const bool nothingPublished = error == QDnsLookup::NotFoundError || error == QDnsLookup::InvalidReplyError;
    if (error != QDnsLookup::NoError && !nothingPublished) {
        check = make(Record(record), lookup->name());
        check.state = State::Failed;
        check.detail = tr("Could not ask DNS about %1: %2").arg(lookup->name(), lookup->errorString());
    } else {
        // A TXT record may be split into several strings of up to 255 bytes: joined, they are one value.
        QStringList texts;
        for (const QDnsTextRecord& text : lookup->textRecords()) {
            QByteArray joined;
            for (const QByteArray& part : text.values())
                joined += part;
            texts << QString::fromUtf8(joined);
        }
        switch (Record(record)) {
        case Record::Spf:
            check = judgeSpf(target.domain, texts);
            break;
        case Record::Dkim:
            check = judgeDkim(target, texts);
            break;
        case Record::Dmarc:
            check = judgeDmarc(target.domain, texts);
            break;
        case Record::DkimEd25519:
            check = judgeDkim(target, texts, Record::DkimEd25519);
            break;
        }
    }
    if (--m_pending == 0)
        emit finished(m_reports);
}

Result<QList<SenderDomainCheck::Target>> SenderDomainCheck::senderDomains(Database& database)
{
    auto keys = DkimKeyRepository(database).list();
    if (!keys)
        return keys.error();
    auto identities = SenderIdentityRepository(database).list();
    if (!identities)
        return identities.error();
    QMap<QString, Target> byDomain; // sorted by domain
    for (const DkimDomainKey& key : keys.value())
        byDomain.insert(key.domain, Target{key.domain, key.selector, key.publicKey, key.ed25519Selector, key.ed25519PublicKey});
    for (const SenderIdentity& identity : identities.value()) {
        const QString domain = DkimSigner::domainOf(identity.fromEmail);
        if (!domain.isEmpty() && !byDomain.contains(domain))
            byDomain.insert(domain, Target{domain, {}, {}, {}, {}});
    }
    return byDomain.values();
}

Result<SenderDomainCheck::Target> SenderDomainCheck::targetFor(Database& database, const QString& fromEmail)
{
    const QString domain = DkimSigner::domainOf(fromEmail);
    auto key = DkimKeyRepository(database).find(domain);
    if (key)
        return Target{domain, key->selector, key->publicKey, key->ed25519Selector, key->ed25519PublicKey};
    if (key.error().kind != Error::Kind::NotFound)
        return key.error();
    return Target{domain, {}, {}, {}, {}};
}

std::optional<SenderDomainCheck::Target> SenderDomainCheck::targetBeforeQueueing(Database& database,
                                                                                const QString& fromEmail,
                                                                                qint64 recipients)
{
    if (recipients <= BulkThreshold)
        return std::nullopt;
    auto target = targetFor(database, fromEmail);
    if (!target)
        return std::nullopt;
    return target.value();
}

} // namespace herald
