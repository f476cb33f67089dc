#include "DesktopTestEnvironment.h"
#include "SendingFixture.h"
#include "SmtpTestServer.h"
#include "campaigns/CampaignEditorDialog.h"
#include "campaigns/CampaignsPage.h"
#include "campaigns/SenderIdentityDialog.h"
#include "campaigns/TestSendDialog.h"
#include "common/MessageBox.h"
#include "config/Config.h"
#include "sending/CampaignLauncher.h"
#include "shell/MainWindow.h"
#include "shell/Translations.h"
#include "storage/AppSettingsRepository.h"
#include "storage/CampaignRepository.h"
#include "storage/Database.h"
#include "storage/ProfileStore.h"
#include "storage/ProviderRepository.h"
#include "storage/SecretStore.h"
#include "storage/SegmentRepository.h"
#include "storage/SuppressionRepository.h"
#include "storage/TemplateRepository.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace herald;

// The Campaigns page in the real MainWindow on a fresh SQLite database: a campaign made from a template and a
// new sender identity, its audience and suppressed counts, duplicate, archive, delete, a test send that arrives
// at our SMTP test server, and queueing that creates the sends rows.
class TestCampaignsPage : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<MainWindow> m_window;
    qint64 m_segmentId = 0;

    template<typename T>
    T* find(const char* name, QObject* parent = nullptr) const
    {
        return (parent ? parent : m_window.get())->findChild<T*>(QString::fromLatin1(name));
    }
    CampaignsPage* page() const { return find<CampaignsPage>("campaignsPage"); }
    QTableWidget* table() const { return find<QTableWidget>("campaignTable"); }
    qint64 count(const QString& sql) const { return test::SendingFixture::count(*m_database, sql); }

    int rowOf(const QString& name) const
    {
        for (int row = 0; row < table()->rowCount(); ++row) {
            if (table()->item(row, CampaignsPage::Name)->text() == name)
                return row;
        }
        return -1;
    }

    QString cell(const QString& name, int column) const
    {
        const int row = rowOf(name);
        return row < 0 ? QString() : table()->item(row, column)->text();
    }

    void waitForList() { QTRY_VERIFY(!page()->isLoading()); }

    void selectCampaign(const QString& name)
    {
        waitForList();
        const int row = rowOf(name);
        QVERIFY2(row >= 0, qPrintable(name));
        table()->selectRow(row);
    }

    CampaignEditorDialog* openEditor(const char* button)
    {
        QTest::mouseClick(find<QPushButton>(button), Qt::LeftButton);
        auto* editor = page()->findChild<CampaignEditorDialog*>();
        if (editor && !QTest::qWaitForWindowExposed(editor))
            return nullptr;
        return editor;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        test::useTestDesktop(m_dir);

        m_database = std::make_unique<Database>(
            ConnectionProfile::embedded(m_dir.filePath(QStringLiteral("campaigns.sqlite"))));
        const Status opened = m_database->open();
        QVERIFY2(opened.ok(), qPrintable(opened.error().message));

        Template invitation;
        invitation.name = QStringLiteral("Spring invitation");
        invitation.subject = QStringLiteral("Spring news for {{name}}");
        invitation.htmlBody = QStringLiteral("<p>Dear {{name}} of {{city}},</p><p>{{postal_address}}</p>"
                                             "<a href=\"{{unsubscribe_url}}\">Unsubscribe</a>");
        invitation.textBody = QStringLiteral("Dear {{name}},\n{{postal_address}}\n{{unsubscribe_url}}");
        QVERIFY(TemplateRepository(*m_database).insert(invitation).ok());
        QVERIFY(test::SendingFixture::addNonprofits(*m_database, 5));
        Suppression suppression;
        suppression.email = QStringLiteral("org2@example.net");
        QVERIFY(SuppressionRepository(*m_database).add(suppression).ok());
        Segment segment;
        segment.name = QStringLiteral("Org 1 only");
        segment.definition.searchText = QStringLiteral("org1@");
        QVERIFY(SegmentRepository(*m_database).insert(segment).ok());
        m_segmentId = segment.id;

        m_profiles = std::make_unique<ProfileStore>(Config::instance());
        m_window = std::make_unique<MainWindow>(*m_database, *m_profiles);
        m_window->show();
        QApplication::setActiveWindow(m_window.get());
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        m_window->showPage(MainWindow::Campaigns);
        QVERIFY(page());
        QVERIFY(page()->isVisible());
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_database.reset();
    }

    void emptyListSaysHowToStart()
    {
        waitForList();
        QCOMPARE(table()->rowCount(), 0);
        QVERIFY(find<QLabel>("campaignCountLabel")->text().startsWith(QLatin1String("0 campaign")));
        QVERIFY(find<QLabel>("campaignHintLabel")->text().contains(QLatin1String("No campaigns yet")));
    }

    void createsACampaignFromATemplateAndANewIdentity()
    {
        QPointer<CampaignEditorDialog> editor = openEditor("newCampaignButton");
        QVERIFY(editor);
        QTest::keyClicks(find<QLineEdit>("campaignNameEdit", editor), QStringLiteral("Spring appeal"));
        auto* templates = find<QComboBox>("templateCombo", editor);
        QCOMPARE(templates->count(), 1);
        QVERIFY(templates->currentText().startsWith(QLatin1String("Spring invitation")));
        QVERIFY(!find<QLabel>("timeZoneLabel", editor)->text().isEmpty());

        // The live count: all active nonprofits, one of them on the suppression list.
        auto* countLabel = find<QLabel>("audienceCountLabel", editor);
        QTRY_VERIFY(!editor->isCounting());
        // The English plural forms come from ui/translations (updated by the lead), so match the numbers.
        QVERIFY2(countLabel->text().startsWith(QLatin1String("4 recipient")), qPrintable(countLabel->text()));
        QVERIFY2(countLabel->text().contains(QStringLiteral(" · 1 suppressed")), qPrintable(countLabel->text()));
        auto* audience = find<QComboBox>("audienceCombo", editor);
        audience->setCurrentIndex(audience->findData(m_segmentId));
        QTRY_VERIFY(!editor->isCounting());
        QVERIFY2(countLabel->text().startsWith(QLatin1String("1 recipient")), qPrintable(countLabel->text()));
        QVERIFY2(countLabel->text().contains(QStringLiteral(" · 0 suppressed")), qPrintable(countLabel->text()));
        audience->setCurrentIndex(0);
        QTRY_VERIFY(!editor->isCounting());
        QVERIFY(countLabel->text().startsWith(QLatin1String("4 recipient")));

        // Queueing without a sender names what is missing, and nothing is queued.
        auto* error = find<QLabel>("errorLabel", editor);
        QTest::mouseClick(find<QPushButton>("queueButton", editor), Qt::LeftButton);
        QTRY_VERIFY(error->isVisible());
        QVERIFY2(error->text().contains(QLatin1String("no sender identity")), qPrintable(error->text()));
        QVERIFY(find<QComboBox>("identityCombo", editor)->property("heraldInvalid").toBool());
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sends")), qint64(0));

        QTest::mouseClick(find<QPushButton>("newIdentityButton", editor), Qt::LeftButton);
        QPointer<SenderIdentityDialog> identity = editor->findChild<SenderIdentityDialog*>();
        QVERIFY(identity);
        QVERIFY(QTest::qWaitForWindowExposed(identity));
        QTest::keyClicks(find<QLineEdit>("identityNameEdit", identity), QStringLiteral("Development office"));
        QTest::keyClicks(find<QLineEdit>("fromNameEdit", identity), QStringLiteral("Friends of the Library"));
        QTest::keyClicks(find<QLineEdit>("fromEmailEdit", identity), QStringLiteral("news@friends"));
        QTest::keyClicks(find<QPlainTextEdit>("postalAddressEdit", identity), QStringLiteral("1 Main St, Dover DE"));
        QTest::keyClicks(find<QLineEdit>("unsubscribeUrlEdit", identity),
                         QStringLiteral("https://friends.example.org/unsubscribe"));
        auto* buttons = identity->findChild<QDialogButtonBox*>();
        QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
        QVERIFY(identity && identity->isVisible()); // an invalid address keeps it open
        QVERIFY2(find<QLabel>("errorLabel", identity)->text().contains(QLatin1String("news@friends")),
                 qPrintable(find<QLabel>("errorLabel", identity)->text()));
        QTest::keyClicks(find<QLineEdit>("fromEmailEdit", identity), QStringLiteral(".example.org"));
        QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
        QTRY_VERIFY(!identity);
        QVERIFY(find<QComboBox>("identityCombo", editor)->currentText().startsWith(QLatin1String("Development office")));

        test::saveScreenshot(editor, QStringLiteral("campaign-editor.png"));
        QTest::mouseClick(find<QPushButton>("saveDraftButton", editor), Qt::LeftButton);
        QTest::mouseClick(find<QPushButton>("closeButton", editor), Qt::LeftButton);
        QTRY_VERIFY(!editor);

        waitForList();
        QTRY_COMPARE(table()->rowCount(), 1);
        QCOMPARE(cell(QStringLiteral("Spring appeal"), CampaignsPage::Status), QStringLiteral("Draft"));
        QCOMPARE(cell(QStringLiteral("Spring appeal"), CampaignsPage::Template), QStringLiteral("Spring invitation"));
        QCOMPARE(cell(QStringLiteral("Spring appeal"), CampaignsPage::Audience), QStringLiteral("All active nonprofits"));
        QCOMPARE(cell(QStringLiteral("Spring appeal"), CampaignsPage::AudienceSize), QStringLiteral("4"));
    }

    // Opens and clicks: each mode is stored as chosen. The line under it says that nothing is tracked while
    // herald serve's public address is not set, and, per recipient, how many of the counted audience gave consent.
    void storesTheTrackingModeAsChosen()
    {
        // org2 is suppressed: two of the four recipients (org0, org1, org3, org4) gave consent.
        QVERIFY(test::SendingFixture::exec(*m_database, QStringLiteral(
            "UPDATE nonprofits SET consent = 'consent' WHERE email IN ('org1@example.net', 'org2@example.net', "
            "'org3@example.net')")));
        selectCampaign(QStringLiteral("Spring appeal"));
        QPointer<CampaignEditorDialog> editor = openEditor("editCampaignButton");
        QVERIFY(editor);
        const qint64 id = editor->campaign().id;
        auto* tracking = find<QComboBox>("trackingCombo", editor);
        auto* hint = find<QLabel>("trackingHintLabel", editor);
        QCOMPARE(toString(Tracking(tracking->currentData().toInt())), toString(Tracking::Anonymous)); // the default
        QVERIFY(tracking->isEnabled());
        QVERIFY(hint->isVisible());
        QVERIFY2(hint->text().contains(QStringLiteral("Settings → Engagement")), qPrintable(hint->text()));
        // Alt+O reaches it from the keyboard.
        QLabel* label = nullptr;
        for (QLabel* candidate : editor->findChildren<QLabel*>())
            label = candidate->buddy() == tracking ? candidate : label;
        QVERIFY(label);
        QCOMPARE(label->text(), QStringLiteral("&Opens and clicks:"));
        QTest::keyClick(editor, Qt::Key_O, Qt::AltModifier);
        QTRY_VERIFY(tracking->hasFocus());

        for (const Tracking mode : {Tracking::Off, Tracking::PerRecipient, Tracking::Anonymous}) {
            tracking->setCurrentIndex(tracking->findData(int(mode)));
            QCOMPARE(hint->isVisible(), mode != Tracking::Off); // off: nothing to say
            QTest::mouseClick(find<QPushButton>("saveDraftButton", editor), Qt::LeftButton);
            const auto stored = CampaignRepository(*m_database).find(id);
            QVERIFY2(stored.ok(), qPrintable(stored.error().message));
            QCOMPARE(toString(stored->tracking), toString(mode));
        }
        QTest::mouseClick(find<QPushButton>("closeButton", editor), Qt::LeftButton);
        QTRY_VERIFY(!editor);

        // With the public address set, per recipient counts the audience's consent.
        const QString address = QStringLiteral("https://mail.example.org/herald");
        QVERIFY(AppSettingsRepository(*m_database).setPublicBaseUrl(address).ok());
        selectCampaign(QStringLiteral("Spring appeal"));
        editor = openEditor("editCampaignButton");
        QVERIFY(editor);
        tracking = find<QComboBox>("trackingCombo", editor);
        hint = find<QLabel>("trackingHintLabel", editor);
        QTRY_VERIFY(!editor->isCounting());
        QVERIFY(!hint->isVisible()); // anonymous, and tracked
        tracking->setCurrentIndex(tracking->findData(int(Tracking::PerRecipient)));
        QVERIFY(hint->isVisible());
        QVERIFY2(hint->text().startsWith(QLatin1String("Per recipient for 2 of 4 recipient")),
                 qPrintable(hint->text()));
        test::saveScreenshot(editor, QStringLiteral("campaign-editor-tracking.png"));
        auto* audience = find<QComboBox>("audienceCombo", editor);
        audience->setCurrentIndex(audience->findData(m_segmentId)); // org1 only, who gave consent
        QTRY_VERIFY(!editor->isCounting());
        QVERIFY2(hint->text().startsWith(QLatin1String("Per recipient for 1 of 1 recipient")),
                 qPrintable(hint->text()));
        MessageBox::setNextAnswer(QMessageBox::Discard);
        QTest::mouseClick(find<QPushButton>("closeButton", editor), Qt::LeftButton);
        QTRY_VERIFY(!editor);
        // Discarded on closing.
        QCOMPARE(toString(CampaignRepository(*m_database).find(id)->tracking), toString(Tracking::Anonymous));
        QVERIFY(AppSettingsRepository(*m_database).setPublicBaseUrl(QString()).ok());
    }

    void duplicatesArchivesAndDeletesDrafts()
    {
        selectCampaign(QStringLiteral("Spring appeal"));
        QTest::mouseClick(find<QPushButton>("duplicateCampaignButton"), Qt::LeftButton);
        waitForList();
        QTRY_COMPARE(table()->rowCount(), 2);
        const QString copy = QStringLiteral("Spring appeal (copy)");
        QCOMPARE(cell(copy, CampaignsPage::Status), QStringLiteral("Draft"));
        QCOMPARE(cell(copy, CampaignsPage::Template), QStringLiteral("Spring invitation"));

        selectCampaign(copy);
        QTest::mouseClick(find<QPushButton>("archiveCampaignButton"), Qt::LeftButton);
        waitForList();
        QTRY_COMPARE(table()->rowCount(), 1);
        QCOMPARE(rowOf(copy), -1);
        find<QCheckBox>("showArchivedCheck")->setChecked(true);
        waitForList();
        QTRY_COMPARE(table()->rowCount(), 2);
        const QString archived = QStringLiteral("Spring appeal (copy) (archived)");
        QVERIFY(rowOf(archived) >= 0);

        selectCampaign(archived);
        MessageBox::setNextAnswer(QMessageBox::No); // asked first, and "Keep" keeps it
        QTest::mouseClick(find<QPushButton>("deleteCampaignButton"), Qt::LeftButton);
        QVERIFY(MessageBox::lastText().contains(QLatin1String("Spring appeal (copy)")));
        waitForList();
        QCOMPARE(table()->rowCount(), 2);
        selectCampaign(archived);
        MessageBox::setNextAnswer(QMessageBox::Yes);
        QTest::mouseClick(find<QPushButton>("deleteCampaignButton"), Qt::LeftButton);
        waitForList();
        QTRY_COMPARE(table()->rowCount(), 1);
        find<QCheckBox>("showArchivedCheck")->setChecked(false);
        waitForList();
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM campaigns")), qint64(1));
    }

    void testSendArrives()
    {
        test::SmtpTestServer server;
        QVERIFY2(server.start(), qPrintable(server.lastError()));
        Provider provider;
        provider.name = QStringLiteral("Local test server");
        provider.host = QStringLiteral("127.0.0.1");
        provider.port = server.port();
        provider.tls = Provider::Tls::None;
        QVERIFY(ProviderRepository(*m_database).insert(provider).ok());

        selectCampaign(QStringLiteral("Spring appeal"));
        QPointer<CampaignEditorDialog> editor = openEditor("editCampaignButton");
        QVERIFY(editor);
        QTest::mouseClick(find<QPushButton>("testSendButton", editor), Qt::LeftButton);
        QPointer<TestSendDialog> dialog = editor->findChild<TestSendDialog*>();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QCOMPARE(find<QComboBox>("nonprofitCombo", dialog)->count(), 5);
        QTest::keyClicks(find<QLineEdit>("testAddressEdit", dialog), QStringLiteral("me@staff.example.org"));
        QTest::mouseClick(find<QPushButton>("sendTestButton", dialog), Qt::LeftButton);
        auto* result = find<QLabel>("testResultLabel", dialog);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isSending(), 15000);
        QVERIFY2(result->text().startsWith(QLatin1String("Sent. The server replied: 250")), qPrintable(result->text()));
        QVERIFY(server.waitForMessages(1));
        const QJsonObject received = server.messages().first();
        QCOMPARE(received.value(QStringLiteral("rcpt_tos")).toArray().first().toString(),
                 QStringLiteral("me@staff.example.org"));
        QCOMPARE(received.value(QStringLiteral("mail_from")).toString(), QStringLiteral("news@friends.example.org"));
        QVERIFY(received.value(QStringLiteral("subject")).toString().startsWith(QLatin1String("[Test] Spring news for")));
        test::saveScreenshot(dialog, QStringLiteral("campaign-test-send.png"));
        dialog->close();
        QTRY_VERIFY(!dialog);
        QTest::mouseClick(find<QPushButton>("closeButton", editor), Qt::LeftButton);
        QTRY_VERIFY(!editor);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sends")), qint64(0)); // a test queues nothing
        // Without a provider the window's engine cannot start, so the rows queued next stay pending to be counted.
        QVERIFY(ProviderRepository(*m_database).remove(provider.id).ok());
    }

    void queueingCreatesTheSendsRows()
    {
        selectCampaign(QStringLiteral("Spring appeal"));
        QPointer<CampaignEditorDialog> editor = openEditor("editCampaignButton");
        QVERIFY(editor);
        QVERIFY(find<QRadioButton>("sendNowRadio", editor)->isChecked());
        QCOMPARE(find<QPushButton>("queueButton", editor)->text(), QStringLiteral("Send &Now"));
        QTRY_VERIFY(!editor->isCounting());
        MessageBox::setNextAnswer(QMessageBox::Yes);
        QTest::mouseClick(find<QPushButton>("queueButton", editor), Qt::LeftButton);
        QVERIFY2(MessageBox::lastText().contains(QLatin1String("now to 4 recipient")), qPrintable(MessageBox::lastText()));
        QTRY_VERIFY_WITH_TIMEOUT(!editor, 15000);

        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sends WHERE status = 'pending'")), qint64(4));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sends WHERE status = 'suppressed'")), qint64(1));
        const auto stored = CampaignRepository(*m_database).list();
        QVERIFY(stored->first().status == CampaignStatus::Sending);
        QCOMPARE(stored->first().templateVersion, 1);
        QCOMPARE(stored->first().fromEmail, QStringLiteral("news@friends.example.org"));

        waitForList();
        QTRY_COMPARE(cell(QStringLiteral("Spring appeal"), CampaignsPage::Status), QStringLiteral("Sending"));
        QCOMPARE(cell(QStringLiteral("Spring appeal"), CampaignsPage::AudienceSize), QStringLiteral("4"));
        QCOMPARE(cell(QStringLiteral("Spring appeal"), CampaignsPage::Sent), QStringLiteral("0"));
        selectCampaign(QStringLiteral("Spring appeal"));
        QVERIFY(!find<QPushButton>("deleteCampaignButton")->isEnabled()); // only drafts
        QVERIFY(!find<QPushButton>("archiveCampaignButton")->isEnabled());
    }

    void schedulesForALaterTime()
    {
        QPointer<CampaignEditorDialog> editor = openEditor("newCampaignButton");
        QVERIFY(editor);
        QTest::keyClicks(find<QLineEdit>("campaignNameEdit", editor), QStringLiteral("Autumn appeal"));
        auto* identities = find<QComboBox>("identityCombo", editor);
        QCOMPARE(identities->count(), 1);
        identities->setCurrentIndex(0);
        find<QRadioButton>("scheduleRadio", editor)->setChecked(true);
        QCOMPARE(find<QPushButton>("queueButton", editor)->text(), QStringLiteral("S&chedule"));
        const QDateTime at = QDateTime::currentDateTime().addDays(2);
        find<QDateTimeEdit>("scheduleEdit", editor)->setDateTime(QDateTime(at.date(), QTime(9, 30)));
        test::saveScreenshot(editor, QStringLiteral("campaign-editor-schedule.png"));
        QTest::mouseClick(find<QPushButton>("queueButton", editor), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!editor, 15000);

        waitForList();
        QTRY_COMPARE(cell(QStringLiteral("Autumn appeal"), CampaignsPage::Status), QStringLiteral("Scheduled"));
        QCOMPARE(cell(QStringLiteral("Autumn appeal"), CampaignsPage::ScheduledFor),
                 at.date().toString(QStringLiteral("yyyy-MM-dd")) + QStringLiteral(" 09:30"));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sends")), qint64(5)); // nothing queued for it yet
        // Back to draft to change its time, then scheduled again.
        selectCampaign(QStringLiteral("Autumn appeal"));
        editor = openEditor("editCampaignButton");
        QVERIFY(editor);
        QVERIFY(!find<QPushButton>("queueButton", editor)->isEnabled());
        QVERIFY(!find<QComboBox>("trackingCombo", editor)->isEnabled());
        // Its public address was taken when it was scheduled (none): Settings can no longer change that.
        const QString hint = find<QLabel>("trackingHintLabel", editor)->text();
        QVERIFY2(hint.contains(QLatin1String("when this campaign was queued")), qPrintable(hint));
        QTest::mouseClick(find<QPushButton>("unscheduleButton", editor), Qt::LeftButton);
        QVERIFY(find<QComboBox>("trackingCombo", editor)->isEnabled());
        QVERIFY(find<QPushButton>("queueButton", editor)->isEnabled());
        QVERIFY(find<QPushButton>("unscheduleButton", editor)->isHidden());
        waitForList();
        QTRY_COMPARE(cell(QStringLiteral("Autumn appeal"), CampaignsPage::Status), QStringLiteral("Draft"));
        find<QDateTimeEdit>("scheduleEdit", editor)->setDateTime(QDateTime(at.date(), QTime(10, 0)));
        QTest::mouseClick(find<QPushButton>("queueButton", editor), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!editor, 15000);
        waitForList();
        QTRY_COMPARE(cell(QStringLiteral("Autumn appeal"), CampaignsPage::ScheduledFor),
                     at.date().toString(QStringLiteral("yyyy-MM-dd")) + QStringLiteral(" 10:00"));
        QCOMPARE(cell(QStringLiteral("Autumn appeal"), CampaignsPage::Status), QStringLiteral("Scheduled"));
        selectCampaign(QStringLiteral("Spring appeal"));
        test::saveScreenshot(m_window.get(), QStringLiteral("campaigns-page.png"));
    }

    // Issue 15 (4.7): a scheduled start refused by the scheduler (any engine: this window's or a worker's) shows
    // on the draft, with the message the Send button would give.
    void aRefusedScheduledStartShowsWhy()
    {
        QVERIFY(test::SendingFixture::exec(*m_database,
            QStringLiteral("UPDATE campaigns SET postal_address = '', scheduled_at = strftime('%Y-%m-%dT%H:%M:%fZ', "
                           "'now', '-1 minute') WHERE name = 'Autumn appeal'")));
        (void)CampaignLauncher(*m_database).startDueCampaigns(QStringLiteral("test"));
        page()->refresh();
        waitForList();
        QTRY_COMPARE(cell(QStringLiteral("Autumn appeal"), CampaignsPage::Status), QStringLiteral("Draft (not started)"));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sends")), qint64(5)); // nothing queued for it
        selectCampaign(QStringLiteral("Autumn appeal"));
        auto* hint = find<QLabel>("campaignHintLabel");
        QVERIFY(hint->isVisible());
        QVERIFY2(hint->text().contains(QLatin1String("has no postal address")), qPrintable(hint->text()));
        selectCampaign(QStringLiteral("Spring appeal"));
        QVERIFY(!hint->isVisible());
    }
};

QTEST_MAIN(TestCampaignsPage)
#include "TestCampaignsPage.moc"
