#pragma once

#include "domain/Error.h"

#include <QCoreApplication>
#include <QByteArray>
#include <QList>
#include <QStringList>

class QIODevice;

namespace herald {

// One record of a CSV file as read: its fields and where it starts, with what was wrong with its bytes.
struct CsvRecord
{
    QStringList fields;
    qint64 line = 0; // physical line (1-based) where the record starts
    bool invalidUtf8 = false; // a field is not valid UTF-8 (its text then holds replacement characters)
    bool unterminatedQuote = false; // a quoted field ran to the end of the file
    bool tooLong = false; // longer than the reader's limit: the fields were dropped
};

// The first lines of a file, for a column-mapping dialog.
struct CsvPreview
{
    QStringList header;
    QList<QStringList> rows;
    char delimiter = ',';
};

// Reads an RFC 4180 file record by record from a device, a chunk at a time, so memory stays flat whatever the
// file size: quoted fields with embedded delimiters, line breaks and doubled quotes; LF or CRLF line ends;
// UTF-8 with or without a byte order mark; ',' or ';' as delimiter, whichever the first line uses more.
// Blank lines are skipped. A cell that CsvWriter wrote behind a quote (SpreadsheetCell) is read without it.
class CsvReader
{
    Q_DECLARE_TR_FUNCTIONS(herald::CsvReader)
public:
    static constexpr qint64 DefaultMaxRecordBytes = 1 << 20;

    // `device` is open for reading and outlives the reader.
    explicit CsvReader(QIODevice* device, qint64 maxRecordBytes = DefaultMaxRecordBytes);

    // The next record; false at the end of the input or when the device fails (see errorString()).
    bool next(CsvRecord& record);
    char delimiter() const { return m_delimiter; }
    // Bytes of the input consumed so far (for progress).
    qint64 position() const { return m_bufferStart + m_pos; }
    bool hasError() const { return !m_errorString.isEmpty(); }
    QString errorString() const { return m_errorString; }

    static Result<CsvPreview> preview(const QString& path, int maxRows);

private:
    enum class State { FieldStart, Unquoted, Quoted, QuoteInQuoted };

    bool fill();
    void detectDelimiter();
    void appendToField(const char* data, qsizetype size);
    void endField();
    bool endRecord(CsvRecord& record);

    QIODevice* m_device;
    qint64 m_maxRecordBytes;
    QByteArray m_buffer;
    qsizetype m_pos = 0;
    qint64 m_bufferStart = 0;
    bool m_atEnd = false;
    bool m_started = false;
    char m_delimiter = ',';
    QString m_errorString;

    State m_state = State::FieldStart;
    bool m_pendingCr = false; // a CR outside quotes, that ends the line if a LF follows
    bool m_quotedSeen = false; // the record has a quoted field (so a line holding only "" is a record)
    QByteArray m_record; // the bytes of the record's fields, one after the other
    QList<qsizetype> m_fieldEnds; // where each finished field ends in m_record
    qint64 m_recordBytes = 0;
    qint64 m_line = 1;
    qint64 m_recordLine = 1;
};

} // namespace herald
