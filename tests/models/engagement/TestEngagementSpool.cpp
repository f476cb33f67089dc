#include "DatabaseTestCase.h"
#include "EngagementRows.h"
#include "engagement/EngagementEventFlusher.h"
#include "engagement/EngagementEventWriter.h"
#include "engagement/EngagementSpool.h"
#include "engagement/EngagementSpoolFormat.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace herald;

namespace {
EngagementRecord click(qint64 sendId)
{
    return test::EngagementRows::servedClick(7, sendId);
}
} // namespace

// herald serve's spool: what a killed process leaves in it reaches the database exactly once when the next one
// starts on the same directory, also after a crash between the commit and the deletion of the file; a full spool
// refuses and counts; a directory is one process's.
class TestEngagementSpool : public test::DatabaseTestCase
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dirOwner;
    QStringList m_log;

    // Each case on an empty spool directory (init() and cleanup() are DatabaseTestCase's).
    void freshSpool()
    {
        m_log.clear();
        m_dirOwner = std::make_unique<QTemporaryDir>();
    }

    std::unique_ptr<EngagementSpool> openSpool(qint64 cap = EngagementSpool::DefaultCapBytes)
    {
        auto spool = EngagementSpool::open(m_dirOwner->path(), cap, [this](const QString& line) { m_log << line; });
        if (!spool)
            qWarning("%s", qPrintable(spool.error().message));
        return spool ? std::move(spool).value() : nullptr;
    }
    // A herald serve that starts on the spool, writes what it finds and stops.
    bool startAndStop()
    {
        auto spool = openSpool();
        if (!spool)
            return false;
        EngagementEventFlusher flusher(database(), *spool, 50, [this](const QString& line) { m_log << line; });
        flusher.start();
        return flusher.stop();
    }
    int events() { return selectValue(QStringLiteral("SELECT count(*) FROM engagement_events WHERE campaign_id = :id"), 7).toInt(); }
    int distinctSends()
    {
        return selectValue(QStringLiteral("SELECT count(DISTINCT send_id) FROM engagement_events WHERE campaign_id = :id"), 7).toInt();
    }
    int segmentMarks(const QString& instance)
    {
        return selectValue(QStringLiteral("SELECT count(*) FROM engagement_spool_segments WHERE instance = :id"), instance).toInt();
    }
    QStringList segmentFiles() const { return QDir(m_dirOwner->path()).entryList({QStringLiteral("*.spool")}, QDir::Files); }
    QString spoolPath() const { return m_dirOwner->path(); }

private slots:
    void aLineReadsBackAsTheEvent()
    {
        EngagementRecord odd = click(0);
        odd.kind = EngagementKind::Open;
        odd.machine = true;
        odd.reason = QStringLiteral("tab\there, back\\slash, newline\n, é");
        QByteArray line;
        EngagementSpoolFormat::append(line, odd);
        QVERIFY(line.endsWith('\n'));
        QCOMPARE(line.count('\n'), 1);
        const auto read = EngagementSpoolFormat::parse(QByteArrayView(line).chopped(1));
        QVERIFY(read);
        QCOMPARE(read->sendId, qint64(0));
        QVERIFY(read->kind == EngagementKind::Open);
        QCOMPARE(read->occurredAtMs, odd.occurredAtMs);
        QVERIFY(read->machine);
        QCOMPARE(read->reason, odd.reason);
    }

    // The kill: the spool thread had written 300 events to the file, the database none; nothing was stopped.
    void aKilledProcessSpoolIsWrittenExactlyOnceOnTheNextStart()
    {
        freshSpool();
        QString killed;
        {
            auto spool = openSpool();
            QVERIFY(spool);
            killed = spool->instance();
            for (qint64 send = 1; send <= 300; ++send)
                QVERIFY(spool->append(click(send)));
            QVERIFY(spool->writeBuffered().ok());
        }
        QCOMPARE(events(), 0);
        QCOMPARE(segmentFiles().size(), 1);

        QVERIFY(startAndStop());
        QCOMPARE(events(), 300);
        QCOMPARE(distinctSends(), 300);
        QVERIFY(segmentFiles().isEmpty());
        QCOMPARE(segmentMarks(killed), 0); // forgotten once its files were gone

        QVERIFY(startAndStop()); // nothing is written twice
        QCOMPARE(events(), 300);
    }

    // The process died after the commit of a segment and before it deleted the file: the mark in the database
    // keeps the next start from writing it again.
    void aSegmentCommittedBeforeItsFileWasDeletedIsNotWrittenAgain()
    {
        freshSpool();
        {
            auto spool = openSpool();
            QVERIFY(spool);
            for (qint64 send = 1; send <= 50; ++send)
                QVERIFY(spool->append(click(send)));
            QVERIFY(spool->seal().ok());
            const auto segment = spool->oldestSealed();
            QVERIFY(segment);
            auto bytes = spool->read(*segment);
            QVERIFY(bytes.ok());
            auto stored = EngagementEventWriter(database()).writeSegment(EngagementSpoolFormat::wellFormed(bytes.value()),
                                                                          segment->instance, segment->number);
            QVERIFY2(stored.ok(), stored.ok() ? "" : qPrintable(stored.error().message));
            QVERIFY(stored.value());
        }
        QCOMPARE(events(), 50);
        QCOMPARE(segmentFiles().size(), 1);

        QVERIFY(startAndStop());
        QCOMPARE(events(), 50);
        QVERIFY(segmentFiles().isEmpty());
    }

    // A kill in the middle of a write() leaves the last line cut off; anything else that is no event is skipped too,
    // and the log says how many lines and in which file.
    void aCutOffLastLineAndOtherDamageAreSkipped()
    {
        freshSpool();
        QByteArray good;
        for (qint64 send = 1; send <= 3; ++send)
            EngagementSpoolFormat::append(good, click(send));
        QByteArray last;
        EngagementSpoolFormat::append(last, click(4));
        const QByteArray damaged = good + "7\t1\tnot a line\n" + last + last.left(last.size() / 2);
        QFile file(QDir(spoolPath()).filePath(QStringLiteral("0123456789abcdef-0000000001.spool")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(damaged), damaged.size());
        file.close();

        QVERIFY(startAndStop());
        QCOMPARE(events(), 4);
        QCOMPARE(distinctSends(), 4);
        QVERIFY(segmentFiles().isEmpty());
        QVERIFY2(m_log.join(QLatin1Char('\n')).contains(QStringLiteral("Skipped 2 line(s)")), qPrintable(m_log.join(QLatin1Char('\n'))));
    }

    // Past the cap (the database does not take the events) new ones are refused and counted; once the database has
    // taken them, the spool accepts again.
    void pastTheCapNewEventsAreRefusedAndCounted()
    {
        freshSpool();
        auto spool = openSpool(4096);
        QVERIFY(spool);
        int accepted = 0;
        while (spool->append(click(accepted + 1)))
            ++accepted;
        QVERIFY(accepted > 10);
        QVERIFY(spool->isFull());
        QVERIFY(!spool->append(click(1000)));
        QCOMPARE(spool->refused(), qint64(2));
        {
            EngagementEventFlusher flusher(database(), *spool, 50, [](const QString&) {});
            flusher.start();
            QVERIFY(flusher.stop());
            QCOMPARE(flusher.written(), qint64(accepted));
        }
        QCOMPARE(events(), accepted);
        QVERIFY(!spool->isFull());
        QVERIFY(spool->append(click(2000)));
    }

    void aSecondProcessCannotTakeTheSameDirectory()
    {
        freshSpool();
        auto first = openSpool();
        QVERIFY(first);
        auto second = EngagementSpool::open(spoolPath(), EngagementSpool::DefaultCapBytes, [](const QString&) {});
        QVERIFY(!second);
        QVERIFY2(second.error().message.contains(QDir(spoolPath()).absolutePath()), qPrintable(second.error().message));
        QVERIFY(second.error().message.contains(QStringLiteral("Another herald serve")));
        first.reset();
        QVERIFY(openSpool());
    }

    void aDirectoryThatCannotBeMadeIsNamed()
    {
        freshSpool();
        const QString blocker = QDir(spoolPath()).filePath(QStringLiteral("a-file"));
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        const QString path = blocker + QStringLiteral("/spool");
        auto spool = EngagementSpool::open(path, EngagementSpool::DefaultCapBytes, [](const QString&) {});
        QVERIFY(!spool);
        QVERIFY2(spool.error().message.contains(path), qPrintable(spool.error().message));
        QFile::remove(blocker);
    }
};

QTEST_GUILESS_MAIN(TestEngagementSpool)
#include "TestEngagementSpool.moc"
