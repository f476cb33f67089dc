#include "SmtpTestServer.h"
#include "TestDatabase.h"
#include "common/MessageBox.h"
#include "sending/SendEngineFactory.h"
#include "settings/ProviderDialog.h"
#include "settings/ProvidersPanel.h"
#include "storage/ProviderRepository.h"
#include "storage/SecretStore.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTcpServer>
#include <QTest>
#include <QTreeWidget>

using namespace herald;

// Mail providers in Settings: adding one through the dialog, its checks, and "Test connection" against the
// real SMTP test server (its banner) and against a closed port (the error).
class TestProviderDialog : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> m_scratch;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<ProvidersPanel> m_panel;
    test::SmtpTestServer m_server;

    ProviderDialog* dialog() const { return m_panel->findChild<ProviderDialog*>(QStringLiteral("providerDialog")); }
    template<typename T> T* field(const char* name) const { return dialog()->findChild<T*>(QString::fromLatin1(name)); }

    void typeInto(const char* name, const QString& text)
    {
        auto* edit = field<QLineEdit>(name);
        edit->clear();
        QTest::keyClicks(edit, text);
    }

    void testAndWait()
    {
        QSignalSpy finished(dialog(), &ProviderDialog::testFinished);
        QTest::mouseClick(field<QPushButton>("testButton"), Qt::LeftButton);
        QVERIFY(dialog()->isTesting());
        QVERIFY(finished.wait(15000));
    }

    static int closedPort()
    {
        QTcpServer server;
        server.listen(QHostAddress::LocalHost);
        const int port = server.serverPort();
        server.close();
        return port;
    }

private slots:
    void initTestCase()
    {
        SecretStore::instance().setKeychainDisabled(true);
        m_scratch = std::make_unique<test::TestDatabase>();
        QVERIFY2(m_scratch->isReady(), qPrintable(m_scratch->setupError()));
        m_database = m_scratch->open();
        QVERIFY(m_database);
        QVERIFY2(m_server.start(), qPrintable(m_server.lastError()));
        m_panel = std::make_unique<ProvidersPanel>(*m_database);
        m_panel->resize(900, 400);
        m_panel->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
    }

    void cleanupTestCase()
    {
        m_panel.reset();
        m_database.reset();
    }

    void testConnectionShowsTheBanner()
    {
        QTest::mouseClick(m_panel->findChild<QPushButton*>(QStringLiteral("addProviderButton")), Qt::LeftButton);
        QTRY_VERIFY(dialog() && dialog()->isVisible());
        typeInto("nameEdit", QStringLiteral("Office relay"));
        typeInto("hostEdit", QStringLiteral("127.0.0.1"));
        field<QSpinBox>("portSpin")->setValue(m_server.port());
        auto* tls = field<QComboBox>("tlsCombo");
        tls->setCurrentIndex(tls->findData(int(Provider::Tls::None)));
        typeInto("usernameEdit", QString());
        field<QDoubleSpinBox>("rateSpin")->setValue(25);

        testAndWait();
        const QString result = field<QLabel>("testResultLabel")->text();
        QVERIFY2(result.startsWith(QLatin1String("Connected: 220 ")), qPrintable(result));
        const QString dir = QStringLiteral(HERALD_SCREENSHOT_DIR);
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(dialog()->grab().save(QDir(dir).filePath(QStringLiteral("providers-dialog.png"))));
    }

    void testConnectionShowsTheErrorForAClosedPort()
    {
        const int port = closedPort();
        field<QSpinBox>("portSpin")->setValue(port);
        testAndWait();
        const QString result = field<QLabel>("testResultLabel")->text();
        QVERIFY2(result.contains(QStringLiteral("127.0.0.1:%1").arg(port)), qPrintable(result));
        QVERIFY2(!result.startsWith(QLatin1String("Connected")), qPrintable(result));
        QVERIFY(field<QPushButton>("testButton")->isEnabled());
        field<QSpinBox>("portSpin")->setValue(m_server.port());
    }

    void saveIsCheckedByTheValidator()
    {
        typeInto("nameEdit", QString());
        dialog()->accept();
        QVERIFY(dialog()->isVisible());
        QCOMPARE(field<QLabel>("errorLabel")->text(), QStringLiteral("Name is required."));
        QVERIFY(ProviderRepository(*m_database).list()->isEmpty());
    }

    void savesTheProviderAndItsSecret()
    {
        typeInto("nameEdit", QStringLiteral("Office relay"));
        typeInto("usernameEdit", QStringLiteral("news"));
        typeInto("secretEdit", QStringLiteral("s3cret"));
        // DKIM: an SMTP relay is signed by Herald unless told it signs for itself; a mail API never is.
        auto* dkim = field<QCheckBox>("dkimCheck");
        QVERIFY(dkim->isChecked() && dkim->isEnabled());
        auto* kind = field<QComboBox>("kindCombo");
        kind->setCurrentIndex(kind->findData(int(Provider::Kind::Http)));
        QVERIFY(!dkim->isChecked() && !dkim->isEnabled());
        kind->setCurrentIndex(kind->findData(int(Provider::Kind::Smtp)));
        QVERIFY(dkim->isEnabled());
        dkim->setChecked(false);
        QSignalSpy changed(m_panel.get(), &ProvidersPanel::providersChanged);
        dialog()->accept();
        QTRY_VERIFY(!dialog());
        QCOMPARE(changed.count(), 1);

        const auto providers = ProviderRepository(*m_database).list();
        QVERIFY(providers.ok());
        QCOMPARE(providers->size(), 1);
        const Provider stored = providers->first();
        QCOMPARE(stored.name, QStringLiteral("Office relay"));
        QCOMPARE(stored.port, m_server.port());
        QVERIFY(stored.tls == Provider::Tls::None);
        QCOMPARE(stored.ratePerSecond, 25.0);
        QVERIFY(stored.verifyCertificate);
        QVERIFY(!stored.dkimSign);
        // The secret is not in the database, but the sender finds it.
        QVERIFY(!stored.secretRef.contains(QLatin1String("s3cret")));
        QCOMPARE(SendEngineFactory::providerSecret(stored), QStringLiteral("s3cret"));

        auto* list = m_panel->findChild<QTreeWidget*>(QStringLiteral("providerList"));
        QCOMPARE(list->topLevelItemCount(), 1);
        QCOMPARE(list->topLevelItem(0)->text(0), QStringLiteral("Office relay"));
        QCOMPARE(list->topLevelItem(0)->text(2), QStringLiteral("127.0.0.1:%1").arg(m_server.port()));
        QCOMPARE(list->topLevelItem(0)->text(5), QStringLiteral("In use"));
    }

    void removesAfterAsking()
    {
        auto* list = m_panel->findChild<QTreeWidget*>(QStringLiteral("providerList"));
        list->setCurrentItem(list->topLevelItem(0));
        MessageBox::setNextAnswer(QMessageBox::No);
        QTest::mouseClick(m_panel->findChild<QPushButton*>(QStringLiteral("removeProviderButton")), Qt::LeftButton);
        QCOMPARE(ProviderRepository(*m_database).list()->size(), 1);
        MessageBox::setNextAnswer(QMessageBox::Yes);
        QTest::mouseClick(m_panel->findChild<QPushButton*>(QStringLiteral("removeProviderButton")), Qt::LeftButton);
        QVERIFY(ProviderRepository(*m_database).list()->isEmpty());
        QCOMPARE(list->topLevelItemCount(), 0);
    }
};

QTEST_MAIN(TestProviderDialog)
#include "TestProviderDialog.moc"
