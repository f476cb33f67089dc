#include "DatabaseTestCase.h"
#include "SendingFixture.h"
#include "storage/CampaignAttachmentRepository.h"

#include <QCryptographicHash>
#include <QTest>

using namespace herald;

// A campaign's attachments on both backends: bytes kept exactly, in order, the 10 MB total refused by file name,
// the warning above 1 MB, unique names, and no changes once the campaign is sending.
class TestCampaignAttachmentRepository : public test::DatabaseTestCase
{
    Q_OBJECT

    static QByteArray bytesOf(qint64 size, char seed)
    {
        QByteArray bytes(size, Qt::Uninitialized);
        for (qint64 i = 0; i < size; ++i)
            bytes[i] = char((i * 31 + seed) % 256);
        return bytes;
    }

private slots:
    void keepsTheBytesInOrder()
    {
        QVERIFY(test::SendingFixture::addCampaign(database()));
        CampaignAttachmentRepository repository(database());
        const QByteArray pdf = QByteArrayLiteral("%PDF-1.7\n\x00\x01\xfe\xff") + bytesOf(5000, 3);
        auto first = repository.add(1, QStringLiteral("/home/ana/Documents/Annual report.pdf"), pdf);
        QVERIFY2(first.ok(), qPrintable(first.error().message));
        QCOMPARE(first->fileName, QStringLiteral("Annual report.pdf")); // no folders reach recipients
        QCOMPARE(first->contentType, QStringLiteral("application/pdf"));
        QCOMPARE(first->sha256, QString::fromLatin1(QCryptographicHash::hash(pdf, QCryptographicHash::Sha256).toHex()));
        auto second = repository.add(1, QStringLiteral("Programa ñandú\r\n.png"), bytesOf(10, 1), QStringLiteral("Image/PNG"));
        QVERIFY2(second.ok(), qPrintable(second.error().message));
        QCOMPARE(second->fileName, QStringLiteral("Programa ñandú.png")); // line breaks go
        QCOMPARE(second->contentType, QStringLiteral("image/png"));

        auto listed = repository.list(1);
        QVERIFY(listed.ok());
        QCOMPARE(listed->size(), 2);
        QCOMPARE(listed->at(0).fileName, QStringLiteral("Annual report.pdf"));
        QCOMPARE(listed->at(0).size, pdf.size());
        QVERIFY(listed->at(0).bytes.isEmpty()); // a listing does not read them
        auto loaded = repository.load(1);
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->at(0).bytes, pdf);
        QCOMPARE(loaded->at(1).bytes, bytesOf(10, 1));
        QCOMPARE(CampaignAttachmentRepository::totalOf(loaded.value()), qint64(pdf.size() + 10));

        // Names are unique per campaign; detaching frees the name.
        auto again = repository.add(1, QStringLiteral("Annual report.pdf"), QByteArray("x"));
        QVERIFY(!again.ok());
        QCOMPARE(again.error().kind, Error::Kind::Duplicate);
        QVERIFY2(again.error().message.contains(QLatin1String("Annual report.pdf")), qPrintable(again.error().message));
        QVERIFY(repository.remove(1, QStringLiteral("Annual report.pdf")).ok());
        QCOMPARE(repository.remove(1, QStringLiteral("Annual report.pdf")).error().kind, Error::Kind::NotFound);
        QVERIFY(repository.add(1, QStringLiteral("Annual report.pdf"), QByteArray("x")).ok());
        QCOMPARE(repository.list(1)->last().fileName, QStringLiteral("Annual report.pdf")); // now after the image
        QCOMPARE(repository.add(1, QStringLiteral("x.bin"), QByteArray("x"), QStringLiteral("text/html\r\nBcc: a@b.c")).error().field,
                 QStringLiteral("content_type"));
    }

    void totalIsLimitedAndLargeOnesWarned()
    {
        QVERIFY(test::SendingFixture::addCampaign(database()));
        CampaignAttachmentRepository repository(database());
        QVERIFY(CampaignAttachmentRepository::sizeWarning(Attachment::WarnAboveBytes).isEmpty());
        QVERIFY(!CampaignAttachmentRepository::sizeWarning(Attachment::WarnAboveBytes + 1).isEmpty());

        auto big = repository.add(1, QStringLiteral("photos.zip"), bytesOf(9 * 1024 * 1024, 5));
        QVERIFY2(big.ok(), qPrintable(big.error().message));
        auto refused = repository.add(1, QStringLiteral("video.mp4"), bytesOf(1024 * 1024 + 1, 7));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().kind, Error::Kind::Validation);
        QVERIFY2(refused.error().message.contains(QLatin1String("'video.mp4'"))
                     && refused.error().message.contains(QLatin1String("10.0 MB")),
                 qPrintable(refused.error().message));
        QCOMPARE(repository.list(1)->size(), 1);
        // Up to 10 MB exactly is taken.
        auto fits = repository.add(1, QStringLiteral("notes.bin"), bytesOf(1024 * 1024, 7));
        QVERIFY2(fits.ok(), qPrintable(fits.error().message));
        const qint64 total = CampaignAttachmentRepository::totalOf(repository.list(1).value());
        QCOMPARE(total, Attachment::MaxTotalBytes);
        QVERIFY(CampaignAttachmentRepository::sizeWarning(total).contains(QLatin1String("10.0 MB")));
    }

    void sendingCampaignsKeepTheirAttachments()
    {
        QVERIFY(test::SendingFixture::addCampaign(database()));
        CampaignAttachmentRepository repository(database());
        QVERIFY(repository.add(1, QStringLiteral("report.pdf"), QByteArray("%PDF")).ok());
        QVERIFY(test::SendingFixture::exec(database(), QStringLiteral("UPDATE campaigns SET status = 'sending' WHERE id = 1")));
        auto refused = repository.add(1, QStringLiteral("late.pdf"), QByteArray("%PDF"));
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.contains(QLatin1String("sending")), qPrintable(refused.error().message));
        QVERIFY(!repository.remove(1, QStringLiteral("report.pdf")).ok());
        QCOMPARE(repository.list(1)->size(), 1);
        QCOMPARE(repository.add(42, QStringLiteral("a.pdf"), QByteArray("x")).error().kind, Error::Kind::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestCampaignAttachmentRepository)
#include "TestCampaignAttachmentRepository.moc"
