#pragma once

#include <QByteArray>
#include <QStringList>

class QIODevice;

namespace herald {

// Writes RFC 4180 records in UTF-8 with CRLF line ends: a field is quoted when it holds the delimiter, a quote
// or a line break, or starts or ends with a space. A cell a spreadsheet would evaluate as a formula is written
// behind a quote (SpreadsheetCell), whatever the file is for. Buffers a chunk at a time.
class CsvWriter
{
public:
    explicit CsvWriter(QIODevice* device, char delimiter = ',');
    ~CsvWriter();
    CsvWriter(const CsvWriter&) = delete;
    CsvWriter& operator=(const CsvWriter&) = delete;

    void write(const QStringList& fields);
    // Writes what is buffered; false when the device failed.
    bool flush();

private:
    QIODevice* m_device;
    char m_delimiter;
    QByteArray m_buffer;
    bool m_failed = false;
};

} // namespace herald
