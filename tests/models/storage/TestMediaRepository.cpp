#include "DatabaseTestCase.h"
#include "TestImages.h"
#include "storage/CampaignRepository.h"
#include "storage/MediaRepository.h"
#include "storage/TemplateRepository.h"

#include <QBuffer>
#include <QImage>
#include <QSqlQuery>
#include <QTest>

using namespace herald;

// The media library on both backends: an image is stored as prepared (scaled to 1,200 px), listed without its
// bytes, and names stay unique.
class TestMediaRepository : public test::DatabaseTestCase
{
    Q_OBJECT

private slots:
    void importScalesStoresAndLists()
    {
        QImage wide(1800, 600, QImage::Format_RGB32);
        wide.fill(Qt::darkBlue);
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(wide.save(&buffer, "PNG"));
        MediaRepository media(database());
        auto imported = media.importImage(QStringLiteral("Banner"), png);
        QVERIFY2(imported.ok(), qPrintable(imported.error().message));
        QCOMPARE(imported->image.width, 1200);

        auto listed = media.list();
        QVERIFY(listed.ok());
        QCOMPARE(listed->size(), 1);
        QCOMPARE(listed->first().name, QStringLiteral("Banner"));
        QCOMPARE(listed->first().image.width, 1200);
        QCOMPARE(listed->first().image.height, 400);
        QCOMPARE(listed->first().image.sha256, imported->image.sha256);
        QCOMPARE(listed->first().size, imported->image.bytes.size());
        QSqlQuery stored(database().connection());
        QVERIFY(stored.exec(QStringLiteral("SELECT bytes FROM media")) && stored.next());
        QCOMPARE(stored.value(0).toByteArray(), imported->image.bytes);
        QCOMPARE(QImage::fromData(stored.value(0).toByteArray()).width(), 1200);

        QCOMPARE(media.importImage(QStringLiteral("Banner"), png).error().kind, Error::Kind::Duplicate);
        QVERIFY(!media.importImage(QStringLiteral("Notes"), QByteArray("not an image")).ok());
        QCOMPARE(media.list()->size(), 1);
    }

    // What messages and herald serve read: several by name in one query (bytes only when asked), one by its hash.
    void findsByNamesAndHash()
    {
        MediaRepository media(database());
        const auto logo = media.importImage(QStringLiteral("logo.png"), test::imageBytes(100, 50, Qt::red));
        const auto icon = media.importImage(QStringLiteral("icon.png"), test::imageBytes(20, 20, Qt::blue));
        QVERIFY(logo.ok() && icon.ok());
        const auto summaries = media.findByNames({QStringLiteral("logo.png"), QStringLiteral("gone.png")}, false);
        QVERIFY(summaries.ok());
        QCOMPARE(summaries->size(), 1);
        QCOMPARE(summaries->first().image.sha256, logo->image.sha256);
        QVERIFY(summaries->first().image.bytes.isEmpty());
        const auto full = media.findByNames({QStringLiteral("logo.png"), QStringLiteral("icon.png")}, true);
        QCOMPARE(full->size(), 2);
        QCOMPARE(full->at(0).name, QStringLiteral("icon.png")); // by name
        QCOMPARE(full->at(1).image.bytes, logo->image.bytes);
        QCOMPARE(media.findBySha256(icon->image.sha256)->image.bytes, icon->image.bytes);
        QCOMPARE(media.findBySha256(QString(64, QLatin1Char('0'))).error().kind, Error::Kind::NotFound);
        QCOMPARE(media.findByName(QStringLiteral("icon.png"))->image.contentType, QStringLiteral("image/png"));
        QVERIFY(media.findByName(QStringLiteral("gone.png")).error().message.contains(QLatin1String("'gone.png'")));
    }

    // An image a template or an unfinished campaign shows stays; "media:logo.png-2" and text do not count.
    void removeIsRefusedWhileShown()
    {
        MediaRepository media(database());
        QVERIFY(media.importImage(QStringLiteral("logo.png"), test::imageBytes(100, 50, Qt::red)).ok());
        QVERIFY(media.importImage(QStringLiteral("logo.png-2"), test::imageBytes(100, 50, Qt::green)).ok());
        Template newsletter;
        newsletter.name = QStringLiteral("Newsletter");
        newsletter.htmlBody = QStringLiteral("<p>media:logo.png-2 in text</p><img src=\"media:logo.png\" alt=\"\">");
        QVERIFY(TemplateRepository(database()).insert(newsletter).ok());
        Campaign gala;
        gala.name = QStringLiteral("Gala");
        gala.htmlBody = newsletter.htmlBody;
        QVERIFY(CampaignRepository(database()).insert(gala).ok());
        QCOMPARE(media.usersOf(QStringLiteral("logo.png")).value(),
                 (QStringList{QStringLiteral("template 'Newsletter'"), QStringLiteral("campaign 'Gala'")}));
        const Status refused = media.remove(QStringLiteral("logo.png"));
        QCOMPARE(refused.error().kind, Error::Kind::Conflict);
        QVERIFY2(refused.error().message.contains(QLatin1String("template 'Newsletter'"))
                     && refused.error().message.contains(QLatin1String("campaign 'Gala'")),
                 qPrintable(refused.error().message));
        QVERIFY(media.remove(QStringLiteral("logo.png-2")).ok());
        QCOMPARE(media.remove(QStringLiteral("logo.png-2")).error().kind, Error::Kind::NotFound);
        QCOMPARE(media.list()->size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestMediaRepository)
#include "TestMediaRepository.moc"
