#include "importexport/CsvReader.h"
#include "importexport/CsvWriter.h"

#include <QBuffer>
#include <QFile>
#include <QTest>

using namespace herald;

namespace {
QList<CsvRecord> readAll(
    const QByteArray& bytes, char* delimiter = nullptr, qint64 maxRecordBytes = CsvReader::DefaultMaxRecordBytes)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer, maxRecordBytes);
    QList<CsvRecord> records;
    CsvRecord record;
    while (reader.next(record))
        records << record;
    if (delimiter)
        *delimiter = reader.delimiter();
    return records;
}

// A file of `rows` generated records, produced as it is read: nothing of it is ever held whole.
class GeneratedCsv : public QIODevice
{
public:
    explicit GeneratedCsv(qint64 rows)
        : m_rows(rows)
    {
    }
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char* data, qint64 maxSize) override
    {
        while (m_pending.size() < maxSize && m_row < m_rows) {
            m_pending += QByteArrayLiteral("\"Organisation ") + QByteArray::number(m_row)
                + QByteArrayLiteral(", Inc.\",org") + QByteArray::number(m_row)
                + QByteArrayLiteral("@example.org,Wilmington,DE,\"a note\nover two lines\"\r\n");
            ++m_row;
        }
        const qint64 size = std::min<qint64>(maxSize, m_pending.size());
        memcpy(data, m_pending.constData(), size_t(size));
        m_pending.remove(0, size);
        return size;
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    qint64 m_rows;
    qint64 m_row = 0;
    QByteArray m_pending;
};

qint64 residentKilobytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}
} // namespace

class TestCsvReader : public QObject
{
    Q_OBJECT

private slots:
    void quotedFieldsKeepDelimitersLineBreaksAndQuotes()
    {
        const auto records
            = readAll("name,note\r\n\"Food Bank, Inc.\",\"said \"\"hi\"\"\nand left\"\r\nplain,\"\"\r\n");
        QCOMPARE(records.size(), 3);
        QCOMPARE(records.at(1).fields,
            (QStringList { QStringLiteral("Food Bank, Inc."), QStringLiteral("said \"hi\"\nand left") }));
        QCOMPARE(records.at(2).fields, (QStringList { QStringLiteral("plain"), QString() }));
    }

    void lineNumbersAreWhereRecordsStart()
    {
        const auto records = readAll("h1,h2\n\"a\nb\nc\",x\n\nlast,row");
        QCOMPARE(records.size(), 3);
        QCOMPARE(records.at(0).line, qint64(1));
        QCOMPARE(records.at(1).line, qint64(2));
        QCOMPARE(records.at(2).line, qint64(6)); // the blank line 5 is skipped
        QCOMPARE(records.at(2).fields, (QStringList { QStringLiteral("last"), QStringLiteral("row") }));
    }

    void delimiterComesFromTheHeaderLine_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<char>("delimiter");
        QTest::addColumn<QStringList>("second");
        QTest::newRow("comma") << QByteArray("a,b\n1;2,3\n") << ','
                               << QStringList { QStringLiteral("1;2"), QStringLiteral("3") };
        QTest::newRow("semicolon") << QByteArray("a;b\n1,2;3\n") << ';'
                                   << QStringList { QStringLiteral("1,2"), QStringLiteral("3") };
        QTest::newRow("quoted semicolons do not count")
            << QByteArray("\"x;y;z\",b\n1,2\n") << ',' << QStringList { QStringLiteral("1"), QStringLiteral("2") };
    }

    void delimiterComesFromTheHeaderLine()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(char, delimiter);
        QFETCH(QStringList, second);
        char detected = 0;
        const auto records = readAll(bytes, &detected);
        QCOMPARE(detected, delimiter);
        QCOMPARE(records.at(1).fields, second);
    }

    void byteOrderMarkIsSkipped()
    {
        const auto records = readAll("\xEF\xBB\xBFname;city\r\nCaf\xC3\xA9;Montr\xC3\xA9"
                                     "al\r\n");
        QCOMPARE(records.first().fields.first(), QStringLiteral("name"));
        QCOMPARE(records.at(1).fields, (QStringList { QStringLiteral("Café"), QStringLiteral("Montréal") }));
        QVERIFY(!records.at(1).invalidUtf8);
    }

    void invalidUtf8IsFlaggedPerRecord_data()
    {
        QTest::addColumn<QByteArray>("field");
        QTest::addColumn<bool>("invalid");
        QTest::newRow("ascii") << QByteArray("plain") << false;
        QTest::newRow("two-byte") << QByteArray("caf\xC3\xA9") << false;
        QTest::newRow("four-byte") << QByteArray("\xF0\x9F\x8E\x89") << false;
        QTest::newRow("latin-1") << QByteArray("caf\xE9") << true;
        QTest::newRow("stray continuation") << QByteArray("\x80") << true;
        QTest::newRow("overlong") << QByteArray("\xC0\xAF") << true;
        QTest::newRow("surrogate") << QByteArray("\xED\xA0\x80") << true;
        QTest::newRow("truncated") << QByteArray("\xE2\x82") << true;
        QTest::newRow("above U+10FFFF") << QByteArray("\xF4\x90\x80\x80") << true;
    }

    void invalidUtf8IsFlaggedPerRecord()
    {
        QFETCH(QByteArray, field);
        QFETCH(bool, invalid);
        const auto records = readAll("a,b\n" + field + ",x\nnext,ok\n");
        QCOMPARE(records.size(), 3);
        QCOMPARE(records.at(1).invalidUtf8, invalid);
        QVERIFY(!records.at(2).invalidUtf8);
    }

    void unterminatedQuoteRunsToTheEnd()
    {
        const auto records = readAll("a,b\n\"open,1\nnext,2\n");
        QCOMPARE(records.size(), 2);
        QVERIFY(records.at(1).unterminatedQuote);
        QCOMPARE(records.at(1).line, qint64(2));
    }

    void lastRecordWithoutLineEndAndLoneCarriageReturn()
    {
        const auto records = readAll("a,b\r\nx\ry,z");
        QCOMPARE(records.size(), 2);
        QCOMPARE(records.at(1).fields, (QStringList { QStringLiteral("x\ry"), QStringLiteral("z") }));
    }

    void recordsLongerThanTheLimitAreDroppedNotHeld()
    {
        const QByteArray huge(5000, 'x');
        const auto records = readAll("a,b\n" + huge + ",1\nsmall,2\n", nullptr, 1000);
        QCOMPARE(records.size(), 3);
        QVERIFY(records.at(1).tooLong);
        QVERIFY(records.at(1).fields.isEmpty());
        QCOMPARE(records.at(2).fields, (QStringList { QStringLiteral("small"), QStringLiteral("2") }));
    }

    void recordsSpanChunkBoundaries()
    {
        // Fields and CRLF pairs cut at every place a 256 KiB chunk can end.
        QByteArray bytes = "name,note\r\n";
        int rows = 0;
        while (bytes.size() < 600 * 1024) {
            bytes += "\"row " + QByteArray::number(rows) + ", quoted\",\"a \"\"b\"\"\r\nc\"\r\n";
            ++rows;
        }
        const auto records = readAll(bytes);
        QCOMPARE(records.size(), rows + 1);
        for (int i = 1; i < records.size(); ++i) {
            QCOMPARE(records.at(i).fields.value(0), QStringLiteral("row %1, quoted").arg(i - 1));
            QCOMPARE(records.at(i).fields.value(1), QStringLiteral("a \"b\"\r\nc"));
            QCOMPARE(records.at(i).line, qint64(2 * i));
        }
    }

    void memoryStaysFlatWhateverTheFileSize()
    {
        // About 120 MB of records read through a device that holds none of them.
        GeneratedCsv device(1500000);
        device.open(QIODevice::ReadOnly);
        CsvReader reader(&device);
        CsvRecord record;
        const qint64 before = residentKilobytes();
        qint64 count = 0;
        qint64 peak = before;
        while (reader.next(record)) {
            if (++count % 100000 == 0)
                peak = std::max(peak, residentKilobytes());
        }
        QCOMPARE(count, qint64(1500000));
        QCOMPARE(record.line, qint64(2 * 1500000 - 1));
        QVERIFY2(peak - before < 16 * 1024, qPrintable(QStringLiteral("grew by %1 KiB").arg(peak - before)));
    }

    void writerOutputReadsBackUnchanged()
    {
        const QList<QStringList> rows = {
            { QStringLiteral("name"), QStringLiteral("note") },
            { QStringLiteral("Food Bank, Inc."), QStringLiteral("said \"hi\"\nand left") },
            { QStringLiteral(" padded "), QString() },
            { QStringLiteral("Café"), QStringLiteral("semi;colon") },
        };
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        {
            CsvWriter writer(&buffer);
            for (const QStringList& row : rows)
                writer.write(row);
        }
        const auto records = readAll(buffer.data());
        QCOMPARE(records.size(), rows.size());
        for (int i = 0; i < rows.size(); ++i)
            QCOMPARE(records.at(i).fields, rows.at(i));
    }

    void previewReadsTheHeaderAndFirstRows()
    {
        const auto preview
            = CsvReader::preview(QStringLiteral(HERALD_TEST_DATA_DIR "/nonprofits-semicolon-bom.csv"), 1);
        QVERIFY2(preview.ok(), qPrintable(preview.error().message));
        QCOMPARE(preview->delimiter, ';');
        QCOMPARE(preview->header,
            (QStringList {
                QStringLiteral("name"), QStringLiteral("email"), QStringLiteral("city"), QStringLiteral("tags") }));
        QCOMPARE(preview->rows.size(), 1);
        QCOMPARE(preview->rows.first().at(2), QStringLiteral("Paris; 5e"));
    }
};

QTEST_GUILESS_MAIN(TestCsvReader)
#include "TestCsvReader.moc"
