#include "DatabaseTestCase.h"
#include "DesktopTestEnvironment.h"
#include "ScratchFiles.h"
#include "TestImages.h"
#include "common/FileDialog.h"
#include "common/MessageBox.h"
#include "config/Config.h"
#include "media/MediaLibraryDialog.h"
#include "shell/MainWindow.h"
#include "storage/MediaRepository.h"
#include "storage/ProfileStore.h"
#include "storage/TemplateRepository.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTimer>

using namespace herald;

// The media library dialog on both backends, driven like a user: three files imported at once (PNGs made with
// QImage, one too wide, one not an image: refused naming the file), listed with size and dimensions and their
// thumbnails read afterwards, a reference copied, removal refused while a template shows the image, a pick that
// returns "media:NAME", the Templates page's button that opens it; screenshots in English, Spanish and French.
class TestMediaLibraryDialog : public test::DatabaseTestCase
{
    Q_OBJECT

    QTemporaryDir m_dir;
    test::ScratchFiles m_files;

    template<typename T> static T* find(QWidget* in, const char* name) { return in->findChild<T*>(QString::fromLatin1(name)); }

    QStringList writeImages()
    {
        return {m_files.write(QStringLiteral("logo.png"), test::imageBytes(240, 120, QColor(200, 40, 40))),
                m_files.write(QStringLiteral("wide banner.png"), test::imageBytes(1600, 400, QColor(30, 120, 60))),
                m_files.write(QStringLiteral("notes.png"), QByteArray("these are notes, not a picture"))};
    }

    // Imports the files through the Import… button, as the user's choice in the file dialog.
    static void import(MediaLibraryDialog& dialog, const QStringList& paths)
    {
        FileDialog::setNextFileNames(paths);
        QTest::mouseClick(find<QPushButton>(&dialog, "importMediaButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isImporting(), 30000);
        QTRY_COMPARE(dialog.pendingThumbnails(), 0);
    }

    static void select(MediaLibraryDialog& dialog, const QString& name)
    {
        auto* list = find<QListWidget>(&dialog, "mediaList");
        for (int row = 0; row < list->count(); ++row)
            list->item(row)->setSelected(list->item(row)->data(Qt::UserRole).toString() == name);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        test::useTestDesktop(m_dir);
    }

    void importListCopyRemove()
    {
        MediaLibraryDialog dialog(database(), MediaLibraryDialog::Mode::Manage);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(find<QLabel>(&dialog, "mediaSummaryLabel")->text().contains(QLatin1String("empty")));
        import(dialog, writeImages());

        auto* list = find<QListWidget>(&dialog, "mediaList");
        QCOMPARE(list->count(), 2);
        QVERIFY2(find<QLabel>(&dialog, "mediaErrorLabel")->text().contains(QLatin1String("notes.png")),
                 qPrintable(find<QLabel>(&dialog, "mediaErrorLabel")->text()));
        QVERIFY(find<QLabel>(&dialog, "mediaNoteLabel")->text().contains(QLatin1String("2 images imported")));
        QCOMPARE(list->item(0)->data(Qt::UserRole).toString(), QStringLiteral("logo.png"));
        QVERIFY2(list->item(1)->text().contains(QStringLiteral("1200×300")), qPrintable(list->item(1)->text())); // scaled
        // The thumbnail shows the image: the logo's red in the middle of its icon.
        const QImage thumbnail = list->item(0)->icon().pixmap(MediaLibraryDialog::ThumbnailSize).toImage();
        QCOMPARE(thumbnail.pixelColor(thumbnail.width() / 2, thumbnail.height() / 2), QColor(200, 40, 40));

        select(dialog, QStringLiteral("logo.png"));
        QTest::mouseClick(find<QPushButton>(&dialog, "copyMediaReferenceButton"), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("media:logo.png"));

        // A template shows the logo: removal is refused, naming it.
        Template newsletter;
        newsletter.name = QStringLiteral("Newsletter");
        newsletter.subject = QStringLiteral("News");
        newsletter.htmlBody = QStringLiteral("<p><img src=\"media:logo.png\" alt=\"Logo\"></p>");
        QVERIFY(TemplateRepository(database()).insert(newsletter).ok());
        MessageBox::setNextAnswer(QMessageBox::Yes);
        QTest::mouseClick(find<QPushButton>(&dialog, "removeMediaButton"), Qt::LeftButton);
        QVERIFY2(find<QLabel>(&dialog, "mediaErrorLabel")->text().contains(QLatin1String("template 'Newsletter'")),
                 qPrintable(find<QLabel>(&dialog, "mediaErrorLabel")->text()));
        QCOMPARE(list->count(), 2);
        // The banner is shown nowhere: removed once confirmed.
        select(dialog, QStringLiteral("wide banner.png"));
        MessageBox::setNextAnswer(QMessageBox::Yes);
        QTest::mouseClick(find<QPushButton>(&dialog, "removeMediaButton"), Qt::LeftButton);
        QCOMPARE(list->count(), 1);
        QCOMPARE(MediaRepository(database()).list()->size(), 1);
    }

    void pickReturnsTheReference()
    {
        QVERIFY(MediaRepository(database()).importImage(QStringLiteral("a b.png"), test::imageBytes(50, 50, Qt::blue)).ok());
        QVERIFY(MediaRepository(database()).importImage(QStringLiteral("c.png"), test::imageBytes(50, 50, Qt::red)).ok());
        // The picker is modal: chosen from inside its event loop.
        const auto choose = [](const QString& name, bool insert) {
            QTimer::singleShot(0, [name, insert] {
                auto* dialog = qobject_cast<MediaLibraryDialog*>(QApplication::activeModalWidget());
                QVERIFY(dialog);
                select(*dialog, name);
                QTest::mouseClick(find<QPushButton>(dialog, insert ? "insertMediaButton" : "closeMediaButton"), Qt::LeftButton);
            });
        };
        choose(QStringLiteral("c.png"), true);
        QCOMPARE(MediaLibraryDialog::pick(nullptr, database()), std::optional<QString>(QStringLiteral("media:c.png")));
        choose(QStringLiteral("a b.png"), true);
        QCOMPARE(MediaLibraryDialog::pick(nullptr, database()), std::optional<QString>(QStringLiteral("media:a%20b.png")));
        choose(QStringLiteral("c.png"), false);
        QVERIFY(!MediaLibraryDialog::pick(nullptr, database()).has_value());
    }

    void templatesPageOpensIt()
    {
        ProfileStore profiles(Config::instance());
        MainWindow window(database(), profiles);
        window.show();
        window.showPage(MainWindow::Templates);
        QTest::mouseClick(window.findChild<QPushButton*>(QStringLiteral("mediaLibraryButton")), Qt::LeftButton);
        QTRY_VERIFY(window.findChild<MediaLibraryDialog*>());
        QVERIFY(window.findChild<MediaLibraryDialog*>()->isVisible());
    }

    // build/screenshots/media-library-*.png at the dialog's default size, looked at for cut-off text.
    void screenshots_data() { test::addLanguageRows(); }

    void screenshots()
    {
        QFETCH(QString, language);
        const test::ScopedLanguage scoped(language);
        QVERIFY(scoped.isLoaded());
        {
            MediaLibraryDialog dialog(database(), MediaLibraryDialog::Mode::Pick);
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            import(dialog, writeImages());
            select(dialog, QStringLiteral("logo.png"));
            test::saveScreenshot(&dialog, QStringLiteral("media-library-%1.png").arg(language));
        }
    }
};

QTEST_MAIN(TestMediaLibraryDialog)
#include "TestMediaLibraryDialog.moc"
