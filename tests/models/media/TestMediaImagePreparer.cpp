#include "media/MediaImagePreparer.h"

#include <QBuffer>
#include <QImage>
#include <QRandomGenerator>
#include <QTest>

using namespace herald;

// Images for the media library: small ones kept as they are, wide ones scaled to 1,200 px, large JPEGs
// re-encoded under 1 MB, what cannot fit and what is not an image refused by name.
class TestMediaImagePreparer : public QObject
{
    Q_OBJECT

    // Noise: the hardest thing to compress, so sizes are predictable upper bounds.
    static QImage noise(int width, int height)
    {
        QImage image(width, height, QImage::Format_RGB32);
        QRandomGenerator random(42);
        for (int y = 0; y < height; ++y) {
            auto* line = reinterpret_cast<QRgb*>(image.scanLine(y));
            for (int x = 0; x < width; ++x)
                line[x] = random.generate() | 0xff000000u;
        }
        return image;
    }

    static QByteArray encoded(const QImage& image, const char* format, int quality = -1)
    {
        QByteArray out;
        QBuffer buffer(&out);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, format, quality);
        return out;
    }

private slots:
    void smallImageIsKeptAsItIs()
    {
        const QByteArray png = encoded(noise(200, 100), "PNG");
        auto prepared = MediaImagePreparer::prepare(QStringLiteral("logo.png"), png);
        QVERIFY2(prepared.ok(), qPrintable(prepared.error().message));
        QCOMPARE(prepared->bytes, png);
        QCOMPARE(prepared->contentType, QStringLiteral("image/png"));
        QCOMPARE(prepared->width, 200);
        QCOMPARE(prepared->height, 100);
        QCOMPARE(prepared->sha256.size(), 64);
    }

    void wideImageIsScaledDown()
    {
        QImage wide(2400, 600, QImage::Format_RGB32);
        wide.fill(Qt::darkGreen);
        auto prepared = MediaImagePreparer::prepare(QStringLiteral("banner.jpg"), encoded(wide, "JPEG", 90));
        QVERIFY2(prepared.ok(), qPrintable(prepared.error().message));
        QCOMPARE(prepared->width, 1200);
        QCOMPARE(prepared->height, 300);
        QCOMPARE(prepared->contentType, QStringLiteral("image/jpeg"));
        QCOMPARE(QImage::fromData(prepared->bytes).width(), 1200);
    }

    void largeJpegIsReencodedUnderOneMegabyte()
    {
        const QByteArray photo = encoded(noise(1200, 900), "JPEG", 100);
        QVERIFY(photo.size() > MediaImagePreparer::MaxBytes);
        auto prepared = MediaImagePreparer::prepare(QStringLiteral("photo.jpg"), photo);
        QVERIFY2(prepared.ok(), qPrintable(prepared.error().message));
        QVERIFY(prepared->bytes.size() <= MediaImagePreparer::MaxBytes);
        QCOMPARE(prepared->width, 1200);
    }

    void whatCannotFitOrIsNoImageIsRefused()
    {
        const QByteArray png = encoded(noise(1200, 1000), "PNG"); // ~3.6 MB of noise, even at 1,200 px
        auto refused = MediaImagePreparer::prepare(QStringLiteral("noise.png"), png);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.contains(QLatin1String("'noise.png'")), qPrintable(refused.error().message));
        auto text = MediaImagePreparer::prepare(QStringLiteral("notes.txt"), QByteArray("hello"));
        QVERIFY(!text.ok());
        QVERIFY(text.error().message.contains(QLatin1String("'notes.txt'")));
    }
};

QTEST_GUILESS_MAIN(TestMediaImagePreparer)
#include "TestMediaImagePreparer.moc"
