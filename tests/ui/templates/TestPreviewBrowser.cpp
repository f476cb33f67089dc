#include "DatabaseTestCase.h"
#include "TestImages.h"
#include "storage/MediaRepository.h"
#include "templates/PreviewBrowser.h"

#include <QApplication>
#include <QTest>
#include <QTextDocument>

using namespace herald;

// The preview shows the media library's images (media:NAME) from the database, and still refuses what would
// reach the network; without a library media: images are refused like remote ones.
class TestPreviewBrowser : public test::DatabaseTestCase
{
    Q_OBJECT

private slots:
    void showsLibraryImagesAndRefusesRemoteOnes()
    {
        QVERIFY(MediaRepository(database()).importImage(QStringLiteral("logo.png"), test::imageBytes(120, 60, Qt::darkGreen)).ok());
        PreviewBrowser browser;
        browser.setMediaLibrary(&database());
        const QImage logo = browser.loadResource(QTextDocument::ImageResource, QUrl(QStringLiteral("media:logo.png"))).value<QImage>();
        QCOMPARE(logo.size(), QSize(120, 60));
        QCOMPARE(browser.refusedCount(), 0);
        QVERIFY(browser.loadResource(QTextDocument::ImageResource, QUrl(QStringLiteral("https://tracker.example.org/p.gif"))).isNull());
        QVERIFY(browser.loadResource(QTextDocument::ImageResource, QUrl(QStringLiteral("media:unknown.png"))).isNull());
        QCOMPARE(browser.refusedCount(), 2); // the remote image and the one the library lacks

        // Shown: the logo's pixels are on screen.
        browser.resize(400, 200);
        browser.show();
        browser.showHtml(QStringLiteral("<p><img src=\"media:logo.png\" alt=\"Logo\"></p>"));
        QVERIFY(QTest::qWaitForWindowExposed(&browser));
        const QImage shown = browser.viewport()->grab().toImage();
        bool found = false;
        for (int y = 0; y < shown.height() && !found; y += 4)
            for (int x = 0; x < shown.width() && !found; x += 4)
                found = shown.pixelColor(x, y) == QColor(Qt::darkGreen);
        QVERIFY(found);

        PreviewBrowser offline; // no library: refused like a remote image
        QVERIFY(offline.loadResource(QTextDocument::ImageResource, QUrl(QStringLiteral("media:logo.png"))).isNull());
        QCOMPARE(offline.refusedCount(), 1);
    }
};

QTEST_MAIN(TestPreviewBrowser)
#include "TestPreviewBrowser.moc"
