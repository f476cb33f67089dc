#include "DesktopTestEnvironment.h"
#include "DnsTestServer.h"
#include "SendingFixture.h"
#include "campaigns/CampaignEditorDialog.h"
#include "campaigns/CampaignsPage.h"
#include "common/MessageBox.h"
#include "compose/DkimKeyPair.h"
#include "config/Config.h"
#include "settings/SenderDomainsPanel.h"
#include "shell/MainWindow.h"
#include "shell/Translations.h"
#include "storage/CampaignRepository.h"
#include "storage/Database.h"
#include "deliverability/DkimKeyring.h"
#include "storage/DkimKeyRepository.h"
#include "storage/ProfileStore.h"
#include "storage/SecretStore.h"
#include "storage/SenderIdentityRepository.h"
#include "storage/TemplateRepository.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace herald;

// Settings → Sender domains in the real window: generating a DKIM key shows the TXT record to publish (and copies
// it); "Check DNS" asks our authoritative DNS test server on 127.0.0.78:53 (HERALD_DNS_SERVER; see DnsTestServer.h)
// and shows pass / missing / wrong per record; a campaign to more than 5,000 recipients from a domain that is not
// ready gets a warning before it is queued, and one from a ready domain does not.
class TestSenderDomains : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    test::DnsTestServer m_dns;
    QJsonObject m_zone;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<MainWindow> m_window;

    template<typename T>
    T* find(const char* name, QObject* parent = nullptr) const
    {
        return (parent ? parent : m_window.get())->findChild<T*>(QString::fromLatin1(name));
    }
    SenderDomainsPanel* panel() const { return find<SenderDomainsPanel>("senderDomainsPanel"); }
    qint64 count(const QString& sql) const { return test::SendingFixture::count(*m_database, sql); }

    void addIdentity(const QString& name, const QString& fromEmail)
    {
        SenderIdentity identity;
        identity.name = name;
        identity.fromName = QStringLiteral("Friends of the Library");
        identity.fromEmail = fromEmail;
        identity.postalAddress = QStringLiteral("1 Main St, Dover DE");
        identity.unsubscribeBaseUrl = QStringLiteral("https://friends.example/u");
        const Status stored = SenderIdentityRepository(*m_database).insert(identity);
        QVERIFY2(stored.ok(), qPrintable(stored.error().message));
    }

    QTreeWidgetItem* checkItem(const QString& domain) const
    {
        auto* tree = find<QTreeWidget>("domainCheckTree");
        for (int i = 0; i < tree->topLevelItemCount(); ++i) {
            if (tree->topLevelItem(i)->text(0) == domain)
                return tree->topLevelItem(i);
        }
        return nullptr;
    }

    // The campaign editor for a draft to every nonprofit from `identityName`'s address, queue pressed.
    QPointer<CampaignEditorDialog> pressQueue(const QString& campaignName)
    {
        m_window->showPage(MainWindow::Campaigns);
        auto* page = find<CampaignsPage>("campaignsPage");
        (void)QTest::qWaitFor([page] { return !page->isLoading(); }, 10000);
        page->refresh();
        (void)QTest::qWaitFor([page] { return !page->isLoading(); }, 10000);
        auto* table = find<QTableWidget>("campaignTable");
        for (int row = 0; row < table->rowCount(); ++row) {
            if (table->item(row, CampaignsPage::Name)->text() == campaignName)
                table->selectRow(row);
        }
        QTest::mouseClick(find<QPushButton>("editCampaignButton"), Qt::LeftButton);
        QPointer<CampaignEditorDialog> editor = page->findChild<CampaignEditorDialog*>();
        if (!editor)
            return editor;
        if (!QTest::qWaitFor([&editor] { return !editor->isCounting(); }, 20000))
            return nullptr;
        QTest::mouseClick(find<QPushButton>("queueButton", editor), Qt::LeftButton);
        return editor;
    }

    void addCampaign(const QString& name, const QString& identityName)
    {
        qint64 identityId = 0;
        const auto identities = SenderIdentityRepository(*m_database).list(); // kept: the loop reads into it
        QVERIFY(identities.ok());
        for (const SenderIdentity& identity : identities.value()) {
            if (identity.name == identityName)
                identityId = identity.id;
        }
        Campaign campaign;
        campaign.name = name;
        campaign.templateId = TemplateRepository(*m_database).list().value().first().id;
        campaign.senderIdentityId = identityId;
        campaign.audience = QStringLiteral("{}");
        const Status stored = CampaignRepository(*m_database).insert(campaign);
        QVERIFY2(stored.ok(), qPrintable(stored.error().message));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        test::useTestDesktop(m_dir);

        // good.example publishes SPF and DMARC (its DKIM record comes once the key is made); missing.example
        // exists with nothing; wrong.example publishes "+all" and a DMARC record without a policy.
        m_zone = QJsonObject{
            {QStringLiteral("good.example"), QJsonArray{QStringLiteral("v=spf1 mx include:_spf.relay.example ~all")}},
            {QStringLiteral("_dmarc.good.example"), QJsonArray{QStringLiteral("v=DMARC1; p=quarantine")}},
            {QStringLiteral("missing.example"), QJsonArray{}},
            {QStringLiteral("wrong.example"), QJsonArray{QStringLiteral("v=spf1 +all")}},
            {QStringLiteral("_dmarc.wrong.example"), QJsonArray{QStringLiteral("v=DMARC1; rua=mailto:x@wrong.example")}},
        };
        QVERIFY2(m_dns.start(QStringLiteral("127.0.0.78"), m_zone), qPrintable(m_dns.lastError()));
        qputenv("HERALD_DNS_SERVER", "127.0.0.78");

        m_database = std::make_unique<Database>(ConnectionProfile::embedded(m_dir.filePath(QStringLiteral("domains.sqlite"))));
        const Status opened = m_database->open();
        QVERIFY2(opened.ok(), qPrintable(opened.error().message));
        Template invitation;
        invitation.name = QStringLiteral("Spring invitation");
        invitation.subject = QStringLiteral("Spring news for {{name}}");
        invitation.htmlBody = QStringLiteral("<p>Dear {{name}},</p><p>{{postal_address}}</p><a href=\"{{unsubscribe_url}}\">Unsubscribe</a>");
        invitation.textBody = QStringLiteral("Dear {{name}},\n{{postal_address}}\n{{unsubscribe_url}}");
        QVERIFY(TemplateRepository(*m_database).insert(invitation).ok());
        addIdentity(QStringLiteral("Newsletter"), QStringLiteral("news@good.example"));
        addIdentity(QStringLiteral("Office"), QStringLiteral("office@missing.example"));
        addIdentity(QStringLiteral("Old list"), QStringLiteral("list@wrong.example"));
        QVERIFY(test::SendingFixture::addNonprofits(*m_database, 5001)); // above the bulk sender line

        m_profiles = std::make_unique<ProfileStore>(Config::instance());
        m_window = std::make_unique<MainWindow>(*m_database, *m_profiles);
        m_window->resize(1200, 1000);
        m_window->show();
        QApplication::setActiveWindow(m_window.get());
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        m_window->showPage(MainWindow::Settings);
        QVERIFY(panel());
        QTRY_VERIFY(panel()->isVisible());
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_database.reset();
    }

    void listsTheSenderDomains()
    {
        auto* list = find<QTreeWidget>("senderDomainList");
        QCOMPARE(list->topLevelItemCount(), 3);
        QCOMPARE(list->topLevelItem(0)->text(0), QStringLiteral("good.example"));
        QVERIFY(list->topLevelItem(0)->text(2).startsWith(QLatin1String("none")));
        QCOMPARE(panel()->selectedDomain(), QStringLiteral("good.example"));
        QVERIFY(!find<QPushButton>("copyRecordButton")->isEnabled()); // nothing to copy before a key exists
    }

    void generatingAKeyShowsTheRecordToPublish()
    {
        QSignalSpy stored(panel(), &SenderDomainsPanel::keyStored);
        QTest::mouseClick(find<QPushButton>("generateKeyButton"), Qt::LeftButton);
        QVERIFY(stored.wait(30000));
        const auto key = DkimKeyRepository(*m_database).find(QStringLiteral("good.example"));
        QVERIFY2(key.ok(), qPrintable(key.error().message));
        QCOMPARE(key->bits, 2048);
        QVERIFY(key->selector.startsWith(QLatin1String("herald")));
        // The private half is in the secret store (this session: no keychain here), never in the database.
        QVERIFY(SecretStore::instance().read(DkimDomainKey::secretKey(QStringLiteral("good.example")))->startsWith(
            QLatin1String("-----BEGIN PRIVATE KEY-----")));

        const QString record = find<QPlainTextEdit>("dkimRecordEdit")->toPlainText();
        const QString expected = QStringLiteral("%1._domainkey.good.example  TXT \"v=DKIM1; k=rsa; p=%2\"")
                                     .arg(key->selector, key->publicKey);
        QCOMPARE(record, expected);
        QVERIFY(find<QLabel>("senderDomainNote")->text().contains(QLatin1String("Publish the record")));
        QTest::mouseClick(find<QPushButton>("copyRecordButton"), Qt::LeftButton);
        QCOMPARE(QApplication::clipboard()->text(), expected);
        // No keychain in this test: the list says the key lasts for the session only.
        QCOMPARE(find<QTreeWidget>("senderDomainList")->topLevelItem(0)->text(2), QStringLiteral("RSA, kept until Herald closes"));
        test::saveScreenshot(m_window.get(), QStringLiteral("settings-sender-domains-key.png"));

        // A second key asks first; "Keep" keeps the current one.
        MessageBox::setNextAnswer(QMessageBox::No);
        QTest::mouseClick(find<QPushButton>("generateKeyButton"), Qt::LeftButton);
        QVERIFY(MessageBox::lastText().contains(QLatin1String("already has a DKIM key")));
        QCOMPARE(DkimKeyRepository(*m_database).find(QStringLiteral("good.example"))->publicKey, key->publicKey);

        // The record gets published at the DNS host.
        m_zone.insert(DkimKeyPair::recordName(key->selector, QStringLiteral("good.example")),
                      QJsonArray{DkimKeyPair::txtRecordValue(key->publicKey)});
        QVERIFY(m_dns.setZone(m_zone));
    }

    void checkShowsPassMissingAndWrong()
    {
        QSignalSpy finished(panel(), &SenderDomainsPanel::checkFinished);
        QTest::mouseClick(find<QPushButton>("checkDnsButton"), Qt::LeftButton);
        QVERIFY(finished.wait(20000));
        QVERIFY(m_dns.questions().contains(QStringLiteral("_dmarc.missing.example"))); // our server was asked

        QTreeWidgetItem* good = checkItem(QStringLiteral("good.example"));
        QVERIFY(good);
        QCOMPARE(good->text(1), QStringLiteral("all pass"));
        QCOMPARE(good->childCount(), 3);
        QCOMPARE(good->child(1)->text(0), QStringLiteral("DKIM"));
        QCOMPARE(good->child(1)->text(1), QStringLiteral("pass"));

        QTreeWidgetItem* missing = checkItem(QStringLiteral("missing.example"));
        QVERIFY(missing);
        QCOMPARE(missing->text(1), QStringLiteral("SPF missing, DKIM missing, DMARC missing"));
        QCOMPARE(missing->child(0)->text(3), QStringLiteral("v=spf1 mx ~all")); // what to publish
        QCOMPARE(missing->child(2)->text(2), QStringLiteral("_dmarc.missing.example"));
        QVERIFY(missing->child(1)->toolTip(1).contains(QLatin1String("no DKIM key")));

        QTreeWidgetItem* wrong = checkItem(QStringLiteral("wrong.example"));
        QVERIFY(wrong);
        QCOMPARE(wrong->child(0)->text(1), QStringLiteral("wrong"));
        QCOMPARE(wrong->child(0)->text(3), QStringLiteral("v=spf1 ~all"));
        QCOMPARE(wrong->child(2)->text(1), QStringLiteral("wrong"));
        QVERIFY(find<QLabel>("senderDomainNote")->text().contains(QLatin1String("need attention")));
        // The domain list sums it up.
        QCOMPARE(find<QTreeWidget>("senderDomainList")->topLevelItem(0)->text(3), QStringLiteral("all pass"));
        QVERIFY(missing->child(1)->text(3).contains(QLatin1String("no DKIM key"))); // not a blank cell
        test::saveScreenshot(m_window.get(), QStringLiteral("settings-sender-domains-check.png"));
        test::saveScreenshot(panel(), QStringLiteral("settings-sender-domains-check-panel.png")); // the part below the fold too
    }

    void ed25519KeyBesideRsa()
    {
        panel()->selectDomain(QStringLiteral("missing.example"));
        QVERIFY(!find<QPushButton>("generateEd25519KeyButton")->isEnabled()); // no RSA key to go beside
        panel()->selectDomain(QStringLiteral("good.example"));
        QVERIFY(find<QPushButton>("generateEd25519KeyButton")->isEnabled());
        const auto rsa = DkimKeyRepository(*m_database).find(QStringLiteral("good.example"));
        QVERIFY(rsa.ok());

        QSignalSpy stored(panel(), &SenderDomainsPanel::keyStored);
        QTest::mouseClick(find<QPushButton>("generateEd25519KeyButton"), Qt::LeftButton);
        QVERIFY(stored.wait(30000));
        const auto key = DkimKeyRepository(*m_database).find(QStringLiteral("good.example"));
        QVERIFY2(key.ok(), qPrintable(key.error().message));
        QCOMPARE(key->publicKey, rsa->publicKey); // the RSA key stays
        QVERIFY(key->hasEd25519());
        QVERIFY(key->ed25519Selector != key->selector); // a record of its own
        QCOMPARE(QByteArray::fromBase64(key->ed25519PublicKey.toLatin1()).size(), 32);
        QVERIFY(SecretStore::instance().read(DkimDomainKey::ed25519SecretKey(QStringLiteral("good.example"))).ok());
        const QString edRecord = QStringLiteral("%1._domainkey.good.example  TXT \"v=DKIM1; k=ed25519; p=%2\"")
                                     .arg(key->ed25519Selector, key->ed25519PublicKey);
        const QStringList records = find<QPlainTextEdit>("dkimRecordEdit")->toPlainText().split(QLatin1Char('\n'));
        QCOMPARE(records.size(), 2);
        QVERIFY(records.at(0).contains(QLatin1String("k=rsa")));
        QCOMPARE(records.at(1), edRecord);
        QCOMPARE(find<QTreeWidget>("senderDomainList")->topLevelItem(0)->text(2),
                 QStringLiteral("RSA + Ed25519, kept until Herald closes"));

        // Both keys sign: the keyring hands the engine two keys for the domain.
        auto keys = DkimKeyring(*m_database).signingKeys(QStringLiteral("good.example"));
        QVERIFY2(keys.ok(), qPrintable(keys.error().message));
        QCOMPARE(keys->size(), 2);

        // Not yet published: the check says which record is missing; then it is published and passes.
        QSignalSpy finished(panel(), &SenderDomainsPanel::checkFinished);
        QTest::mouseClick(find<QPushButton>("checkDnsButton"), Qt::LeftButton);
        QVERIFY(finished.wait(20000));
        QTreeWidgetItem* good = checkItem(QStringLiteral("good.example"));
        QCOMPARE(good->childCount(), 4);
        QCOMPARE(good->child(3)->text(0), QStringLiteral("DKIM (Ed25519)"));
        QCOMPARE(good->child(3)->text(1), QStringLiteral("missing"));
        QCOMPARE(good->child(3)->text(3), QStringLiteral("v=DKIM1; k=ed25519; p=") + key->ed25519PublicKey);
        m_zone.insert(DkimKeyPair::recordName(key->ed25519Selector, QStringLiteral("good.example")),
                      QJsonArray{DkimKeyPair::txtRecordValue(key->ed25519PublicKey, DkimKeyPair::Algorithm::Ed25519)});
        QVERIFY(m_dns.setZone(m_zone));
        QTest::mouseClick(find<QPushButton>("checkDnsButton"), Qt::LeftButton);
        QVERIFY(finished.wait(20000));
        QCOMPARE(checkItem(QStringLiteral("good.example"))->text(1), QStringLiteral("all pass"));
    }

    // build/screenshots/settings-sender-domains-ed25519-*.png: the panel with both keys and their check, looked at
    // for cut-off text in every language.
    void screenshots_data() { test::addLanguageRows(); }

    void screenshots()
    {
        QFETCH(QString, language);
        const test::ScopedLanguage scoped(language);
        QVERIFY(scoped.isLoaded());
        SenderDomainsPanel shown(*m_database);
        shown.resize(1000, 640);
        shown.show();
        QVERIFY(QTest::qWaitForWindowExposed(&shown));
        shown.selectDomain(QStringLiteral("good.example"));
        QSignalSpy finished(&shown, &SenderDomainsPanel::checkFinished);
        shown.checkDns();
        QVERIFY(finished.wait(20000));
        test::saveScreenshot(&shown, QStringLiteral("settings-sender-domains-ed25519-%1.png").arg(language));
    }

    void bulkCampaignFromANotReadyDomainIsWarned()
    {
        addCampaign(QStringLiteral("Office appeal"), QStringLiteral("Office"));
        MessageBox::setNextAnswer(QMessageBox::No); // "Not Yet"
        QPointer<CampaignEditorDialog> editor = pressQueue(QStringLiteral("Office appeal"));
        QVERIFY(editor);
        QTRY_VERIFY_WITH_TIMEOUT(!editor->isCheckingDomain(), 20000);
        const QString warning = MessageBox::lastText();
        QVERIFY2(warning.contains(QLatin1String("missing.example")) && warning.contains(QLatin1String("SPF missing")),
                 qPrintable(warning));
        QVERIFY2(warning.contains(QLatin1String("5,001")), qPrintable(warning));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sends")), qint64(0)); // a warning, and the user said not yet
        QVERIFY(find<QPushButton>("queueButton", editor)->isEnabled());
        editor->reject();
    }

    void bulkCampaignFromAReadyDomainGoesStraightToTheQuestion()
    {
        addCampaign(QStringLiteral("Newsletter"), QStringLiteral("Newsletter"));
        MessageBox::setNextAnswer(QMessageBox::No); // the usual "Send now?" — answered no
        QPointer<CampaignEditorDialog> editor = pressQueue(QStringLiteral("Newsletter"));
        QVERIFY(editor);
        QTRY_VERIFY_WITH_TIMEOUT(!editor->isCheckingDomain(), 20000);
        QTRY_VERIFY2(MessageBox::lastText().startsWith(QStringLiteral("Send “Newsletter” now")), qPrintable(MessageBox::lastText()));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sends")), qint64(0));
        editor->reject();
    }

    void importingAKeyFile()
    {
        m_window->showPage(MainWindow::Settings);
        QTRY_VERIFY(panel()->isVisible());
        panel()->selectDomain(QStringLiteral("wrong.example"));
        QCOMPARE(panel()->selectedDomain(), QStringLiteral("wrong.example"));

        // Not a key: the note names the file, nothing is stored.
        const QString notAKey = m_dir.filePath(QStringLiteral("notes.pem"));
        QFile bad(notAKey);
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("v=DKIM1; k=rsa; p=MIIB...\n"); // a DNS record pasted by mistake
        bad.close();
        panel()->importKeyFile(notAKey);
        const QString refused = find<QLabel>("senderDomainNote")->text();
        QVERIFY2(refused.contains(QDir::toNativeSeparators(notAKey)) && refused.contains(QLatin1String("not a private key")),
                 qPrintable(refused));
        QVERIFY(!DkimKeyRepository(*m_database).find(QStringLiteral("wrong.example")).ok());

        // A key made elsewhere (the mail provider's or opendkim-genkey's) is taken with the selector given.
        auto pair = DkimKeyPair::generate();
        QVERIFY(pair.ok());
        const QString keyFile = m_dir.filePath(QStringLiteral("wrong.example.private"));
        QFile good(keyFile);
        QVERIFY(good.open(QIODevice::WriteOnly));
        good.write(pair->privateKeyPem());
        good.close();
        find<QLineEdit>("selectorEdit")->setText(QStringLiteral("mail2026"));
        QSignalSpy stored(panel(), &SenderDomainsPanel::keyStored);
        panel()->importKeyFile(keyFile);
        QCOMPARE(stored.count(), 1);
        const auto key = DkimKeyRepository(*m_database).find(QStringLiteral("wrong.example"));
        QVERIFY2(key.ok(), qPrintable(key.error().message));
        QCOMPARE(key->selector, QStringLiteral("mail2026"));
        QCOMPARE(key->publicKey, pair->publicKeyBase64());
        QCOMPARE(find<QPlainTextEdit>("dkimRecordEdit")->toPlainText(),
                 QStringLiteral("mail2026._domainkey.wrong.example  TXT \"%1\"").arg(DkimKeyPair::txtRecordValue(pair->publicKeyBase64())));
    }
};

QTEST_MAIN(TestSenderDomains)
#include "TestSenderDomains.moc"
