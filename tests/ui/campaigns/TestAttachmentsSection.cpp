#include "DesktopTestEnvironment.h"
#include "ParsedMessage.h"
#include "SendingFixture.h"
#include "SmtpTestServer.h"
#include "TestDatabase.h"
#include "campaigns/AttachmentsSection.h"
#include "campaigns/CampaignEditorDialog.h"
#include "campaigns/TestSendDialog.h"
#include "common/FileDialog.h"
#include "storage/CampaignAttachmentRepository.h"
#include "storage/CampaignRepository.h"
#include "storage/NonprofitRepository.h"
#include "storage/ProviderRepository.h"
#include "storage/SenderIdentityRepository.h"
#include "storage/TemplateRepository.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace herald;

// The campaign editor's attachments on both backends: files added through the (scripted) file dialog, the total,
// the warning above 1 MB, the refusal past 10 MB, removal from the keyboard; nothing stored before the campaign is
// saved, then read back through CampaignAttachmentRepository; and a test send from the editor that arrives at our
// SMTP test server as multipart/mixed with the file's bytes intact.
class TestAttachmentsSection : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<test::TestDatabase> m_scratch;
    std::unique_ptr<Database> m_database;
    QByteArray m_report;

    // A file of `size` bytes under the test's folder: a PDF header, then every byte value.
    QString writeFile(const QString& name, qint64 size, QByteArray* bytes = nullptr)
    {
        QByteArray content("%PDF-1.7\n");
        content.reserve(int(size));
        for (qint64 i = content.size(); i < size; ++i)
            content += char((i * 7919u) % 256u);
        QFile file(m_dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
            return {};
        if (bytes)
            *bytes = content;
        return file.fileName();
    }

    static QString totalText(qint64 bytes)
    {
        return QStringLiteral("Total: %1 of %2.").arg(CampaignAttachmentRepository::sizeText(bytes),
                                                      CampaignAttachmentRepository::sizeText(Attachment::MaxTotalBytes));
    }

    static void addThrough(AttachmentsSection* section, const QString& path)
    {
        FileDialog::setNextFileName(path);
        QTest::mouseClick(section->findChild<QPushButton*>(QStringLiteral("addAttachmentButton")), Qt::LeftButton);
    }

    static QStringList listed(AttachmentsSection* section)
    {
        auto* list = section->findChild<QTreeWidget*>(QStringLiteral("attachmentList"));
        QStringList rows;
        for (int row = 0; row < list->topLevelItemCount(); ++row)
            rows << list->topLevelItem(row)->text(0) + QLatin1Char('|') + list->topLevelItem(row)->text(1);
        return rows;
    }

    QList<Attachment> stored(qint64 campaignId) const
    {
        auto attachments = CampaignAttachmentRepository(*m_database).list(campaignId);
        return attachments ? attachments.value() : QList<Attachment>();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        test::useTestDesktop(m_dir);
        m_scratch = std::make_unique<test::TestDatabase>();
        QVERIFY2(m_scratch->isReady(), qPrintable(m_scratch->setupError()));
        m_database = m_scratch->open();
        QVERIFY(m_database);

        Template invitation;
        invitation.name = QStringLiteral("Annual report");
        invitation.subject = QStringLiteral("Our year, {{name}}");
        invitation.htmlBody = QStringLiteral("<p>Dear {{name}},</p><p>{{postal_address}}</p>"
                                             "<a href=\"{{unsubscribe_url}}\">Unsubscribe</a>");
        invitation.textBody = QStringLiteral("Dear {{name}},\n{{postal_address}}\n{{unsubscribe_url}}");
        QVERIFY(TemplateRepository(*m_database).insert(invitation).ok());
        SenderIdentity identity;
        identity.name = QStringLiteral("Office");
        identity.fromName = QStringLiteral("Friends");
        identity.fromEmail = QStringLiteral("news@friends.example.org");
        identity.postalAddress = QStringLiteral("1 Main St, Dover");
        identity.unsubscribeBaseUrl = QStringLiteral("https://friends.example.org/u");
        const Status added = SenderIdentityRepository(*m_database).insert(identity);
        QVERIFY2(added.ok(), qPrintable(added.error().message));
        QVERIFY(test::SendingFixture::addNonprofits(*m_database, 2));
    }

    void cleanupTestCase()
    {
        m_database.reset();
        m_scratch.reset();
    }

    void addsRefusesRemovesAndSavesWithTheCampaign()
    {
        const QString report = writeFile(QStringLiteral("annual-report-2026.pdf"), 300 * 1024, &m_report);
        const QString photos = writeFile(QStringLiteral("gala-photos.pdf"), 1536 * 1024);
        const QString huge = writeFile(QStringLiteral("raw-footage.pdf"), 9 * 1024 * 1024);
        QVERIFY(!report.isEmpty() && !photos.isEmpty() && !huge.isEmpty());

        CampaignEditorDialog editor(*m_database, Campaign());
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        QTest::keyClicks(editor.findChild<QLineEdit*>(QStringLiteral("campaignNameEdit")), QStringLiteral("Year in review"));
        auto* section = editor.findChild<AttachmentsSection*>(QStringLiteral("attachmentsSection"));
        QVERIFY(section);
        auto* total = section->findChild<QLabel*>(QStringLiteral("attachmentTotalLabel"));
        auto* error = section->findChild<QLabel*>(QStringLiteral("attachmentErrorLabel"));
        QCOMPARE(total->text(), QStringLiteral("No attachments."));

        // Added: listed with the type read from the bytes, the total, no warning at 300 KB.
        addThrough(section, report);
        QCOMPARE(listed(section), QStringList{QStringLiteral("annual-report-2026.pdf|application/pdf")});
        QCOMPARE(total->text(), totalText(300 * 1024));
        // Past 1 MB the repository's warning about deliverability.
        addThrough(section, photos);
        QCOMPARE(listed(section).size(), 2);
        QCOMPARE(total->text(), totalText(1836 * 1024) + QLatin1Char('\n')
                                    + CampaignAttachmentRepository::sizeWarning(1836 * 1024));
        QVERIFY2(total->text().contains(QLatin1String("The attachments take 1.8 MB")), qPrintable(total->text()));
        // Past 10 MB in all: refused with a sentence naming the file.
        addThrough(section, huge);
        QCOMPARE(listed(section).size(), 2);
        QTRY_VERIFY(error->isVisible());
        QVERIFY2(error->text().startsWith(QLatin1String("'raw-footage.pdf' (9.0 MB) was not attached: a campaign's "
                                                        "attachments may take 10.0 MB in all")),
                 qPrintable(error->text()));
        // The same name again is refused too; a folder names itself.
        addThrough(section, report);
        QVERIFY2(error->text().contains(QLatin1String("'annual-report-2026.pdf' is attached already")), qPrintable(error->text()));
        addThrough(section, m_dir.path());
        QVERIFY2(error->text().startsWith(QStringLiteral("Could not read '%1': it is a folder").arg(m_dir.path())),
                 qPrintable(error->text()));
        QCOMPARE(listed(section).size(), 2);

        // Nothing is stored before the campaign is; saving stores both.
        QCOMPARE(test::SendingFixture::count(*m_database, QStringLiteral("SELECT count(*) FROM campaign_attachments")), qint64(0));
        QTest::mouseClick(editor.findChild<QPushButton*>(QStringLiteral("saveDraftButton")), Qt::LeftButton);
        const qint64 id = editor.campaign().id;
        QVERIFY(id > 0);
        QList<Attachment> attached = stored(id);
        QCOMPARE(attached.size(), 2);
        QCOMPARE(attached.at(0).fileName, QStringLiteral("annual-report-2026.pdf"));
        QCOMPARE(attached.at(0).size, qint64(m_report.size()));
        QCOMPARE(attached.at(0).sha256,
                 QString::fromLatin1(QCryptographicHash::hash(m_report, QCryptographicHash::Sha256).toHex()));
        QCOMPARE(attached.at(1).fileName, QStringLiteral("gala-photos.pdf"));
        QVERIFY(!section->hasChanges());
        test::saveScreenshot(&editor, QStringLiteral("campaign-attachments.png"));

        // Removed from the keyboard (Delete on the list); stored again only on save.
        auto* list = section->findChild<QTreeWidget*>(QStringLiteral("attachmentList"));
        list->setFocus();
        list->setCurrentItem(list->topLevelItem(1));
        QTest::keyClick(list, Qt::Key_Delete);
        QCOMPARE(listed(section), QStringList{QStringLiteral("annual-report-2026.pdf|application/pdf")});
        QCOMPARE(total->text(), totalText(300 * 1024));
        QCOMPARE(stored(id).size(), 2);
        QTest::mouseClick(editor.findChild<QPushButton*>(QStringLiteral("saveDraftButton")), Qt::LeftButton);
        QCOMPARE(stored(id).size(), 1);
        editor.close();

        // Read back by a new editor.
        auto campaign = CampaignRepository(*m_database).find(id);
        QVERIFY(campaign.ok());
        CampaignEditorDialog again(*m_database, campaign.value());
        QCOMPARE(listed(again.findChild<AttachmentsSection*>()),
                 QStringList{QStringLiteral("annual-report-2026.pdf|application/pdf")});
    }

    void testSendCarriesTheAttachment()
    {
        test::SmtpTestServer server;
        QVERIFY2(server.start({QStringLiteral("--keep-data")}), qPrintable(server.lastError()));
        QVERIFY(test::SendingFixture::addSmtpProvider(*m_database, QStringLiteral("Local test server"), server.port()));
        auto campaigns = CampaignRepository(*m_database).list();
        QVERIFY(campaigns.ok());
        QCOMPARE(campaigns->size(), 1);

        QPointer<CampaignEditorDialog> editor = new CampaignEditorDialog(*m_database, campaigns->first());
        editor->setAttribute(Qt::WA_DeleteOnClose);
        editor->show();
        QVERIFY(QTest::qWaitForWindowExposed(editor));
        QTest::mouseClick(editor->findChild<QPushButton*>(QStringLiteral("testSendButton")), Qt::LeftButton);
        QPointer<TestSendDialog> dialog = editor->findChild<TestSendDialog*>();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        // The dialog says what the message carries.
        const QString attachments = dialog->findChild<QLabel*>(QStringLiteral("testAttachmentsLabel"))->text();
        QCOMPARE(attachments, QStringLiteral("annual-report-2026.pdf (%1)\n").arg(CampaignAttachmentRepository::sizeText(300 * 1024))
                                  + totalText(300 * 1024));
        test::saveScreenshot(dialog, QStringLiteral("campaign-test-send-attachments.png"));

        QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("testAddressEdit")), QStringLiteral("me@staff.example.org"));
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("sendTestButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isSending(), 15000);
        const QString result = dialog->findChild<QLabel*>(QStringLiteral("testResultLabel"))->text();
        QVERIFY2(result.startsWith(QLatin1String("Sent. The server replied: 250")), qPrintable(result));
        QVERIFY(server.waitForMessages(1));
        const QByteArray message =
            QByteArray::fromBase64(server.messages().first().value(QStringLiteral("data")).toString().toLatin1());

        // Python's email package: multipart/mixed, the alternative first, then the file with its bytes intact.
        const QJsonObject parsed = test::parseMessage(message);
        QCOMPARE(parsed.value(QStringLiteral("content_type")).toString(), QStringLiteral("multipart/mixed"));
        QVERIFY(parsed.value(QStringLiteral("defects")).toArray().isEmpty());
        const QJsonArray parts = parsed.value(QStringLiteral("parts")).toArray();
        QCOMPARE(parts.size(), 3);
        const QJsonObject file = parts.at(2).toObject();
        QCOMPARE(file.value(QStringLiteral("disposition")).toString(), QStringLiteral("attachment"));
        QCOMPARE(file.value(QStringLiteral("filename")).toString(), QStringLiteral("annual-report-2026.pdf"));
        QCOMPARE(file.value(QStringLiteral("content_type")).toString(), QStringLiteral("application/pdf"));
        QCOMPARE(file.value(QStringLiteral("sha256")).toString(),
                 QString::fromLatin1(QCryptographicHash::hash(m_report, QCryptographicHash::Sha256).toHex()));
        dialog->close();
        editor->close();
        QTRY_VERIFY(!editor);
    }
};

QTEST_MAIN(TestAttachmentsSection)
#include "TestAttachmentsSection.moc"
