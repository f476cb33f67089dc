#include "ParsedMessage.h"
#include "TestImages.h"
#include "compose/AttachmentPart.h"
#include "compose/CampaignMessageComposer.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace herald;

// The media library images a campaign's HTML shows (src="media:NAME"), as CampaignMessageComposer puts them in a
// message: embedded, each once as an inline part of a multipart/related whose Content-ID the HTML names, the bytes
// the library's, parsed back by Python's email package; linked, as URLs of herald serve that change with the
// bytes; an image the library lacks, or linked images without a public address, refused with a sentence.
class TestCampaignMessageImages : public QObject
{
    Q_OBJECT

    static MediaItem image(const QString& name, const QColor& colour, int width)
    {
        MediaItem item;
        item.name = name;
        item.image.bytes = test::imageBytes(width, width / 2, colour);
        item.image.contentType = QStringLiteral("image/png");
        item.image.width = width;
        item.image.height = width / 2;
        item.image.sha256 = QString::fromLatin1(QCryptographicHash::hash(item.image.bytes, QCryptographicHash::Sha256).toHex());
        item.size = item.image.bytes.size();
        return item;
    }

    static Campaign campaign(ImageMode mode)
    {
        Campaign c;
        c.id = 7;
        c.name = QStringLiteral("Spring appeal");
        c.subject = QStringLiteral("Hello {{name}}");
        // The logo twice (one part only), the banner once, a remote image left alone.
        c.htmlBody = QStringLiteral("<html><body><p><img src=\"media:logo.png\" alt=\"Logo\" width=\"200\"></p>"
                                    "<p>Dear {{name}},</p><p><img src='media:banner.png' alt=\"Banner\"></p>"
                                    "<p><img src=\"https://cdn.example.org/x.png\" alt=\"x\"></p>"
                                    "<p><img alt=\"again\" src=\"media:logo.png\"></p></body></html>");
        c.textBody = QStringLiteral("Dear {{name}}");
        c.fromName = QStringLiteral("Tafel");
        c.fromEmail = QStringLiteral("news@tafel.example.org");
        c.tracking = Tracking::Off;
        c.imageMode = mode;
        return c;
    }

    static Nonprofit recipient()
    {
        Nonprofit n;
        n.name = QStringLiteral("Food Bank");
        n.email = QStringLiteral("info@fbd.example.org");
        return n;
    }

    QList<MediaItem> m_library{image(QStringLiteral("logo.png"), Qt::darkBlue, 300),
                               image(QStringLiteral("banner.png"), Qt::darkRed, 600)};

private slots:
    void embeddedImagesAreInlinePartsOfARelatedHtml()
    {
        CampaignMessageComposer composer(campaign(ImageMode::Embedded), "secret", CampaignMessageComposer::Links::Original);
        composer.setImages(m_library);
        QVERIFY2(composer.isValid(), qPrintable(composer.problem()));
        QCOMPARE(composer.inlineImages().size(), 2);
        const auto message = composer.compose(42, recipient());
        QVERIFY2(message.ok(), qPrintable(message.error().message));

        const QJsonObject parsed = test::parseMessage(message->data);
        QVERIFY2(parsed.value(QStringLiteral("defects")).toArray().isEmpty(), message->data.left(2000).constData());
        const QJsonArray multiparts = parsed.value(QStringLiteral("multiparts")).toArray();
        QCOMPARE(multiparts.at(0).toString(), QStringLiteral("multipart/alternative"));
        QCOMPARE(multiparts.at(1).toString(), QStringLiteral("multipart/related"));
        const QJsonArray parts = parsed.value(QStringLiteral("parts")).toArray();
        QCOMPARE(parts.size(), 4); // text, HTML, logo, banner: the logo once though shown twice
        QCOMPARE(parts.at(0)[QStringLiteral("content_type")].toString(), QStringLiteral("text/plain"));
        QCOMPARE(parts.at(1)[QStringLiteral("content_type")].toString(), QStringLiteral("text/html"));
        const QString html = parts.at(1)[QStringLiteral("content")].toString();
        QVERIFY2(!html.contains(QLatin1String("media:")), qPrintable(html));
        QVERIFY(html.contains(QLatin1String("src=\"https://cdn.example.org/x.png\"")));

        for (int i = 0; i < 2; ++i) {
            const QJsonObject part = parts.at(2 + i).toObject();
            const MediaItem& expected = m_library.at(i);
            QCOMPARE(part[QStringLiteral("content_type")].toString(), QStringLiteral("image/png"));
            QCOMPARE(part[QStringLiteral("disposition")].toString(), QStringLiteral("inline"));
            QCOMPARE(part[QStringLiteral("filename")].toString(), expected.name);
            QCOMPARE(part[QStringLiteral("transfer_encoding")].toString(), QStringLiteral("base64"));
            QCOMPARE(part[QStringLiteral("size")].toInt(), expected.image.bytes.size());
            QCOMPARE(part[QStringLiteral("sha256")].toString(), expected.image.sha256);
            // The HTML shows the part by its Content-ID, as often as the template does.
            QString contentId = part[QStringLiteral("content_id")].toString();
            QVERIFY2(contentId.startsWith(QLatin1Char('<')) && contentId.endsWith(QLatin1Char('>')), qPrintable(contentId));
            contentId = contentId.mid(1, contentId.size() - 2);
            QCOMPARE(html.count(QStringLiteral("src=\"cid:%1\"").arg(contentId)) + html.count(QStringLiteral("src='cid:%1'").arg(contentId)),
                     i == 0 ? 2 : 1);
        }
    }

    // The same bytes, checked with nothing but Python's email package on the command line.
    void pythonFindsTheImageBytes()
    {
        CampaignMessageComposer composer(campaign(ImageMode::Embedded), "secret", CampaignMessageComposer::Links::Original);
        composer.setImages(m_library);
        const auto message = composer.compose(42, recipient());
        QVERIFY(message.ok());
        QProcess python;
        python.start(QStringLiteral("/usr/bin/python3"),
                     {QStringLiteral("-c"),
                      QStringLiteral("import sys, hashlib, email\n"
                                     "from email import policy\n"
                                     "m = email.message_from_binary_file(sys.stdin.buffer, policy=policy.default)\n"
                                     "html = m.get_body(('html',))\n"
                                     "for p in m.walk():\n"
                                     "    if p.get_content_maintype() == 'image':\n"
                                     "        cid = p['Content-ID'].strip('<>')\n"
                                     "        assert ('cid:' + cid) in html.get_content(), cid\n"
                                     "        print(p.get_filename(), hashlib.sha256(p.get_content()).hexdigest())\n")});
        python.write(message->data);
        python.closeWriteChannel();
        QVERIFY(python.waitForFinished(30000));
        QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
        const QString out = QString::fromUtf8(python.readAllStandardOutput());
        QCOMPARE(out, QStringLiteral("logo.png %1\nbanner.png %2\n").arg(m_library.at(0).image.sha256, m_library.at(1).image.sha256));
    }

    // What the engine reports as the message's size (its bytes) counts the images, base64 and all.
    void embeddedImagesAreCountedInTheMessageSize()
    {
        CampaignMessageComposer plain(campaign(ImageMode::Embedded), "secret", CampaignMessageComposer::Links::Original);
        CampaignMessageComposer withImages(campaign(ImageMode::Embedded), "secret", CampaignMessageComposer::Links::Original);
        withImages.setImages(m_library);
        const qint64 without = plain.compose(42, recipient())->data.size();
        const qint64 with = withImages.compose(42, recipient())->data.size();
        const qint64 encoded = AttachmentPart::encodedSize(m_library.at(0).size) + AttachmentPart::encodedSize(m_library.at(1).size);
        QVERIFY2(with - without >= encoded, qPrintable(QStringLiteral("%1 - %2 < %3").arg(with).arg(without).arg(encoded)));
        QVERIFY(with - without < encoded + 1500); // the part headers and the related boundary, no second logo
    }

    void htmlOnlyMessageIsRelatedAtTheTop()
    {
        Campaign c = campaign(ImageMode::Embedded);
        c.textBody.clear();
        CampaignMessageComposer composer(c, "secret", CampaignMessageComposer::Links::Original);
        composer.setImages(m_library);
        const QJsonObject parsed = test::parseMessage(composer.compose(42, recipient())->data);
        QCOMPARE(parsed.value(QStringLiteral("content_type")).toString(), QStringLiteral("multipart/related"));
        QCOMPARE(parsed.value(QStringLiteral("parts")).toArray().size(), 3);
    }

    void linkedImagesPointAtHeraldServeByTheirHash()
    {
        Campaign c = campaign(ImageMode::Linked);
        c.publicBaseUrl = QStringLiteral("https://mail.example.org/herald/");
        CampaignMessageComposer composer(c, "secret");
        composer.setImages(m_library);
        QVERIFY2(composer.isValid(), qPrintable(composer.problem()));
        QVERIFY(composer.inlineImages().isEmpty());
        const auto message = composer.compose(42, recipient());
        QVERIFY(message.ok());
        const QString html = message->parts.htmlBody;
        const QString logo = QStringLiteral("https://mail.example.org/herald/m/%1/logo.png").arg(m_library.at(0).image.sha256);
        const QString banner = QStringLiteral("https://mail.example.org/herald/m/%1/banner.png").arg(m_library.at(1).image.sha256);
        QCOMPARE(html.count(logo), 2);
        QCOMPARE(html.count(banner), 1);
        QVERIFY(!html.contains(QLatin1String("media:")));
        const QJsonObject parsed = test::parseMessage(message->data);
        QCOMPARE(parsed.value(QStringLiteral("content_type")).toString(), QStringLiteral("multipart/alternative"));
        QVERIFY(!parsed.value(QStringLiteral("multiparts")).toArray().contains(QStringLiteral("multipart/related")));
    }

    void linkedWithoutPublicAddressIsRefused()
    {
        CampaignMessageComposer composer(campaign(ImageMode::Linked), "secret");
        composer.setImages(m_library);
        QVERIFY(!composer.isValid());
        QVERIFY2(composer.problem().contains(QLatin1String("public address of herald serve is not set")), qPrintable(composer.problem()));
        QVERIFY(!composer.compose(42, recipient()).ok());
    }

    void unknownImageIsNamed()
    {
        CampaignMessageComposer composer(campaign(ImageMode::Embedded), "secret");
        composer.setImages({m_library.at(0)});
        QVERIFY(!composer.isValid());
        QVERIFY2(composer.problem().contains(QLatin1String("'banner.png'")), qPrintable(composer.problem()));
        const auto message = composer.compose(42, recipient());
        QVERIFY(!message.ok());
        QVERIFY(message.error().message.contains(QLatin1String("banner.png")));
    }

    // Without setImages (a preview that shows library images itself) the sources stay as written.
    void withoutImagesSourcesStay()
    {
        CampaignMessageComposer composer(campaign(ImageMode::Embedded), "secret", CampaignMessageComposer::Links::Original);
        const auto message = composer.compose(42, recipient());
        QVERIFY(message.ok());
        QCOMPARE(message->parts.htmlBody.count(QLatin1String("src=\"media:logo.png\"")), 2);
    }
};

QTEST_GUILESS_MAIN(TestCampaignMessageImages)
#include "TestCampaignMessageImages.moc"
