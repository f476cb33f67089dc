#include "DatabaseTestCase.h"
#include "storage/ProviderRepository.h"

#include <QSqlRecord>
#include <QTest>

using namespace herald;

class TestProviderRepository : public test::DatabaseTestCase
{
    Q_OBJECT

    static Provider make(const QString& name, int priority = 100)
    {
        Provider provider;
        provider.name = name;
        provider.host = QStringLiteral("smtp.example.org");
        provider.username = QStringLiteral("herald");
        provider.secretRef = QStringLiteral("herald/provider/%1").arg(name);
        provider.priority = priority;
        return provider;
    }

private slots:
    void insertAndFindRoundTrip()
    {
        ProviderRepository repository(database());
        Provider office = make(QStringLiteral(" Office SMTP "), 10);
        office.kind = Provider::Kind::Smtp;
        office.port = 465;
        office.tls = Provider::Tls::Implicit;
        office.ratePerSecond = 2.5;
        office.burst = 5;
        office.connections = 2;
        office.enabled = false;
        office.dkimSign = false; // a relay that signs with its own key
        const Status done = repository.insert(office);
        QVERIFY2(done.ok(), qPrintable(done.error().message));
        QVERIFY(office.id > 0);
        QCOMPARE(office.name, QStringLiteral("Office SMTP"));

        const auto found = repository.find(office.id);
        QVERIFY2(found.ok(), qPrintable(found.error().message));
        QCOMPARE(found->name, office.name);
        QVERIFY(found->kind == Provider::Kind::Smtp);
        QCOMPARE(found->host, office.host);
        QCOMPARE(found->port, 465);
        QVERIFY(found->tls == Provider::Tls::Implicit);
        QCOMPARE(found->username, office.username);
        QCOMPARE(found->secretRef, office.secretRef);
        QCOMPARE(found->ratePerSecond, 2.5);
        QCOMPARE(found->burst, 5);
        QCOMPARE(found->connections, 2);
        QCOMPARE(found->priority, 10);
        QCOMPARE(found->enabled, false);
        QCOMPARE(found->dkimSign, false);
        office.dkimSign = true;
        QVERIFY(repository.update(office).ok());
        QCOMPARE(repository.find(office.id)->dkimSign, true);
    }

    void anHttpProviderNeedsNoHost()
    {
        ProviderRepository repository(database());
        Provider api = make(QStringLiteral("Mail API"));
        api.kind = Provider::Kind::Http;
        api.host.clear();
        api.tls = Provider::Tls::None;
        const Status done = repository.insert(api);
        QVERIFY2(done.ok(), qPrintable(done.error().message));
        const Provider found = repository.find(api.id).value();
        QVERIFY(found.kind == Provider::Kind::Http);
        QVERIFY(found.tls == Provider::Tls::None);
        QVERIFY(found.enabled);
    }

    void theTableHasNoPlaceForASecret()
    {
        const QSqlRecord columns = database().connection().record(QStringLiteral("providers"));
        QVERIFY(!columns.isEmpty());
        for (int i = 0; i < columns.count(); ++i) {
            const QString name = columns.fieldName(i);
            QVERIFY2(name == QLatin1String("secret_ref")
                         || (!name.contains(QLatin1String("secret")) && !name.contains(QLatin1String("password"))
                             && !name.contains(QLatin1String("key"))),
                     qPrintable(name));
        }
    }

    void invalidProvidersAreRefused_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<double>("rate");
        QTest::addColumn<int>("connections");
        QTest::addColumn<QString>("field");
        QTest::newRow("no name") << "" << "smtp.example.org" << 587 << 10.0 << 4 << "name";
        QTest::newRow("smtp without host") << "Office" << " " << 587 << 10.0 << 4 << "host";
        QTest::newRow("host with a space") << "Office" << "smtp example.org" << 587 << 10.0 << 4 << "host";
        QTest::newRow("port 0") << "Office" << "smtp.example.org" << 0 << 10.0 << 4 << "port";
        QTest::newRow("port 65536") << "Office" << "smtp.example.org" << 65536 << 10.0 << 4 << "port";
        QTest::newRow("rate 0") << "Office" << "smtp.example.org" << 587 << 0.0 << 4 << "rate_per_s";
        QTest::newRow("negative rate") << "Office" << "smtp.example.org" << 587 << -1.0 << 4 << "rate_per_s";
        QTest::newRow("no connections") << "Office" << "smtp.example.org" << 587 << 10.0 << 0 << "connections";
    }

    void invalidProvidersAreRefused()
    {
        QFETCH(QString, name);
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(double, rate);
        QFETCH(int, connections);
        QFETCH(QString, field);
        ProviderRepository repository(database());
        Provider bad = make(name);
        bad.host = host;
        bad.port = port;
        bad.ratePerSecond = rate;
        bad.connections = connections;
        const Status done = repository.insert(bad);
        QVERIFY(!done.ok());
        QVERIFY(done.error().kind == Error::Kind::Validation);
        QCOMPARE(done.error().field, field);
        QVERIFY(repository.list()->isEmpty());
    }

    void duplicateNameNamesTheProviderThatHasIt()
    {
        ProviderRepository repository(database());
        Provider first = make(QStringLiteral("Office SMTP"));
        QVERIFY(repository.insert(first).ok());
        Provider second = make(QStringLiteral("Office SMTP"));
        second.host = QStringLiteral("smtp2.example.org");
        const Status done = repository.insert(second);
        QVERIFY(done.error().kind == Error::Kind::Duplicate);
        QCOMPARE(done.error().field, QStringLiteral("name"));
        QVERIFY2(done.error().message.contains(QStringLiteral("'Office SMTP' (#%1)").arg(first.id)),
                 qPrintable(done.error().message));

        Provider backup = make(QStringLiteral("Backup"));
        QVERIFY(repository.insert(backup).ok());
        backup.name = QStringLiteral("Office SMTP");
        QVERIFY(repository.update(backup).error().kind == Error::Kind::Duplicate);
        QCOMPARE(repository.find(backup.id)->name, QStringLiteral("Backup"));
    }

    void updateStoresEveryField()
    {
        ProviderRepository repository(database());
        Provider provider = make(QStringLiteral("Office SMTP"));
        QVERIFY(repository.insert(provider).ok());
        provider.name = QStringLiteral("Office relay");
        provider.port = 25;
        provider.tls = Provider::Tls::StartTlsOptional;
        provider.ratePerSecond = 0.5;
        provider.priority = 1;
        provider.enabled = false;
        provider.secretRef = QStringLiteral("herald/provider/relay");
        const Status done = repository.update(provider);
        QVERIFY2(done.ok(), qPrintable(done.error().message));
        const Provider found = repository.find(provider.id).value();
        QCOMPARE(found.name, QStringLiteral("Office relay"));
        QCOMPARE(found.port, 25);
        QVERIFY(found.tls == Provider::Tls::StartTlsOptional);
        QCOMPARE(found.ratePerSecond, 0.5);
        QCOMPARE(found.priority, 1);
        QCOMPARE(found.enabled, false);
        QCOMPARE(found.secretRef, QStringLiteral("herald/provider/relay"));
    }

    void updateAndRemoveOfAMissingProviderSaySo()
    {
        ProviderRepository repository(database());
        Provider provider = make(QStringLiteral("Gone"));
        QVERIFY(repository.insert(provider).ok());
        QVERIFY(repository.remove(provider.id).ok());
        const Status saved = repository.update(provider);
        QVERIFY(saved.error().kind == Error::Kind::NotFound);
        QVERIFY2(saved.error().message.contains(QLatin1String("'Gone'")), qPrintable(saved.error().message));
        QVERIFY(repository.remove(provider.id).error().kind == Error::Kind::NotFound);
        QVERIFY(repository.find(provider.id).error().kind == Error::Kind::NotFound);
    }

    void listIsInTheOrderProvidersAreTried()
    {
        ProviderRepository repository(database());
        for (const auto& [name, priority] : {std::pair{"zeta", 10}, std::pair{"Beta", 20}, std::pair{"alpha", 20},
                                             std::pair{"Gamma", 5}}) {
            Provider provider = make(QString::fromLatin1(name), priority);
            QVERIFY(repository.insert(provider).ok());
        }
        const auto all = repository.list();
        QVERIFY2(all.ok(), qPrintable(all.error().message));
        QStringList names;
        for (const Provider& provider : all.value())
            names << provider.name;
        QCOMPARE(names, (QStringList{QStringLiteral("Gamma"), QStringLiteral("zeta"), QStringLiteral("alpha"),
                                     QStringLiteral("Beta")}));
    }
};

QTEST_GUILESS_MAIN(TestProviderRepository)
#include "TestProviderRepository.moc"
