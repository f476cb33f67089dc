#include "DesktopTestEnvironment.h"
#include "TestDatabase.h"
#include "config/Config.h"
#include "settings/EngagementSettingsPanel.h"
#include "shell/MainWindow.h"
#include "storage/AppSettingsRepository.h"
#include "storage/ProfileStore.h"

#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTest>

using namespace herald;

// Settings → Engagement in the real window, on both backends: the public address of herald serve is refused with
// the reason next to the field when it is not an absolute http(s) address without query, stored in its normal
// form when it is, read back by a new panel, and cleared by an empty field; the consent rule is shown.
class TestEngagementSettings : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<test::TestDatabase> m_scratch;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<MainWindow> m_window;

    template<typename T> T* find(const char* name) const { return m_window->findChild<T*>(QString::fromLatin1(name)); }

    QString stored() const
    {
        const auto address = AppSettingsRepository(*m_database).publicBaseUrl();
        return address ? address.value() : QStringLiteral("error: ") + address.error().message;
    }

    void enter(const QString& text)
    {
        auto* edit = find<QLineEdit>("publicBaseUrlEdit");
        edit->clear();
        QTest::keyClicks(edit, text);
        QTest::mouseClick(find<QPushButton>("saveEngagementButton"), Qt::LeftButton);
    }

    void saveScreenshot(QWidget* widget, const QString& name)
    {
        const QString dir = QStringLiteral(HERALD_SCREENSHOT_DIR);
        QVERIFY(QDir().mkpath(dir));
        QCoreApplication::processEvents();
        QVERIFY(widget->grab().save(QDir(dir).filePath(name)));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        test::useTestDesktop(m_dir);
        m_scratch = std::make_unique<test::TestDatabase>();
        QVERIFY2(m_scratch->isReady(), qPrintable(m_scratch->setupError()));
        m_database = m_scratch->open();
        QVERIFY(m_database);
        m_profiles = std::make_unique<ProfileStore>(Config::instance());
        m_window = std::make_unique<MainWindow>(*m_database, *m_profiles);
        m_window->resize(1254, 784);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->showPage(MainWindow::Settings);
        auto* panel = find<EngagementSettingsPanel>("engagementSettingsPanel");
        QVERIFY(panel);
        // Scrolled to the panel's top, as after Settings → Engagement in the hint of the campaign editor.
        auto* scroll = find<QScrollArea>("settingsScroll");
        QCoreApplication::processEvents();
        scroll->verticalScrollBar()->setValue(panel->mapTo(scroll->widget(), QPoint(0, 0)).y() - 12);
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_database.reset();
        m_scratch.reset();
    }

    void showsWhatItIsForAndTheConsentRule()
    {
        auto* edit = find<QLineEdit>("publicBaseUrlEdit");
        QVERIFY(edit->isVisible());
        QVERIFY(edit->text().isEmpty()); // not set: campaigns go out without tracking
        QVERIFY(!find<QLabel>("publicBaseUrlError")->isVisible());
        QVERIFY(find<QLabel>("engagementIntro")->text().contains(QLatin1String("herald serve --listen")));
        QVERIFY2(find<QLabel>("trackingConsentRuleLabel")->text().contains(QStringLiteral("“Consent given”")),
                 qPrintable(find<QLabel>("trackingConsentRuleLabel")->text()));
        QLabel* label = nullptr;
        for (QLabel* candidate : find<EngagementSettingsPanel>("engagementSettingsPanel")->findChildren<QLabel*>())
            label = candidate->buddy() == edit ? candidate : label;
        QVERIFY(label);
        QCOMPARE(label->text(), QStringLiteral("Pu&blic address of herald serve:"));
    }

    void refusesAnAddressItCannotUse_data()
    {
        QTest::addColumn<QString>("address");
        QTest::newRow("not http") << QStringLiteral("ftp://mail.example.org/herald");
        QTest::newRow("no scheme") << QStringLiteral("mail.example.org/herald");
        QTest::newRow("query") << QStringLiteral("https://mail.example.org/herald?x=1");
        QTest::newRow("fragment") << QStringLiteral("https://mail.example.org/#herald");
    }

    void refusesAnAddressItCannotUse()
    {
        QFETCH(QString, address);
        enter(address);
        auto* error = find<QLabel>("publicBaseUrlError");
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().contains(address) && error->text().contains(QLatin1String("http or https")),
                 qPrintable(error->text()));
        QVERIFY(find<QLineEdit>("publicBaseUrlEdit")->property("heraldInvalid").toBool());
        QVERIFY(find<QLabel>("engagementSettingsStatus")->text().isEmpty());
        QCOMPARE(stored(), QString()); // nothing stored
        if (QByteArrayLiteral("query") == QTest::currentDataTag())
            saveScreenshot(m_window.get(), QStringLiteral("settings-engagement-error.png"));
    }

    void storesAValidAddressAndClearsIt()
    {
        enter(QStringLiteral("  https://mail.example.org/herald/ "));
        QVERIFY(!find<QLabel>("publicBaseUrlError")->isVisible());
        QVERIFY(!find<QLineEdit>("publicBaseUrlEdit")->property("heraldInvalid").toBool());
        // Stored and shown in its normal form: trimmed, without the trailing slash.
        QCOMPARE(stored(), QStringLiteral("https://mail.example.org/herald"));
        QCOMPARE(find<QLineEdit>("publicBaseUrlEdit")->text(), QStringLiteral("https://mail.example.org/herald"));
        const QString status = find<QLabel>("engagementSettingsStatus")->text();
        QVERIFY2(status.contains(QLatin1String("tracked through https://mail.example.org/herald")), qPrintable(status));
        saveScreenshot(m_window.get(), QStringLiteral("settings-engagement.png"));

        // Another panel (another instance on this database) reads it.
        EngagementSettingsPanel other(*m_database);
        QCOMPARE(other.findChild<QLineEdit*>(QStringLiteral("publicBaseUrlEdit"))->text(),
                 QStringLiteral("https://mail.example.org/herald"));

        enter(QString());
        QCOMPARE(stored(), QString());
        QVERIFY2(find<QLabel>("engagementSettingsStatus")->text().contains(QLatin1String("without tracking")),
                 qPrintable(find<QLabel>("engagementSettingsStatus")->text()));
    }
};

QTEST_MAIN(TestEngagementSettings)
#include "TestEngagementSettings.moc"
