#include "DatabaseTestCase.h"
#include "DesktopTestEnvironment.h"
#include "EngagementRows.h"
#include "EngagementTraffic.h"
#include "campaigns/CampaignsPage.h"
#include "common/FileDialog.h"
#include "engagement/EngagementButton.h"
#include "engagement/EngagementChart.h"
#include "engagement/EngagementDialog.h"
#include "engagement/EngagementEventWriter.h"
#include "engagement/EngagementView.h"
#include "itemmodels/EngagementRecipientsModel.h"
#include "sending/CampaignPanel.h"
#include "sending/SendingPage.h"
#include "shell/MainWindow.h"
#include "storage/ProfileStore.h"

#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QProgressDialog>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace herald;
using Traffic = test::EngagementTraffic;

// The engagement view on both backends over opens and clicks written as `herald serve` writes them and rolled up by
// the real roll-up: the figures people first with their rates, a pre-counted delivered count, the chart's buckets,
// the sortable link table, the recipients' search and "People only", the events' CSV export and its cancel, the
// approximate figures of anonymous tracking, the empty state without tracking, and the way in from the Campaigns
// and Sending pages.
class TestEngagementView : public test::DatabaseTestCase
{
    Q_OBJECT

    QTemporaryDir m_dir;
    const QDateTime m_sentAt = QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);
    qint64 m_tracked = 0;   // per recipient: 8 delivered, 2 failed
    qint64 m_anonymous = 0; // 4 delivered
    qint64 m_untracked = 0; // 2 delivered, tracking off
    qint64 m_draft = 0;

    qint64 at(double hoursAfterSending) const { return m_sentAt.toMSecsSinceEpoch() + qint64(hoursAfterSending * 3600'000); }

    // People: Harbor opens and clicks links 1 and 2, Hill opens, River opens twice on day 2 and clicks link 2; Scanned
    // Society's message is only fetched by Apple's proxy and a link scanner. So people: 4 opens by 3 recipients,
    // 3 clicks by 2; machines: 1 open, 1 click, by 1.
    void seed()
    {
        test::EngagementRows rows(database());
        m_tracked = rows.campaign(QStringLiteral("Spring appeal"), QStringLiteral("per_recipient"));
        m_anonymous = rows.campaign(QStringLiteral("Autumn appeal"), QStringLiteral("anonymous"));
        m_untracked = rows.campaign(QStringLiteral("Quiet letter"), QStringLiteral("off"));
        m_draft = rows.campaign(QStringLiteral("Next draft"), QStringLiteral("per_recipient"), QStringLiteral("draft"));
        const QStringList names = {QStringLiteral("Harbor Food Bank"), QStringLiteral("Hill Library"),
                                   QStringLiteral("River Trust"),      QStringLiteral("Scanned Society"),
                                   QStringLiteral("Quiet Club"),       QStringLiteral("Lake Choir"),
                                   QStringLiteral("Stone Museum"),     QStringLiteral("Field Shelter"),
                                   QStringLiteral("Bounced Guild"),    QStringLiteral("Gone Union")};
        QList<qint64> sends;
        for (int i = 0; i < names.size(); ++i) {
            const QString email = names.at(i).split(QLatin1Char(' ')).first().toLower() + QStringLiteral("@example.org");
            const qint64 nonprofit = rows.nonprofit(names.at(i), email);
            const bool sent = i < 8;
            sends << rows.send(m_tracked, nonprofit, email, sent ? QStringLiteral("sent") : QStringLiteral("failed"),
                               sent ? m_sentAt : QDateTime());
            if (i < 4)
                rows.send(m_anonymous, nonprofit, email, QStringLiteral("sent"), m_sentAt);
            if (i < 2)
                rows.send(m_untracked, nonprofit, email, QStringLiteral("sent"), m_sentAt);
        }
        rows.link(m_tracked, 1, QStringLiteral("https://example.org/"));
        rows.link(m_tracked, 2, QStringLiteral("https://example.org/donate?org={{ein}}"));
        rows.link(m_tracked, 3, QStringLiteral("https://example.org/never"));
        rows.link(m_anonymous, 1, QStringLiteral("https://example.org/autumn"));
        QVERIFY2(rows.error().isEmpty(), qPrintable(rows.error()));

        const Status recorded = Traffic::record(
            database(),
            {Traffic::open(m_tracked, sends[0], at(2)), Traffic::click(m_tracked, sends[0], 1, at(2.1)),
             Traffic::click(m_tracked, sends[0], 2, at(2.2)), Traffic::open(m_tracked, sends[1], at(3)),
             Traffic::open(m_tracked, sends[2], at(32)), Traffic::open(m_tracked, sends[2], at(33)),
             Traffic::click(m_tracked, sends[2], 2, at(33.1)),
             Traffic::open(m_tracked, sends[3], at(0.5), QStringLiteral("apple_mpp")),
             Traffic::click(m_tracked, sends[3], 1, at(0.6), QStringLiteral("scanner_agent")),
             // Anonymous: nobody named; three opens and a click from four delivered messages.
             Traffic::open(m_anonymous, 0, at(1)), Traffic::open(m_anonymous, 0, at(2)),
             Traffic::open(m_anonymous, 0, at(2.5)), Traffic::click(m_anonymous, 0, 1, at(2.6))},
            at(24 * 30));
        QVERIFY2(recorded.ok(), qPrintable(recorded.error().message));
    }

    template<typename T> static T* find(QWidget* parent, const char* name)
    {
        auto* child = parent->findChild<T*>(QString::fromLatin1(name));
        if (!child)
            qWarning("no %s", name);
        return child;
    }
    static QString text(QWidget* view, const char* name) { return find<QLabel>(view, name)->text(); }

    std::unique_ptr<EngagementView> openView(qint64 campaignId, qint64 delivered = -1)
    {
        auto view = std::make_unique<EngagementView>(database(), campaignId, delivered);
        view->resize(1100, 700);
        view->show();
        if (!QTest::qWaitForWindowExposed(view.get()))
            qWarning("the view was not shown");
        // The report is read on a worker thread: wait for it (a failure shows in the checks that follow).
        if (!QTest::qWaitFor([&view] { return !view->isLoading(); }, 15000))
            qWarning("the report did not arrive");
        return view;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        test::useTestDesktop(m_dir);
    }

    void figuresPeopleFirstWithRatesOfDelivered()
    {
        seed();
        const auto view = openView(m_tracked);
        QCOMPARE(find<QLabel>(view.get(), "engagementTitle")->text(), QStringLiteral("Spring appeal"));
        QCOMPARE(text(view.get(), "deliveredValue"), QStringLiteral("8"));
        QCOMPARE(text(view.get(), "humanOpens"), QStringLiteral("4"));
        QCOMPARE(text(view.get(), "humanUniqueOpens"), QStringLiteral("3"));
        QCOMPARE(text(view.get(), "humanOpenRate"), QStringLiteral("37.5 %"));
        QCOMPARE(text(view.get(), "humanClicks"), QStringLiteral("3"));
        QCOMPARE(text(view.get(), "humanUniqueClicks"), QStringLiteral("2"));
        QCOMPARE(text(view.get(), "humanClickRate"), QStringLiteral("25.0 %"));
        QCOMPARE(text(view.get(), "humanClickToOpenRate"), QStringLiteral("66.7 %"));
        QCOMPARE(text(view.get(), "machineOpens"), QStringLiteral("1"));
        QCOMPARE(text(view.get(), "machineOpenRate"), QStringLiteral("12.5 %"));
        QCOMPARE(text(view.get(), "machineClickToOpenRate"), QStringLiteral("100.0 %"));
        QVERIFY(!find<QLabel>(view.get(), "approximateLabel")->isVisible());

        // People's column comes first and stands out; machines' is beside it, plainer.
        auto* people = find<QLabel>(view.get(), "humanOpenRate");
        auto* machines = find<QLabel>(view.get(), "machineOpenRate");
        QVERIFY(people->mapTo(view.get(), QPoint()).x() < machines->mapTo(view.get(), QPoint()).x());
        QVERIFY(people->font().bold() && !machines->font().bold());
        QVERIFY(people->font().pointSizeF() > machines->font().pointSizeF());
        QVERIFY(find<QTabWidget>(view.get(), "engagementTabs")->isTabVisible(2));
    }

    // The count the opening page holds is used for the first read; Refresh counts the sends itself.
    void deliveredCountFromThePageThenCountedOnRefresh()
    {
        seed();
        const auto view = openView(m_tracked, 10);
        QCOMPARE(text(view.get(), "deliveredValue"), QStringLiteral("10"));
        QCOMPARE(text(view.get(), "humanOpenRate"), QStringLiteral("30.0 %"));
        view->activateWindow(); // shortcuts reach the active window only
        QVERIFY(QTest::qWaitForWindowActive(view.get()));
        QTest::keyClick(find<QWidget>(view.get(), "engagementTabs"), Qt::Key_F5);
        QTRY_COMPARE_WITH_TIMEOUT(text(view.get(), "deliveredValue"), QStringLiteral("8"), 15000);
        QCOMPARE(text(view.get(), "humanOpenRate"), QStringLiteral("37.5 %"));
    }

    void chartInSixHourBucketsPeopleFirst()
    {
        seed();
        const auto view = openView(m_tracked);
        const QList<QLineSeries*> series = view->findChild<EngagementChart*>()->series();
        QCOMPARE(series.at(0)->count(), CampaignEngagement::SeriesHours / EngagementChart::BucketHours);
        QCOMPARE(series.at(0)->at(0), QPointF(0, 2));    // Harbor's open at 2 h and Hill's at 3 h
        QCOMPARE(series.at(0)->at(1).y(), 0.0);
        QCOMPARE(series.at(0)->at(5), QPointF(1.25, 2)); // River's two opens, 32 and 33 h after sending
        QCOMPARE(series.at(1)->at(0).y(), 2.0);
        QCOMPARE(series.at(1)->at(5).y(), 1.0);
        QVERIFY(!series.at(2)->isVisible() && !series.at(3)->isVisible());
        find<QCheckBox>(view.get(), "showMachinesCheck")->click();
        QVERIFY(series.at(2)->isVisible());
        QCOMPARE(series.at(2)->at(0).y(), 1.0);
        QCOMPARE(series.at(3)->at(0).y(), 1.0);
    }

    void linksSortedByPeoplesClicks()
    {
        seed();
        const auto view = openView(m_tracked);
        auto* links = find<QTableWidget>(view.get(), "engagementLinksTable");
        QCOMPARE(links->rowCount(), 3);
        const auto cell = [links](int row, int column) { return links->item(row, column)->data(Qt::DisplayRole).toString(); };
        QCOMPARE(cell(0, 1), QStringLiteral("https://example.org/donate?org={{ein}}"));
        QCOMPARE(cell(0, 2), QStringLiteral("2"));
        QCOMPARE(cell(0, 3), QStringLiteral("2"));
        QCOMPARE(cell(0, 4), QStringLiteral("0"));
        QCOMPARE(cell(2, 1), QStringLiteral("https://example.org/never"));
        links->sortByColumn(4, Qt::DescendingOrder); // machines' clicks: the scanner's
        QCOMPARE(cell(0, 1), QStringLiteral("https://example.org/"));
        QCOMPARE(cell(0, 4), QStringLiteral("1"));
        QCOMPARE(cell(0, 2), QStringLiteral("1"));
    }

    void recipientsSearchedAndPeopleOnly()
    {
        seed();
        const auto view = openView(m_tracked);
        auto* tabs = find<QTabWidget>(view.get(), "engagementTabs");
        tabs->setCurrentIndex(2);
        auto* table = find<QTableView>(view.get(), "engagementRecipientsTable");
        QCOMPARE(table->model()->rowCount(), 4);
        QVERIFY(text(view.get(), "recipientCountLabel").startsWith(QLatin1String("4 ")));
        QTest::keyClicks(find<QLineEdit>(view.get(), "recipientSearchEdit"), QStringLiteral("river"));
        QTRY_COMPARE(table->model()->rowCount(), 1);
        QCOMPARE(table->model()->index(0, EngagementRecipientsModel::Email).data().toString(),
                 QStringLiteral("river@example.org"));
        QCOMPARE(table->model()->index(0, EngagementRecipientsModel::LinksClicked).data().toString(), QStringLiteral("2"));
        find<QLineEdit>(view.get(), "recipientSearchEdit")->clear();
        QTRY_COMPARE(table->model()->rowCount(), 4);
        find<QCheckBox>(view.get(), "peopleOnlyCheck")->click();
        QCOMPARE(table->model()->rowCount(), 3); // not Scanned Society
        QVERIFY(text(view.get(), "recipientCountLabel").startsWith(QLatin1String("3 ")));
    }

    void exportWritesEveryEventCancelLeavesNoFile()
    {
        seed();
        const auto view = openView(m_tracked);
        const QString path = m_dir.filePath(QStringLiteral("events-%1.csv").arg(qint64(this->database().backend())));
        QFile::remove(path);
        FileDialog::setNextFileName(path);
        find<QPushButton>(view.get(), "exportEventsButton")->click();
        QTRY_VERIFY_WITH_TIMEOUT(!view->isExporting() && QFile::exists(path), 15000);
        QTRY_VERIFY(text(view.get(), "engagementMessage").startsWith(QLatin1String("Exported 9 events")));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll().count('\n'), 10); // the header and the 9 events

        // Enough events, in small pages, that Cancel comes while it writes.
        QList<EngagementRecord> many;
        for (int i = 0; i < 3000; ++i)
            many << Traffic::open(m_tracked, 0, at(40) + i);
        QVERIFY(EngagementEventWriter(database()).write(many).ok());
        const QString cancelled = m_dir.filePath(QStringLiteral("cancelled.csv"));
        view->exportTo(cancelled, 10);
        auto* progress = find<QProgressDialog>(view.get(), "exportProgress");
        QVERIFY(progress);
        auto* cancel = progress->findChild<QPushButton*>();
        QVERIFY(cancel);
        cancel->click(); // at once (the dialog shows after 300 ms): the export stops before its next page
        QVERIFY(view->isExporting());
        QTRY_VERIFY_WITH_TIMEOUT(!view->isExporting(), 15000);
        QVERIFY(!QFile::exists(cancelled));
        QVERIFY(text(view.get(), "engagementMessage").contains(QLatin1String("Exported 9 events"))); // nothing new said
    }

    void anonymousFiguresAreMarkedApproximate()
    {
        seed();
        const auto view = openView(m_anonymous);
        QCOMPARE(text(view.get(), "deliveredValue"), QStringLiteral("4"));
        QCOMPARE(text(view.get(), "humanOpenRate"), QStringLiteral("≈ 75.0 %"));
        QCOMPARE(text(view.get(), "humanClickToOpenRate"), QStringLiteral("≈ 33.3 %"));
        QCOMPARE(text(view.get(), "humanUniqueOpens"), QStringLiteral("—"));
        auto* approximate = find<QLabel>(view.get(), "approximateLabel");
        QVERIFY(approximate->isVisible());
        QVERIFY(approximate->toolTip().contains(QLatin1String("twice")));
        QVERIFY(find<QLabel>(view.get(), "humanOpenRate")->toolTip().contains(QLatin1String("twice")));
        QVERIFY(!find<QTabWidget>(view.get(), "engagementTabs")->isTabVisible(2)); // nobody to list
        QCOMPARE(find<QTableWidget>(view.get(), "engagementLinksTable")->item(0, 3)->text(), QStringLiteral("—"));
    }

    void trackingOffShowsWhyNotZeros()
    {
        seed();
        const auto view = openView(m_untracked);
        QVERIFY(find<QLabel>(view.get(), "trackingOffLabel")->isVisible());
        QVERIFY(text(view.get(), "trackingOffLabel").contains(QLatin1String("not tracked")));
        QVERIFY(!find<QTabWidget>(view.get(), "engagementTabs")->isVisible());
        QVERIFY(!find<QPushButton>(view.get(), "exportEventsButton")->isEnabled());
        QVERIFY(text(view.get(), "engagementDetails").contains(QLatin1String("2 messages delivered")));
    }

    void campaignsPageOpensOneDialogPerCampaign()
    {
        seed();
        CampaignsPage page(database());
        page.resize(1254, 700);
        page.show();
        QTRY_VERIFY_WITH_TIMEOUT(!page.isLoading() && page.rowCount() == 4, 15000);
        auto* table = find<QTableWidget>(&page, "campaignTable");
        auto* button = find<EngagementButton>(&page, "engagementButton");
        const auto select = [table](const QString& name) {
            for (int row = 0; row < table->rowCount(); ++row) {
                if (table->item(row, CampaignsPage::Name)->text() == name)
                    table->selectRow(row);
            }
        };
        select(QStringLiteral("Next draft"));
        QVERIFY(!button->isEnabled()); // nothing delivered
        select(QStringLiteral("Spring appeal"));
        QVERIFY(button->isEnabled());
        button->click();
        auto* dialog = page.findChild<EngagementDialog*>();
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->view()->isLoading(), 15000);
        QCOMPARE(dialog->view()->campaignId(), m_tracked);
        QCOMPARE(text(dialog, "deliveredValue"), QStringLiteral("8"));
        QVERIFY(!dialog->isModal());
        // Ctrl+E on the list brings the same dialog forward rather than a second one.
        dialog->hide();
        page.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&page));
        QApplication::setActiveWindow(&page);
        table->setFocus();
        QTest::keyClick(table, Qt::Key_E, Qt::ControlModifier);
        QVERIFY(dialog->isVisible());
        QCOMPARE(page.findChildren<EngagementDialog*>().size(), 1);
        dialog->close();
    }

    void sendingPageOpensWithItsSentCount()
    {
        seed();
        SendingPage page(database());
        page.show();
        QTRY_VERIFY_WITH_TIMEOUT(page.panel(m_tracked) != nullptr, 15000);
        CampaignPanel* panel = page.panel(m_tracked);
        auto* button = find<EngagementButton>(panel, "engagementButton");
        QTRY_VERIFY(button->isEnabled());
        QCOMPARE(panel->progress().sent, qint64(8));
        button->click();
        auto* dialog = page.findChild<EngagementDialog*>();
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->view()->isLoading(), 15000);
        QCOMPARE(text(dialog, "humanOpenRate"), QStringLiteral("37.5 %"));
        dialog->close();
    }

    // The window at its default size with the Campaigns page, the Sending page and the engagement dialog's three
    // tabs, in each language; build/screenshots/engagement-*.png, looked at for cut-off text.
    void screenshots_data()
    {
        QTest::addColumn<QString>("qmFile");
        QTest::newRow("en") << QString();
        QTest::newRow("es") << QStringLiteral(":/i18n/herald_es.qm");
        QTest::newRow("fr") << QStringLiteral(":/i18n/herald_fr.qm");
    }
    void screenshots()
    {
        QFETCH(QString, qmFile);
        const QString language = QTest::currentDataTag();
        QTranslator translator;
        if (!qmFile.isEmpty()) {
            QVERIFY(translator.load(qmFile));
            QVERIFY(QCoreApplication::installTranslator(&translator));
        }
        QLocale::setDefault(QLocale(language));
        seed();
        {
            ProfileStore profiles(Config::instance());
            MainWindow window(database(), profiles);
            window.resize(1254, 784);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.showPage(MainWindow::Campaigns);
            auto* page = window.findChild<CampaignsPage*>();
            QTRY_VERIFY_WITH_TIMEOUT(!page->isLoading() && page->rowCount() == 4, 15000);
            auto* table = find<QTableWidget>(page, "campaignTable");
            for (int row = 0; row < table->rowCount(); ++row) {
                if (table->item(row, CampaignsPage::Name)->data(Qt::UserRole).toLongLong() == m_tracked)
                    table->selectRow(row);
            }
            test::saveScreenshot(&window, QStringLiteral("engagement-%1-campaigns-page.png").arg(language));
            find<EngagementButton>(page, "engagementButton")->click();
            auto* dialog = page->findChild<EngagementDialog*>();
            QVERIFY(dialog);
            QVERIFY(QTest::qWaitForWindowExposed(dialog));
            QTRY_VERIFY_WITH_TIMEOUT(!dialog->view()->isLoading(), 15000);
            auto* tabs = find<QTabWidget>(dialog, "engagementTabs");
            const char* names[] = {"summary", "links", "recipients"};
            for (int tab = 0; tab < 3; ++tab) {
                tabs->setCurrentIndex(tab);
                test::saveScreenshot(dialog, QStringLiteral("engagement-%1-%2.png").arg(language, QLatin1String(names[tab])));
            }
            dialog->close();
            for (const auto& [campaign, name] : {std::pair{m_anonymous, "approximate"}, std::pair{m_untracked, "tracking-off"}}) {
                EngagementDialog* other = EngagementDialog::showFor(database(), campaign, -1, page);
                QVERIFY(QTest::qWaitForWindowExposed(other));
                QTRY_VERIFY_WITH_TIMEOUT(!other->view()->isLoading(), 15000);
                test::saveScreenshot(other, QStringLiteral("engagement-%1-%2.png").arg(language, QLatin1String(name)));
                other->close();
            }
            window.showPage(MainWindow::Sending);
            QTRY_VERIFY_WITH_TIMEOUT(window.findChild<CampaignPanel*>(QStringLiteral("campaignPanel%1").arg(m_tracked)), 15000);
            test::saveScreenshot(&window, QStringLiteral("engagement-%1-sending-page.png").arg(language));
        }
        QCoreApplication::removeTranslator(&translator);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }
};

QTEST_MAIN(TestEngagementView)
#include "TestEngagementView.moc"
