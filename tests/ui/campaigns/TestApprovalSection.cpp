#include "DatabaseTestCase.h"
#include "DesktopTestEnvironment.h"
#include "RoleLogins.h"
#include "SendingFixture.h"
#include "campaigns/CampaignEditorDialog.h"
#include "campaigns/CampaignsPage.h"
#include "common/MessageBox.h"
#include "settings/ApprovalSettingsPanel.h"
#include "storage/CampaignApprovalRepository.h"
#include "storage/CampaignRepository.h"
#include "storage/SenderIdentityRepository.h"
#include "storage/TemplateRepository.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QScopeGuard>
#include <QSpinBox>
#include <QTableWidget>

using namespace herald;

// Approval of large sends in the window (schema 24): the campaign editor's approval line for the author ("Waiting for
// approval from … other than <author>", no Approve button, Send Now refused with that sentence) and for another sender
// (Approve, then "Approved by X at T"); a change of template said to withdraw it; the Campaigns page's list of
// campaigns awaiting approval; Settings → Approval for an editor (read only), an administrator (stored) and on SQLite
// (does not apply). Real logins per role on PostgreSQL. Screenshots of the editor at its default size in en/es/fr.
class TestApprovalSection : public test::DatabaseTestCase
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<test::RoleLogins> m_roles;
    qint64 m_otherTemplateId = 0;

    template<typename T> static T* find(QWidget* in, const char* name) { return in->findChild<T*>(QString::fromLatin1(name)); }

    static bool onPostgres() { return test::TestDatabase::backendUnderTest() == Backend::Postgres; }

    // The logins' connections close before the base class's cleanup() drops the database.
    auto dropLoginsAtEnd()
    {
        return qScopeGuard([this] { m_roles.reset(); });
    }

    // Logins, three nonprofits, two templates, an identity, approval above 1 recipient; the sender's draft to all.
    Campaign seed()
    {
        m_roles = std::make_unique<test::RoleLogins>(profile());
        if (!m_roles->create().isEmpty() || m_roles->createLogin(QStringLiteral("sender2"), QStringLiteral("sender")).isEmpty())
            qWarning("could not create the logins");
        if (!test::SendingFixture::addNonprofits(database(), 3))
            qWarning("could not store the nonprofits");
        qint64 templateIds[2] = {0, 0};
        for (int i = 0; i < 2; ++i) {
            Template letter;
            letter.name = i == 0 ? QStringLiteral("Appeal") : QStringLiteral("Thanks");
            letter.subject = QStringLiteral("Dear {{name}}");
            letter.htmlBody = QStringLiteral("<p>Hi</p><a href=\"{{unsubscribe_url}}\">u</a> {{postal_address}}");
            letter.textBody = QStringLiteral("Hi {{unsubscribe_url}} {{postal_address}}");
            if (!TemplateRepository(database()).insert(letter))
                qWarning("could not store a template");
            templateIds[i] = letter.id;
        }
        m_otherTemplateId = templateIds[1];
        SenderIdentity identity;
        identity.name = QStringLiteral("Office");
        identity.fromName = QStringLiteral("Dover Library");
        identity.fromEmail = QStringLiteral("news@example.org");
        identity.postalAddress = QStringLiteral("1 Main St, Dover, DE 19901");
        identity.unsubscribeBaseUrl = QStringLiteral("https://example.org/u");
        if (!SenderIdentityRepository(database()).insert(identity))
            qWarning("could not store the identity");
        if (!CampaignApprovalRepository(database()).setThreshold(1))
            qWarning("could not set the threshold");
        Campaign campaign;
        campaign.name = QStringLiteral("Spring appeal");
        campaign.templateId = templateIds[0];
        campaign.senderIdentityId = identity.id;
        if (const Status added = CampaignRepository(m_roles->as(QStringLiteral("sender"))).insert(campaign); !added)
            qWarning("%s", qPrintable(added.error().message));
        return campaign;
    }

    Campaign stored(qint64 id) { return CampaignRepository(database()).find(id).value(); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        test::useTestDesktop(m_dir);
    }

    void onThisComputerApprovalDoesNotApply()
    {
        if (onPostgres())
            QSKIP("SQLite's case; PostgreSQL's are the others");
        ApprovalSettingsPanel panel(database());
        QVERIFY2(find<QLabel>(&panel, "approvalNote")->text().contains(QLatin1String("does not apply")),
                 qPrintable(find<QLabel>(&panel, "approvalNote")->text()));
        QVERIFY(!find<QCheckBox>(&panel, "approvalEnabledCheck")->isEnabled());
        QVERIFY(!find<QPushButton>(&panel, "saveApprovalButton")->isEnabled());
        Campaign campaign;
        campaign.name = QStringLiteral("Local");
        QVERIFY(CampaignRepository(database()).insert(campaign).ok());
        CampaignEditorDialog dialog(database(), campaign);
        QVERIFY(find<QWidget>(&dialog, "approvalSection")->isHidden());
    }

    void theAuthorWaitsAndAnotherSenderApproves()
    {
        if (!onPostgres())
            QSKIP("PostgreSQL only: approval needs several people (SQLite's case is the one above)");
        const auto dropLogins = dropLoginsAtEnd();
        const Campaign campaign = seed();
        const QString author = m_roles->login(QStringLiteral("sender"));
        const QString approver = m_roles->login(QStringLiteral("sender2"));
        {
            CampaignEditorDialog dialog(m_roles->as(QStringLiteral("sender")), stored(campaign.id));
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            QTRY_VERIFY(!dialog.isCounting());
            auto* label = find<QLabel>(&dialog, "approvalLabel");
            QVERIFY(label->isVisible());
            QVERIFY2(label->text().contains(QStringLiteral("Waiting for approval from a sender or administrator other than %1").arg(author)),
                     qPrintable(label->text()));
            QVERIFY(!find<QPushButton>(&dialog, "approveButton")->isVisible());
            // Send Now: refused with the sentence, never SQL; still a draft.
            MessageBox::setNextAnswer(QMessageBox::Yes);
            find<QPushButton>(&dialog, "queueButton")->click();
            QTRY_VERIFY(!dialog.isQueueing());
            auto* error = find<QLabel>(&dialog, "errorLabel");
            QTRY_VERIFY(error->isVisible());
            QVERIFY2(error->text().contains(QLatin1String("cannot be queued or scheduled yet")), qPrintable(error->text()));
            QVERIFY2(!error->text().contains(QLatin1String("ERROR")), qPrintable(error->text()));
            QVERIFY(stored(campaign.id).status == CampaignStatus::Draft);
        }
        {
            // The Campaigns page, for the other sender: the draft is in the list of those awaiting approval.
            CampaignsPage page(m_roles->as(QStringLiteral("sender2")));
            auto* awaiting = find<QCheckBox>(&page, "awaitingApprovalCheck");
            QVERIFY(!awaiting->isHidden());
            awaiting->setChecked(true);
            QTRY_VERIFY(!page.isLoading());
            auto* table = find<QTableWidget>(&page, "campaignTable");
            QTRY_COMPARE(table->rowCount(), 1);
            QCOMPARE(table->item(0, CampaignsPage::Name)->text(), QStringLiteral("Spring appeal"));
            QCOMPARE(table->item(0, CampaignsPage::Status)->text(), QStringLiteral("Draft (awaiting approval)"));
        }
        {
            CampaignEditorDialog dialog(m_roles->as(QStringLiteral("sender2")), stored(campaign.id));
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            QTRY_VERIFY(!dialog.isCounting());
            auto* approve = find<QPushButton>(&dialog, "approveButton");
            QVERIFY(approve->isVisible());
            approve->click();
            auto* label = find<QLabel>(&dialog, "approvalLabel");
            QVERIFY2(label->text().startsWith(QStringLiteral("Approved by %1 at ").arg(approver)), qPrintable(label->text()));
            QVERIFY(!approve->isVisible());
            QVERIFY2(find<QLabel>(&dialog, "errorLabel")->isHidden(), qPrintable(find<QLabel>(&dialog, "errorLabel")->text()));
        }
        {
            // The author sees it, and that choosing another template would withdraw it; saving does.
            CampaignEditorDialog dialog(m_roles->as(QStringLiteral("sender")), stored(campaign.id));
            auto* label = find<QLabel>(&dialog, "approvalLabel");
            QVERIFY2(label->text().startsWith(QStringLiteral("Approved by %1").arg(approver)), qPrintable(label->text()));
            auto* templates = find<QComboBox>(&dialog, "templateCombo");
            templates->setCurrentIndex(templates->findData(m_otherTemplateId));
            QVERIFY2(label->text().contains(QLatin1String("withdraws this approval")), qPrintable(label->text()));
            QVERIFY(dialog.saveDraft());
            QVERIFY2(label->text().contains(QStringLiteral("The approval by %1 was withdrawn").arg(approver)), qPrintable(label->text()));
        }
    }

    void onlyAnAdministratorChangesTheThreshold()
    {
        if (!onPostgres())
            QSKIP("PostgreSQL only: approval needs several people (SQLite's case is the first)");
        const auto dropLogins = dropLoginsAtEnd();
        seed();
        {
            ApprovalSettingsPanel panel(m_roles->as(QStringLiteral("editor")));
            QVERIFY(find<QCheckBox>(&panel, "approvalEnabledCheck")->isChecked());
            QCOMPARE(find<QSpinBox>(&panel, "approvalThresholdSpin")->value(), 1);
            QVERIFY(!find<QPushButton>(&panel, "saveApprovalButton")->isEnabled());
            QVERIFY(find<QLabel>(&panel, "approvalNote")->text().contains(QLatin1String("Only an administrator")));
        }
        ApprovalSettingsPanel panel(m_roles->as(QStringLiteral("admin")));
        QVERIFY(find<QPushButton>(&panel, "saveApprovalButton")->isEnabled());
        find<QSpinBox>(&panel, "approvalThresholdSpin")->setValue(500);
        find<QPushButton>(&panel, "saveApprovalButton")->click();
        QVERIFY2(find<QLabel>(&panel, "approvalSettingsStatus")->text().contains(QLatin1String("500")),
                 qPrintable(find<QLabel>(&panel, "approvalSettingsError")->text()));
        QCOMPARE(CampaignApprovalRepository(database()).threshold()->value_or(-1), 500);
        find<QCheckBox>(&panel, "approvalEnabledCheck")->setChecked(false);
        find<QPushButton>(&panel, "saveApprovalButton")->click();
        QVERIFY(!CampaignApprovalRepository(database()).threshold()->has_value());
    }

    // build/screenshots/campaign-approval-*.png: the editor at its default size, waiting (as an approver, with the
    // Approve button) and approved, looked at for cut-off text.
    void screenshots_data() { test::addLanguageRows(); }

    void screenshots()
    {
        if (!onPostgres())
            QSKIP("PostgreSQL only: approval needs several people");
        QFETCH(QString, language);
        const test::ScopedLanguage scoped(language);
        QVERIFY(scoped.isLoaded());
        const auto dropLogins = dropLoginsAtEnd();
        const Campaign campaign = seed();
        {
            CampaignEditorDialog dialog(m_roles->as(QStringLiteral("sender2")), stored(campaign.id));
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            QTRY_VERIFY(!dialog.isCounting());
            test::saveScreenshot(&dialog, QStringLiteral("campaign-approval-waiting-%1.png").arg(language));
            find<QPushButton>(&dialog, "approveButton")->click();
            test::saveScreenshot(&dialog, QStringLiteral("campaign-approval-approved-%1.png").arg(language));
        }
        {
            ApprovalSettingsPanel panel(m_roles->as(QStringLiteral("admin")));
            panel.resize(800, panel.sizeHint().height());
            panel.show();
            QVERIFY(QTest::qWaitForWindowExposed(&panel));
            test::saveScreenshot(&panel, QStringLiteral("settings-approval-%1.png").arg(language));
        }
    }
};

QTEST_MAIN(TestApprovalSection)
#include "TestApprovalSection.moc"
