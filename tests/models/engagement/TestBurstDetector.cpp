#include "engagement/BurstDetector.h"

#include <QTest>

using namespace herald;

Q_DECLARE_METATYPE(herald::BurstDetector::Click)

using Clicks = QList<BurstDetector::Click>;
using Flags = QList<bool>;

// Clicks on several links of one message within a second belong to a program, not a person.
class TestBurstDetector : public QObject
{
    Q_OBJECT

private slots:
    void bursts_data()
    {
        QTest::addColumn<Clicks>("clicks");
        QTest::addColumn<int>("trackedLinks");
        QTest::addColumn<Flags>("expected");

        QTest::newRow("no clicks") << Clicks{} << 4 << Flags{};
        QTest::newRow("one click") << Clicks{{0, 1}} << 4 << Flags{false};
        QTest::newRow("both links of a two-link message within a second")
            << Clicks{{5000, 1}, {5400, 2}} << 2 << Flags{true, true};
        QTest::newRow("both links exactly one second apart") << Clicks{{5000, 1}, {6000, 2}} << 2 << Flags{true, true};
        QTest::newRow("both links just over a second apart") << Clicks{{5000, 1}, {6001, 2}} << 2
                                                             << Flags{false, false};
        QTest::newRow("same link twice is a double click, not a burst")
            << Clicks{{5000, 1}, {5100, 1}} << 2 << Flags{false, false};
        QTest::newRow("two links of a five-link message are not enough")
            << Clicks{{0, 1}, {200, 2}} << 5 << Flags{false, false};
        QTest::newRow("three links of a five-link message within a second")
            << Clicks{{0, 1}, {300, 4}, {900, 5}} << 5 << Flags{true, true, true};
        QTest::newRow("three links spread over more than a second")
            << Clicks{{0, 1}, {600, 2}, {1200, 3}} << 5 << Flags{false, false, false};
        QTest::newRow("a person clicks later; the scanner's burst stays apart")
            << Clicks{{0, 1}, {100, 2}, {150, 3}, {90000, 2}} << 3 << Flags{true, true, true, false};
        QTest::newRow("repeat of a link inside the burst window belongs to it")
            << Clicks{{0, 1}, {50, 1}, {100, 2}, {200, 3}} << 4 << Flags{true, true, true, true};
        QTest::newRow("sliding window finds a burst in the middle")
            << Clicks{{0, 1}, {2000, 2}, {2500, 3}, {2900, 4}, {9000, 1}} << 6 << Flags{false, true, true, true, false};
        QTest::newRow("given out of time order") << Clicks{{900, 3}, {0, 1}, {450, 2}} << 3 << Flags{true, true, true};
        QTest::newRow("a one-link message has no bursts") << Clicks{{0, 1}, {10, 1}} << 1 << Flags{false, false};
        QTest::newRow("two bursts") << Clicks{{0, 1}, {10, 2}, {60000, 1}, {60010, 2}, {120000, 1}} << 2
                                    << Flags{true, true, true, true, false};
    }

    void bursts()
    {
        QFETCH(Clicks, clicks);
        QFETCH(int, trackedLinks);
        QFETCH(Flags, expected);
        QCOMPARE(BurstDetector::inBurst(clicks, trackedLinks), expected);
    }

    // A big scanner run (every link of a 40-link message at once) next to a person's click an hour later.
    void manyLinks()
    {
        Clicks clicks;
        for (int link = 1; link <= 40; ++link)
            clicks.append({1000 + link * 7, link});
        clicks.append({3600000, 12});
        const Flags flags = BurstDetector::inBurst(clicks, 40);
        QCOMPARE(flags.count(true), 40);
        QVERIFY(!flags.last());
    }
};

QTEST_GUILESS_MAIN(TestBurstDetector)
#include "TestBurstDetector.moc"
