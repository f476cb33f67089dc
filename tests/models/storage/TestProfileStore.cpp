#include "config/Config.h"
#include "storage/ProfileStore.h"
#include "storage/SecretStore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace herald;

class TestProfileStore : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void init() { Config::instance().useFile(m_dir.filePath(QStringLiteral("herald-%1.ini").arg(QTest::currentTestFunction()))); }

    void embeddedIsTheDefault()
    {
        ProfileStore store(Config::instance());
        QCOMPARE(store.all().size(), 1);
        QCOMPARE(store.active().backend, Backend::Sqlite);
        QVERIFY(store.active().sqlitePath.endsWith(QLatin1String("herald.sqlite")));
    }

    void savesNoPassword()
    {
        ProfileStore store(Config::instance());
        auto office = ConnectionProfile::postgres(QStringLiteral("Office"), QStringLiteral("db.example.org"), 5433,
                                                  QStringLiteral("herald"), QStringLiteral("staff"));
        store.save(office);
        store.setActiveId(office.id);
        SecretStore::instance().setKeychainDisabled(true);
        (void)SecretStore::instance().write(SecretStore::profileKey(office.id), QStringLiteral("s3cret-password"));

        ProfileStore reread(Config::instance());
        const ConnectionProfile active = reread.active();
        QCOMPARE(active.name, QStringLiteral("Office"));
        QCOMPARE(active.port, 5433);
        QCOMPARE(active.effectiveSslMode(), QStringLiteral("verify-full"));
        Config::instance().settings().sync();
        QFile file(Config::instance().settings().fileName());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray stored = file.readAll();
        QVERIFY(stored.contains("db.example.org"));
        QVERIFY(!stored.contains("s3cret-password"));

        // Without a keychain the password is kept for the session only.
        QCOMPARE(SecretStore::instance().read(SecretStore::profileKey(office.id)).value(), QStringLiteral("s3cret-password"));
        SecretStore::instance().forgetSession();
        const auto gone = SecretStore::instance().read(SecretStore::profileKey(office.id));
        QVERIFY(!gone.ok());
        QVERIFY2(gone.error().message.contains(QLatin1String("keychain")), qPrintable(gone.error().message));

        reread.remove(office.id);
        QCOMPARE(reread.all().size(), 1);
        QCOMPARE(reread.activeId(), QStringLiteral("local"));
    }
};

QTEST_GUILESS_MAIN(TestProfileStore)
#include "TestProfileStore.moc"
