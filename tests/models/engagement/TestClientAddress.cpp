#include "engagement/ClientAddress.h"
#include "engagement/IpNetwork.h"

#include <QTest>

using namespace herald;

// The address of whoever asked `herald serve`, read through trusted proxies, and the only form of it that is stored.
class TestClientAddress : public QObject
{
    Q_OBJECT

    static IpNetworkList trusted(const QStringList& entries)
    {
        Result<IpNetworkList> list = IpNetworkList::parse(entries);
        if (!list.ok())
            qFatal("%s", qPrintable(list.error().message));
        return list.value();
    }

private slots:
    void clientBehindProxies_data()
    {
        QTest::addColumn<QString>("peer");
        QTest::addColumn<QString>("forwardedFor");
        QTest::addColumn<QStringList>("trustedProxies");
        QTest::addColumn<QString>("client");

        const QStringList localProxy{QStringLiteral("127.0.0.1/32"), QStringLiteral("::1/128")};
        const QStringList twoTiers{QStringLiteral("10.0.0.0/8"), QStringLiteral("192.0.2.10")};

        QTest::newRow("no proxy: the peer") << "203.0.113.7" << "" << QStringList() << "203.0.113.7";
        QTest::newRow("spoofed header from an untrusted peer is ignored")
            << "203.0.113.7" << "198.51.100.1" << localProxy << "203.0.113.7";
        QTest::newRow("spoofed header, no trusted proxies configured")
            << "203.0.113.7" << "198.51.100.1, 10.0.0.1" << QStringList() << "203.0.113.7";
        QTest::newRow("trusted proxy: its X-Forwarded-For") << "127.0.0.1" << "203.0.113.7" << localProxy << "203.0.113.7";
        QTest::newRow("trusted proxy over IPv6 loopback") << "::1" << "203.0.113.7" << localProxy << "203.0.113.7";
        QTest::newRow("trusted proxy, no header: the proxy") << "127.0.0.1" << "" << localProxy << "127.0.0.1";
        // The client put a forged entry first; the proxy appended what it saw. The rightmost untrusted entry wins.
        QTest::newRow("client's own forged entry on the left is not believed")
            << "127.0.0.1" << "1.2.3.4, 203.0.113.7" << localProxy << "203.0.113.7";
        QTest::newRow("two trusted tiers are skipped")
            << "10.1.2.3" << "203.0.113.7, 192.0.2.10" << twoTiers << "203.0.113.7";
        QTest::newRow("walk stops at the first untrusted entry")
            << "10.1.2.3" << "198.51.100.9, 203.0.113.7, 10.9.9.9" << twoTiers << "203.0.113.7";
        QTest::newRow("every entry trusted: the leftmost") << "10.1.2.3" << "10.4.4.4, 10.5.5.5" << twoTiers
                                                            << "10.4.4.4";
        QTest::newRow("malformed entry stops the walk at the last proxy")
            << "127.0.0.1" << "203.0.113.7, not-an-address" << localProxy << "127.0.0.1";
        QTest::newRow("malformed entry behind a trusted hop")
            << "10.1.2.3" << "203.0.113.7, unknown, 10.5.5.5" << twoTiers << "10.5.5.5";
        QTest::newRow("lenient IPv4 forms are malformed") << "127.0.0.1" << "127.1" << localProxy << "127.0.0.1";
        QTest::newRow("leading zeros are malformed") << "127.0.0.1" << "010.0.0.1" << localProxy << "127.0.0.1";
        QTest::newRow("IPv6 client") << "127.0.0.1" << "2001:db8:1:2::7" << localProxy << "2001:db8:1:2::7";
        QTest::newRow("bracketed IPv6 with port") << "127.0.0.1" << "[2001:db8::7]:443" << localProxy << "2001:db8::7";
        QTest::newRow("IPv4 with port") << "127.0.0.1" << "203.0.113.7:4711" << localProxy << "203.0.113.7";
        QTest::newRow("IPv6 zone is malformed") << "127.0.0.1" << "fe80::1%eth0" << localProxy << "127.0.0.1";
        QTest::newRow("blank entries and spaces are skipped")
            << "127.0.0.1" << " 203.0.113.7 ,, " << localProxy << "203.0.113.7";
        QTest::newRow("mapped IPv4 peer is trusted as IPv4")
            << "::ffff:127.0.0.1" << "203.0.113.7" << localProxy << "203.0.113.7";
        QTest::newRow("mapped IPv4 entry becomes IPv4") << "127.0.0.1" << "::ffff:203.0.113.7" << localProxy
                                                        << "203.0.113.7";
        QTest::newRow("mapped IPv4 untrusted peer") << "::ffff:203.0.113.7" << "1.2.3.4" << localProxy << "203.0.113.7";
    }

    void clientBehindProxies()
    {
        QFETCH(QString, peer);
        QFETCH(QString, forwardedFor);
        QFETCH(QStringList, trustedProxies);
        QFETCH(QString, client);
        const ClientAddress address = ClientAddress::fromRequest(QHostAddress(peer), forwardedFor, trusted(trustedProxies));
        QCOMPARE(address.address(), QHostAddress(client));
        QCOMPARE(address.address().toString(), client);
    }

    void truncatedForm_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("stored");
        QTest::newRow("IPv4 /24") << "203.0.113.77" << "203.0.113.0/24";
        QTest::newRow("IPv4 first of block") << "203.0.113.0" << "203.0.113.0/24";
        QTest::newRow("IPv6 /48") << "2001:db8:1:abcd:1234:5678:9abc:def0" << "2001:db8:1::/48";
        QTest::newRow("IPv6 /48 keeps the third group") << "2001:db8:ffff:1::1" << "2001:db8:ffff::/48";
        QTest::newRow("mapped IPv4 is stored as IPv4") << "::ffff:198.51.100.200" << "198.51.100.0/24";
        QTest::newRow("IPv6 zone is not stored") << "fe80::1%eth0" << "fe80::/48";
    }

    void truncatedForm()
    {
        QFETCH(QString, address);
        QFETCH(QString, stored);
        const ClientAddress client{QHostAddress(address)};
        QCOMPARE(client.truncated(), stored);
    }

    void noAddressStoresNothing()
    {
        QVERIFY(ClientAddress().truncated().isEmpty());
        QVERIFY(ClientAddress::fromRequest(QHostAddress(), QStringLiteral("203.0.113.7"), IpNetworkList()).isNull());
    }

    void networksParse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("normalized");
        QTest::newRow("IPv4") << "10.0.0.0/8" << "10.0.0.0/8";
        QTest::newRow("IPv6 host") << "::1/128" << "::1/128";
        QTest::newRow("bare address is one host") << "192.0.2.10" << "192.0.2.10/32";
        QTest::newRow("bare IPv6 address") << "2001:db8::1" << "2001:db8::1/128";
        QTest::newRow("everything") << "0.0.0.0/0" << "0.0.0.0/0";
        QTest::newRow("spaces around") << "  172.16.0.0/12 " << "172.16.0.0/12";
        QTest::newRow("mapped IPv4 network") << "::ffff:10.0.0.0/104" << "10.0.0.0/8";
    }

    void networksParse()
    {
        QFETCH(QString, text);
        QFETCH(QString, normalized);
        const Result<IpNetwork> network = IpNetwork::parse(text);
        QVERIFY2(network.ok(), qPrintable(network.error().message));
        QCOMPARE(network->toString(), normalized);
    }

    void badNetworksAreNamed_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("not an address") << "proxy.example.org" << "10.0.0.0/8";
        QTest::newRow("prefix too long for IPv4") << "10.0.0.0/33" << "32";
        QTest::newRow("prefix too long for IPv6") << "::1/129" << "128";
        QTest::newRow("prefix not a number") << "10.0.0.0/eight" << "32";
        QTest::newRow("empty prefix") << "10.0.0.0/" << "32";
        QTest::newRow("negative prefix") << "10.0.0.0/-1" << "32";
        QTest::newRow("netmask form") << "10.0.0.0/255.0.0.0" << "32";
        QTest::newRow("host bits set") << "10.1.2.3/8" << "10.0.0.0/8";
        QTest::newRow("lenient IPv4") << "10/8" << "10.0.0.0/8";
        QTest::newRow("octet too large") << "256.0.0.0/8" << "10.0.0.0/8";
    }

    void badNetworksAreNamed()
    {
        QFETCH(QString, text);
        QFETCH(QString, mentions);
        const Result<IpNetwork> network = IpNetwork::parse(text);
        QVERIFY(!network.ok());
        QCOMPARE(network.error().kind, Error::Kind::Validation);
        QVERIFY2(network.error().message.contains(QLatin1Char('\'') + text + QLatin1Char('\'')),
                 qPrintable(network.error().message));
        QVERIFY2(network.error().message.contains(mentions), qPrintable(network.error().message));
    }

    void listNamesItsBadEntry()
    {
        const Result<IpNetworkList> list = IpNetworkList::parse(
            {QStringLiteral("127.0.0.1/32"), QString(), QStringLiteral("10.0.0.0/8"), QStringLiteral("10.0.0.0/88")});
        QVERIFY(!list.ok());
        QVERIFY2(list.error().message.contains(QStringLiteral("'10.0.0.0/88'")), qPrintable(list.error().message));
        QVERIFY(IpNetworkList::parse({QStringLiteral(" "), QString()}).value().isEmpty());
    }

    void membership_data()
    {
        QTest::addColumn<QString>("network");
        QTest::addColumn<QString>("address");
        QTest::addColumn<bool>("inside");
        QTest::newRow("inside /8") << "10.0.0.0/8" << "10.255.255.255" << true;
        QTest::newRow("just outside /8") << "10.0.0.0/8" << "11.0.0.0" << false;
        QTest::newRow("mapped address in IPv4 network") << "10.0.0.0/8" << "::ffff:10.1.1.1" << true;
        QTest::newRow("IPv6 address never in IPv4 network") << "0.0.0.0/0" << "2001:db8::1" << false;
        QTest::newRow("inside IPv6 /32") << "2001:db8::/32" << "2001:db8:ffff::1" << true;
        QTest::newRow("outside IPv6 /32") << "2001:db8::/32" << "2001:db9::1" << false;
        QTest::newRow("host network") << "192.0.2.10" << "192.0.2.11" << false;
    }

    void membership()
    {
        QFETCH(QString, network);
        QFETCH(QString, address);
        QFETCH(bool, inside);
        QCOMPARE(IpNetwork::parse(network).value().contains(QHostAddress(address)), inside);
    }
};

QTEST_GUILESS_MAIN(TestClientAddress)
#include "TestClientAddress.moc"
