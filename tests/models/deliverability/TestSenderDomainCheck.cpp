#include "DnsTestServer.h"
#include "compose/DkimKeyPair.h"
#include "deliverability/SenderDomainCheck.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace herald;

// The sender domain check asks a real authoritative DNS server: our dnspython test server on port 53 of
// 127.0.0.77 (see DnsTestServer.h for why port 53 and a loopback address of its own), serving domains whose
// SPF, DKIM and DMARC records are good, missing, wrong, or whose server fails.
class TestSenderDomainCheck : public QObject
{
    Q_OBJECT

    test::DnsTestServer m_dns;
    QString m_ourKey;
    QString m_otherKey;
    QString m_edKey;
    using State = DnsRecordCheck::State;

    QList<DomainCheckReport> check(const QList<SenderDomainCheck::Target>& targets)
    {
        SenderDomainCheck checker;
        checker.setNameserver(QHostAddress(m_dns.address()));
        QSignalSpy finished(&checker, &SenderDomainCheck::finished);
        checker.start(targets);
        if (finished.isEmpty() && !finished.wait(20000))
            return {};
        [&] { QVERIFY(!checker.isRunning()); }();
        return finished.first().first().value<QList<DomainCheckReport>>();
    }
    SenderDomainCheck::Target target(const QString& domain) const { return {domain, QStringLiteral("herald"), m_ourKey, {}, {}}; }
    // With an Ed25519 key beside the RSA one.
    SenderDomainCheck::Target dualTarget(const QString& domain) const
    {
        return {domain, QStringLiteral("herald"), m_ourKey, QStringLiteral("herald-ed"), m_edKey};
    }

private slots:
    void initTestCase()
    {
        qRegisterMetaType<QList<DomainCheckReport>>();
        auto ours = DkimKeyPair::generate();
        auto other = DkimKeyPair::generate();
        auto ed25519 = DkimKeyPair::generate(DkimKeyPair::Algorithm::Ed25519);
        QVERIFY(ours.ok() && other.ok() && ed25519.ok());
        m_edKey = ed25519->publicKeyBase64();
        m_ourKey = ours->publicKeyBase64();
        m_otherKey = other->publicKeyBase64();
        const QJsonObject zone{
            // Everything right, next to a TXT record of another purpose; the DKIM key is longer than 255
            // bytes, so it is served as several strings that must be joined.
            {QStringLiteral("good.example"), QJsonArray{QStringLiteral("google-site-verification=abc123"),
                                                        QStringLiteral("v=spf1 mx include:_spf.mail.example ~all")}},
            {QStringLiteral("herald._domainkey.good.example"), QJsonArray{DkimKeyPair::txtRecordValue(m_ourKey)}},
            {QStringLiteral("herald-ed._domainkey.good.example"),
             QJsonArray{DkimKeyPair::txtRecordValue(m_edKey, DkimKeyPair::Algorithm::Ed25519)}},
            {QStringLiteral("_dmarc.good.example"), QJsonArray{QStringLiteral("v=DMARC1; p=quarantine; rua=mailto:d@good.example")}},
            // The domain exists with no TXT at all; the other names do not exist (NXDOMAIN).
            {QStringLiteral("missing.example"), QJsonArray{}},
            // Two SPF records, another key, a DMARC record with no policy.
            {QStringLiteral("wrong.example"), QJsonArray{QStringLiteral("v=spf1 mx ~all"), QStringLiteral("v=spf1 a -all")}},
            {QStringLiteral("herald._domainkey.wrong.example"), QJsonArray{DkimKeyPair::txtRecordValue(m_otherKey)}},
            // The Ed25519 key published as if it were RSA (k= left out): receivers cannot use it.
            {QStringLiteral("herald-ed._domainkey.wrong.example"), QJsonArray{QStringLiteral("v=DKIM1; p=") + m_edKey}},
            {QStringLiteral("_dmarc.wrong.example"), QJsonArray{QStringLiteral("v=DMARC1; rua=mailto:d@wrong.example")}},
            // "+all", a revoked key, two DMARC records.
            {QStringLiteral("open.example"), QJsonArray{QStringLiteral("v=spf1 a +all")}},
            {QStringLiteral("herald._domainkey.open.example"), QJsonArray{QStringLiteral("v=DKIM1; k=rsa; p=")}},
            {QStringLiteral("_dmarc.open.example"), QJsonArray{QStringLiteral("v=DMARC1; p=none"), QStringLiteral("v=DMARC1; p=reject")}},
            // The server fails for every name of this domain.
            {QStringLiteral("broken.example"), QStringLiteral("SERVFAIL")},
            {QStringLiteral("herald._domainkey.broken.example"), QStringLiteral("SERVFAIL")},
            {QStringLiteral("_dmarc.broken.example"), QStringLiteral("SERVFAIL")},
        };
        QVERIFY2(m_dns.start(QStringLiteral("127.0.0.77"), zone), qPrintable(m_dns.lastError()));
    }

    void goodDomainPasses()
    {
        const auto reports = check({target(QStringLiteral("good.example"))});
        QCOMPARE(reports.size(), 1);
        const DomainCheckReport& report = reports.first();
        QCOMPARE(report.domain, QStringLiteral("good.example"));
        QVERIFY2(report.allPass(), qPrintable(report.problemSummary()));
        QCOMPARE(report.records.at(0).found, QStringLiteral("v=spf1 mx include:_spf.mail.example ~all"));
        QCOMPARE(report.records.at(1).name, QStringLiteral("herald._domainkey.good.example"));
        QCOMPARE(report.records.at(1).found, DkimKeyPair::txtRecordValue(m_ourKey));
        QVERIFY(report.records.at(2).detail.contains(QLatin1String("quarantine")));
        // The lookups went to our server, not the system's resolver.
        const QStringList asked = m_dns.questions();
        for (const char* name : {"good.example", "herald._domainkey.good.example", "_dmarc.good.example"})
            QVERIFY2(asked.contains(QLatin1String(name)), name);
    }

    void missingRecordsSayWhatToPublish()
    {
        const DomainCheckReport report = check({target(QStringLiteral("missing.example"))}).value(0);
        QCOMPARE(report.records.size(), 3);
        for (const DnsRecordCheck& record : report.records)
            QVERIFY2(record.state == State::Missing, qPrintable(record.name + QLatin1Char(' ') + record.detail));
        QCOMPARE(report.records.at(0).expected, QStringLiteral("v=spf1 mx ~all"));
        QCOMPARE(report.records.at(1).expected, DkimKeyPair::txtRecordValue(m_ourKey));
        QCOMPARE(report.records.at(2).name, QStringLiteral("_dmarc.missing.example"));
        QCOMPARE(report.records.at(2).expected, QStringLiteral("v=DMARC1; p=none; rua=mailto:dmarc-reports@missing.example"));
        QCOMPARE(report.problemSummary(), QStringLiteral("SPF missing, DKIM missing, DMARC missing"));
    }

    void wrongRecordsAreNamed()
    {
        const auto reports = check({target(QStringLiteral("wrong.example")), target(QStringLiteral("open.example"))});
        QCOMPARE(reports.size(), 2);
        for (const DomainCheckReport& report : reports) {
            for (const DnsRecordCheck& record : report.records)
                QVERIFY2(record.state == State::Wrong, qPrintable(report.domain + QLatin1Char(' ') + record.detail));
        }
        const DomainCheckReport& wrong = reports.at(0);
        QVERIFY(wrong.records.at(0).detail.startsWith(QLatin1String("2 SPF records")));
        QVERIFY(wrong.records.at(1).detail.contains(QLatin1String("not the one Herald signs with")));
        QCOMPARE(wrong.records.at(1).found, DkimKeyPair::txtRecordValue(m_otherKey));
        QCOMPARE(wrong.records.at(1).expected, DkimKeyPair::txtRecordValue(m_ourKey));
        const DomainCheckReport& open = reports.at(1);
        QCOMPARE(open.records.at(0).expected, QStringLiteral("v=spf1 a ~all"));
        QVERIFY(open.records.at(1).detail.contains(QLatin1String("revoked")));
        QVERIFY(open.records.at(2).detail.startsWith(QLatin1String("2 DMARC records")));
    }

    void ed25519KeyIsCheckedBesideRsa()
    {
        const auto reports = check({dualTarget(QStringLiteral("good.example")), dualTarget(QStringLiteral("missing.example")),
                                    dualTarget(QStringLiteral("wrong.example"))});
        QCOMPARE(reports.size(), 3);
        const DomainCheckReport& good = reports.at(0);
        QCOMPARE(good.records.size(), 4);
        QVERIFY2(good.allPass(), qPrintable(good.problemSummary()));
        QCOMPARE(good.records.at(3).record, DnsRecordCheck::Record::DkimEd25519);
        QCOMPARE(good.records.at(3).name, QStringLiteral("herald-ed._domainkey.good.example"));
        QCOMPARE(good.records.at(3).found, QStringLiteral("v=DKIM1; k=ed25519; p=") + m_edKey);
        const DnsRecordCheck& missing = reports.at(1).records.at(3);
        QCOMPARE(missing.state, State::Missing);
        QCOMPARE(missing.expected, QStringLiteral("v=DKIM1; k=ed25519; p=") + m_edKey);
        QVERIFY(reports.at(1).problemSummary().contains(QLatin1String("DKIM (Ed25519) missing")));
        const DnsRecordCheck& wrong = reports.at(2).records.at(3);
        QCOMPARE(wrong.state, State::Wrong);
        QCOMPARE(wrong.expected, QStringLiteral("v=DKIM1; k=ed25519; p=") + m_edKey);
        // Without an Ed25519 key nothing more is asked.
        QCOMPARE(check({target(QStringLiteral("good.example"))}).value(0).records.size(), 3);
    }

    void failuresAndDomainsWithoutKey()
    {
        const auto reports = check({target(QStringLiteral("broken.example")),
                                    SenderDomainCheck::Target{QStringLiteral("good.example"), {}, {}, {}, {}}});
        QCOMPARE(reports.size(), 2);
        for (const DnsRecordCheck& record : reports.at(0).records) {
            QCOMPARE(record.state, State::Failed);
            QVERIFY2(record.detail.contains(QLatin1String("broken.example")), qPrintable(record.detail));
        }
        // Herald holds no key for it: DKIM is missing whatever DNS says, and the user is told where to make one.
        const DomainCheckReport& noKey = reports.at(1);
        QCOMPARE(noKey.records.at(0).state, State::Pass);
        QCOMPARE(noKey.records.at(1).state, State::Missing);
        QVERIFY(noKey.records.at(1).detail.contains(QLatin1String("Settings")));
        QCOMPARE(noKey.records.at(2).state, State::Pass);
        QCOMPARE(check({}).size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSenderDomainCheck)
#include "TestSenderDomainCheck.moc"
