#include "MainWindowFixture.h"
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

    test::MainWindowFixture m_app;

    template<typename T> T* find(const char* name) const { return m_app.find<T>(name); }

    QString stored() const
    {
        const auto address = AppSettingsRepository(m_app.database()).publicBaseUrl();
        return address ? address.value() : QStringLiteral("error: ") + address.error().message;
    }

    void enter(const QString& text)
    {
        auto* edit = find<QLineEdit>("publicBaseUrlEdit");
        edit->clear();
        QTest::keyClicks(edit, text);
        QTest::mouseClick(find<QPushButton>("saveEngagementButton"), Qt::LeftButton);
    }

private slots:
    void initTestCase()
    {
        const QString opened = m_app.open();
        QVERIFY2(opened.isEmpty(), qPrintable(opened));
        QVERIFY(m_app.showSettingsPanel<EngagementSettingsPanel>("engagementSettingsPanel"));
    }

    void cleanupTestCase() { m_app.close(); }

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
            test::saveScreenshot(&m_app.window(), QStringLiteral("settings-engagement-error.png"));
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
        test::saveScreenshot(&m_app.window(), QStringLiteral("settings-engagement.png"));

        // Another panel (another instance on this database) reads it.
        EngagementSettingsPanel other(m_app.database());
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
        QCOMPARE(EngagementRetention(m_app.database()).months().value(), 6);
        const QString status = find<QLabel>("engagementSettingsStatus")->text();
        QVERIFY2(status.contains(QLatin1String("kept 6 months")), qPrintable(status));
        EngagementSettingsPanel other(m_app.database()); // another instance on this database
        QCOMPARE(other.findChild<QSpinBox*>(QStringLiteral("retentionMonthsSpin"))->value(), 6);

        // What pruning then does: an event seven months old goes, one five months old stays.
        test::EngagementRows rows(m_app.database());
        const qint64 campaign = rows.campaign(QStringLiteral("Retention"), QStringLiteral("anonymous"));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        rows.event(test::EngagementRows::Event::open(campaign, 0, now.addMonths(-7)));
        rows.event(test::EngagementRows::Event::open(campaign, 0, now.addMonths(-5)));
        QVERIFY2(rows.error().isEmpty(), qPrintable(rows.error()));
        const auto pruned = EngagementRetention(m_app.database()).prune({}, now);
        QVERIFY2(pruned.ok(), qPrintable(pruned.error().message));
        QCOMPARE(pruned.value(), qint64(1));

        spin->setValue(1);
        QCOMPARE(spin->suffix(), QStringLiteral(" month"));
        QTest::mouseClick(find<QPushButton>("saveEngagementButton"), Qt::LeftButton);
        QCOMPARE(EngagementRetention(m_app.database()).months().value(), 1);
        test::saveScreenshot(&m_app.window(), QStringLiteral("settings-engagement-retention.png"));
    }
};

QTEST_MAIN(TestEngagementSettings)
#include "TestEngagementSettings.moc"
