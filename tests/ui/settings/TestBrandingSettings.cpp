#include "MainWindowFixture.h"
#include "TestDatabase.h"
#include "config/Config.h"
#include "settings/BrandingSettingsPanel.h"
#include "shell/MainWindow.h"
#include "storage/BrandingRepository.h"
#include "storage/ProfileStore.h"

#include <QColorDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTest>

using namespace herald;

// Settings → Branding in the real window, on both backends: unset, it shows the default colour; a colour that is
// not #rrggbb, a logo that is neither media:NAME nor an http(s) address, and a name with {{ are refused with a
// sentence naming the field, which is marked and nothing is stored; good values are stored in their normal form
// (trimmed, the colour in lower case), read back by another panel; the colour dialog fills the colour in.
class TestBrandingSettings : public QObject
{
    Q_OBJECT

    test::MainWindowFixture m_app;

    template<typename T> T* find(const char* name) const { return m_app.find<T>(name); }

    void enter(const QString& colour, const QString& logo, const QString& name)
    {
        for (const auto& [edit, text] : {std::pair{"brandingColourEdit", colour}, std::pair{"brandingLogoEdit", logo},
                                         std::pair{"brandingNameEdit", name}}) {
            auto* field = find<QLineEdit>(edit);
            field->clear();
            QTest::keyClicks(field, text);
        }
        QTest::mouseClick(find<QPushButton>("saveBrandingButton"), Qt::LeftButton);
    }

    Branding stored() const { return BrandingRepository(m_app.database()).load().value(); }

private slots:
    void initTestCase()
    {
        const QString opened = m_app.open();
        QVERIFY2(opened.isEmpty(), qPrintable(opened));
        QVERIFY(m_app.showSettingsPanel<BrandingSettingsPanel>("brandingSettingsPanel"));
    }

    void cleanupTestCase() { m_app.close(); }

    void refusesWhatItCannotUse_data()
    {
        QTest::addColumn<QString>("colour");
        QTest::addColumn<QString>("logo");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("words");
        QTest::newRow("colour name") << QStringLiteral("green") << QString() << QString()
                                     << QStringLiteral("brandingColourEdit") << QStringLiteral("organisation colour 'green'");
        QTest::newRow("relative logo") << QStringLiteral("#2e7d32") << QStringLiteral("images/logo.png") << QString()
                                       << QStringLiteral("brandingLogoEdit") << QStringLiteral("The logo 'images/logo.png'");
        QTest::newRow("placeholder name") << QStringLiteral("#2e7d32") << QString() << QStringLiteral("{{name}} club")
                                          << QStringLiteral("brandingNameEdit") << QStringLiteral("organisation name");
    }

    void refusesWhatItCannotUse()
    {
        QFETCH(QString, colour);
        QFETCH(QString, logo);
        QFETCH(QString, name);
        QFETCH(QString, field);
        QFETCH(QString, words);
        enter(colour, logo, name);
        auto* error = find<QLabel>("brandingError");
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().contains(words), qPrintable(error->text()));
        QVERIFY(m_app.window().findChild<QLineEdit*>(field)->property("heraldInvalid").toBool());
        QVERIFY(find<QLabel>("brandingStatus")->text().isEmpty());
        QCOMPARE(stored().colour, Branding::DefaultColour); // nothing stored
        QVERIFY(stored().organisationName.isEmpty());
        if (QByteArrayLiteral("relative logo") == QTest::currentDataTag())
            test::saveScreenshot(&m_app.window(), QStringLiteral("settings-branding-error.png"));
    }

    void storesGoodValues()
    {
        enter(QStringLiteral(" #2E7D32"), QStringLiteral("media:logo.png"), QStringLiteral(" Dover  Food Bank "));
        QVERIFY2(!find<QLabel>("brandingError")->isVisible(), qPrintable(find<QLabel>("brandingError")->text()));
        const Branding branding = stored();
        QCOMPARE(branding.colour, QStringLiteral("#2e7d32"));
        QCOMPARE(branding.logoSrc, QStringLiteral("media:logo.png"));
        QCOMPARE(branding.organisationName, QStringLiteral("Dover Food Bank"));
        QCOMPARE(find<QLineEdit>("brandingColourEdit")->text(), QStringLiteral("#2e7d32"));
        QVERIFY(!find<QLabel>("brandingStatus")->text().isEmpty());
        test::saveScreenshot(&m_app.window(), QStringLiteral("settings-branding.png"));

        BrandingSettingsPanel other(m_app.database()); // another instance on this database
        QCOMPARE(other.findChild<QLineEdit*>(QStringLiteral("brandingNameEdit"))->text(), QStringLiteral("Dover Food Bank"));

        // The colour dialog starts at the colour and fills in the one picked; a logo may be an https address.
        QTest::mouseClick(find<QPushButton>("brandingColourButton"), Qt::LeftButton);
        QColorDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = find<QColorDialog>("brandingColourDialog")) && dialog->isVisible());
        QCOMPARE(dialog->currentColor(), QColor(QStringLiteral("#2e7d32")));
        dialog->setCurrentColor(QColor(QStringLiteral("#6a1b9a")));
        dialog->accept();
        QCOMPARE(find<QLineEdit>("brandingColourEdit")->text(), QStringLiteral("#6a1b9a"));
        auto* logo = find<QLineEdit>("brandingLogoEdit");
        logo->clear();
        QTest::keyClicks(logo, QStringLiteral("https://cdn.example.org/logo.png"));
        QTest::keyClick(logo, Qt::Key_Return);
        QCOMPARE(stored().colour, QStringLiteral("#6a1b9a"));
        QCOMPARE(stored().logoSrc, QStringLiteral("https://cdn.example.org/logo.png"));
    }
};

QTEST_MAIN(TestBrandingSettings)
#include "TestBrandingSettings.moc"
