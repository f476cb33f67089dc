#include "DesktopTestEnvironment.h"
#include "EngagementRows.h"
#include "TestDatabase.h"
#include "config/Config.h"
#include "engagement/EngagementRetention.h"
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
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace herald;

// Settings → Engagement in the real window, on both backends: the public address of herald serve is refused with
// the reason next to the field when it is not an absolute http(s) address without query, stored in its normal
// form when it is, read back by a new panel, and cleared by an empty field; the consent rule is shown; how many
// months raw opens and clicks are kept is stored where EngagementRetention (herald serve's pruning) reads it.
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

    void storesHowLongRawEventsAreKept()
    {
        auto* spin = find<QSpinBox>("retentionMonthsSpin");
        QVERIFY(spin->isVisible());
        QCOMPARE(spin->value(), EngagementRetention::DefaultMonths); // not set: the default
        QCOMPARE(spin->suffix(), QStringLiteral(" months"));
        QCOMPARE(spin->minimum(), 1);
        QCOMPARE(spin->maximum(), EngagementRetention::MaximumMonths);
        QVERIFY(find<QLabel>("retentionNote")->text().contains(QLatin1String("kept regardless")));
        QLabel* label = nullptr;
        for (QLabel* candidate : find<EngagementSettingsPanel>("engagementSettingsPanel")->findChildren<QLabel*>())
            label = candidate->buddy() == spin ? candidate : label;
        QVERIFY(label); // Alt+E reaches it
        QCOMPARE(label->text(), QStringLiteral("Keep raw open and click &events for:"));

        spin->selectAll();
        QTest::keyClicks(spin, QStringLiteral("6"));
        QTest::mouseClick(find<QPushButton>("saveEngagementButton"), Qt::LeftButton);
        QVERIFY(!find<QLabel>("publicBaseUrlError")->isVisible());
        QCOMPARE(EngagementRetention(*m_database).months().value(), 6);
        const QString status = find<QLabel>("engagementSettingsStatus")->text();
        QVERIFY2(status.contains(QLatin1String("kept 6 months")), qPrintable(status));
        EngagementSettingsPanel other(*m_database); // another instance on this database
        QCOMPARE(other.findChild<QSpinBox*>(QStringLiteral("retentionMonthsSpin"))->value(), 6);

        // What pruning then does: an event seven months old goes, one five months old stays.
        test::EngagementRows rows(*m_database);
        const qint64 campaign = rows.campaign(QStringLiteral("Retention"), QStringLiteral("anonymous"));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        rows.event(test::EngagementRows::Event::open(campaign, 0, now.addMonths(-7)));
        rows.event(test::EngagementRows::Event::open(campaign, 0, now.addMonths(-5)));
        QVERIFY2(rows.error().isEmpty(), qPrintable(rows.error()));
        const auto pruned = EngagementRetention(*m_database).prune({}, now);
        QVERIFY2(pruned.ok(), qPrintable(pruned.error().message));
        QCOMPARE(pruned.value(), qint64(1));

        spin->setValue(1);
        QCOMPARE(spin->suffix(), QStringLiteral(" month"));
        QTest::mouseClick(find<QPushButton>("saveEngagementButton"), Qt::LeftButton);
        QCOMPARE(EngagementRetention(*m_database).months().value(), 1);
        saveScreenshot(m_window.get(), QStringLiteral("settings-engagement-retention.png"));
    }
};

QTEST_MAIN(TestEngagementSettings)
#include "TestEngagementSettings.moc"
