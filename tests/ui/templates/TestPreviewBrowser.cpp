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
        const QString html = QStringLiteral("<p><img src=\"media:logo.png\" alt=\"Logo\"></p>"
                                            "<p><img src=\"https://tracker.example.org/p.gif\" alt=\"\"></p>"
                                            "<p><img src=\"media:unknown.png\" alt=\"\"></p>");
        PreviewBrowser browser;
        browser.resize(600, 400);
        browser.show();
        browser.setMediaLibrary(&database());
        browser.showHtml(html);
        QCoreApplication::processEvents();
        QCOMPARE(browser.refusedCount(), 2); // the remote image and the unknown one
        const QImage logo = browser.document()->resource(QTextDocument::ImageResource, QUrl(QStringLiteral("media:logo.png"))).value<QImage>();
        QCOMPARE(logo.size(), QSize(120, 60));
        QCOMPARE(logo.pixelColor(60, 30), QColor(Qt::darkGreen));

        PreviewBrowser offline;
        offline.resize(600, 400);
        offline.show();
        offline.showHtml(html);
        QCoreApplication::processEvents();
        QCOMPARE(offline.refusedCount(), 3);
    }
};

QTEST_MAIN(TestPreviewBrowser)
#include "TestPreviewBrowser.moc"
