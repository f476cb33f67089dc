#include "storage/ConnectionProfile.h"
#include "storage/Database.h"

#include <QTemporaryDir>
#include <QTest>

using namespace herald;

class TestConnectionProfile : public QObject
{
    Q_OBJECT

private slots:
    void defaultSslMode_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("mode");
        QTest::newRow("localhost") << "localhost" << "prefer";
        QTest::newRow("ipv4 loopback") << "127.0.0.1" << "prefer";
        QTest::newRow("ipv6 loopback") << "::1" << "prefer";
        QTest::newRow("unix socket") << "/var/run/postgresql" << "prefer";
        QTest::newRow("remote name") << "db.example.org" << "verify-full";
        QTest::newRow("remote address") << "192.0.2.10" << "verify-full";
    }

    void defaultSslMode()
    {
        QFETCH(QString, host);
        QFETCH(QString, mode);
        auto profile = ConnectionProfile::postgres(QStringLiteral("Office"), host, 5432, QStringLiteral("herald"), QStringLiteral("staff"));
        QCOMPARE(profile.effectiveSslMode(), mode);
        profile.sslMode = QStringLiteral("require");
        QCOMPARE(profile.effectiveSslMode(), QStringLiteral("require"));
    }

    void invalidProfilesAreNamed()
    {
        auto profile = ConnectionProfile::postgres(QStringLiteral("Office"), QStringLiteral("db.example.org"), 70000,
                                                   QStringLiteral("herald"), QStringLiteral("staff"));
        QString problem;
        QVERIFY(!profile.isValid(&problem));
        QVERIFY2(problem.contains(QLatin1String("70000")), qPrintable(problem));
        profile.port = 5432;
        profile.sslMode = QStringLiteral("sometimes");
        QVERIFY(!profile.isValid(&problem));
        QVERIFY2(problem.contains(QLatin1String("sometimes")), qPrintable(problem));
    }

    void embeddedDatabaseIsCreatedOnFirstOpen()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("nested/folder/herald.sqlite"));
        Database database(ConnectionProfile::embedded(path));
        const Status opened = database.open();
        QVERIFY2(opened.ok(), qPrintable(opened.error().message));
        QVERIFY(QFile::exists(path));
    }

    void garbageFileIsRefusedByName()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("not-a-database.sqlite"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'x'));
        file.close();
        Database database(ConnectionProfile::embedded(path));
        const Status opened = database.open();
        QVERIFY(!opened.ok());
        QVERIFY2(opened.error().message.contains(path), qPrintable(opened.error().message));
    }
};

QTEST_GUILESS_MAIN(TestConnectionProfile)
#include "TestConnectionProfile.moc"
