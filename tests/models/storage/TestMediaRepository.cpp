#include "DatabaseTestCase.h"
#include "storage/MediaRepository.h"

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
};

QTEST_GUILESS_MAIN(TestMediaRepository)
#include "TestMediaRepository.moc"
