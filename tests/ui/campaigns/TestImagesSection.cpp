#include "DatabaseTestCase.h"
#include "DesktopTestEnvironment.h"
#include "TestImages.h"
#include "campaigns/CampaignEditorDialog.h"
#include "compose/AttachmentPart.h"
#include "storage/AppSettingsRepository.h"
#include "storage/CampaignRepository.h"
#include "storage/MediaRepository.h"
#include "storage/TemplateRepository.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

using namespace herald;

// The campaign editor's Images row on both backends: the trade-off of each choice stated under it, embedded with
// the KB the template's images add to every message (computed from the library), linked with the public address
// or the sentence that it is not set, an image the library lacks named; the choice stored with the draft and
// shown again. Screenshots of the editor at its default size in English, Spanish and French.
class TestImagesSection : public test::DatabaseTestCase
{
    Q_OBJECT

    QTemporaryDir m_dir;

    template<typename T> static T* find(QWidget* in, const char* name) { return in->findChild<T*>(QString::fromLatin1(name)); }

    // A template showing the logo twice and the banner once; what they add to each message, in bytes.
    qint64 seed()
    {
        MediaRepository media(database());
        const auto logo = media.importImage(QStringLiteral("logo.png"), test::imageBytes(400, 200, QColor(10, 60, 140)));
        const auto banner = media.importImage(QStringLiteral("banner.jpg"), test::imageBytes(1200, 300, QColor(200, 120, 0), "JPEG"));
        if (!logo || !banner)
            qWarning("could not import the test images");
        Template newsletter;
        newsletter.name = QStringLiteral("Newsletter");
        newsletter.subject = QStringLiteral("News for {{name}}");
        newsletter.htmlBody = QStringLiteral("<p><img src=\"media:logo.png\" alt=\"Logo\"></p><p><img src=\"media:banner.jpg\" "
                                             "alt=\"Banner\"></p><p><img src=\"media:logo.png\" alt=\"Logo\"></p>");
        if (!TemplateRepository(database()).insert(newsletter))
            qWarning("could not store the template");
        return AttachmentPart::encodedSize(logo->size) + AttachmentPart::encodedSize(banner->size);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        test::useTestDesktop(m_dir);
    }

    void tradeOffIsStatedAndTheChoiceStored()
    {
        const qint64 added = seed();
        CampaignEditorDialog dialog(database(), Campaign());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto* combo = find<QComboBox>(&dialog, "imageModeCombo");
        auto* hint = find<QLabel>(&dialog, "imageModeHintLabel");
        QVERIFY(ImageMode(combo->currentData().toInt()) == ImageMode::Embedded);
        const QString kb = QLocale().toString(double(added) / 1024.0, 'f', 0);
        QVERIFY2(hint->text().contains(QStringLiteral("2 images: %1 KB more per message").arg(kb)), qPrintable(hint->text()));
        QVERIFY(hint->isVisible());

        combo->setCurrentIndex(combo->findData(int(ImageMode::Linked)));
        QVERIFY2(hint->text().contains(QLatin1String("public address is not set")), qPrintable(hint->text()));

        QTest::keyClicks(find<QLineEdit>(&dialog, "campaignNameEdit"), QStringLiteral("Spring news"));
        QVERIFY(dialog.saveDraft());
        const auto stored = CampaignRepository(database()).find(dialog.campaign().id);
        QVERIFY(stored.ok());
        QVERIFY(stored->imageMode == ImageMode::Linked);

        // With the public address set, a new editor says where the images load from, and shows the stored choice.
        QVERIFY(AppSettingsRepository(database()).setPublicBaseUrl(QStringLiteral("https://mail.example.org/herald")).ok());
        CampaignEditorDialog reopened(database(), stored.value());
        auto* reopenedHint = find<QLabel>(&reopened, "imageModeHintLabel");
        QVERIFY(ImageMode(find<QComboBox>(&reopened, "imageModeCombo")->currentData().toInt()) == ImageMode::Linked);
        QVERIFY2(reopenedHint->text().contains(QLatin1String("https://mail.example.org/herald"))
                     && reopenedHint->text().contains(QLatin1String("block remote images")),
                 qPrintable(reopenedHint->text()));

        // An image the library lacks is named.
        TemplateRepository templates(database());
        Template newsletter = templates.find(templates.list()->first().id).value();
        newsletter.htmlBody += QStringLiteral("<p><img src=\"media:gone.png\" alt=\"\"></p>");
        QVERIFY(templates.update(newsletter).ok());
        CampaignEditorDialog missing(database(), Campaign());
        QVERIFY2(find<QLabel>(&missing, "imageModeHintLabel")->text().contains(QLatin1String("Not in the media library: gone.png")),
                 qPrintable(find<QLabel>(&missing, "imageModeHintLabel")->text()));
    }

    // build/screenshots/campaign-images-*.png: the editor at its default size, looked at for cut-off text.
    void screenshots_data() { test::addLanguageRows(); }

    void screenshots()
    {
        QFETCH(QString, language);
        const test::ScopedLanguage scoped(language);
        QVERIFY(scoped.isLoaded());
        seed();
        {
            CampaignEditorDialog dialog(database(), Campaign());
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            test::saveScreenshot(&dialog, QStringLiteral("campaign-images-%1.png").arg(language));
            auto* combo = find<QComboBox>(&dialog, "imageModeCombo");
            combo->setCurrentIndex(combo->findData(int(ImageMode::Linked)));
            test::saveScreenshot(&dialog, QStringLiteral("campaign-images-linked-%1.png").arg(language));
        }
    }
};

QTEST_MAIN(TestImagesSection)
#include "TestImagesSection.moc"
