#include "CsvReader.h"

#include "SpreadsheetCell.h"

#include <QCoreApplication>
#include <QFile>

namespace herald {

namespace {
constexpr qint64 ChunkBytes = 256 * 1024;

// Strict UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF.
bool isValidUtf8(const QByteArray& bytes)
{
    const auto* data = reinterpret_cast<const unsigned char*>(bytes.constData());
    const qsizetype size = bytes.size();
    qsizetype i = 0;
    while (i < size) {
        const unsigned char lead = data[i];
        if (lead < 0x80) {
            ++i;
            continue;
        }
        int length = 0;
        unsigned char low = 0x80;
        unsigned char high = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            if (lead == 0xE0)
                low = 0xA0;
            else if (lead == 0xED)
                high = 0x9F;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            if (lead == 0xF0)
                low = 0x90;
            else if (lead == 0xF4)
                high = 0x8F;
        } else {
            return false;
        }
        if (i + length > size)
            return false;
        if (data[i + 1] < low || data[i + 1] > high)
            return false;
        for (int k = 2; k < length; ++k) {
            if (data[i + k] < 0x80 || data[i + k] > 0xBF)
                return false;
        }
        i += length;
    }
    return true;
}
} // namespace

CsvReader::CsvReader(QIODevice* device, qint64 maxRecordBytes)
    : m_device(device)
    , m_maxRecordBytes(maxRecordBytes)
{
}

bool CsvReader::fill()
{
    if (m_atEnd)
        return false;
    // Keep what is left of the buffer (at most the start of the first line while detecting the delimiter).
    m_bufferStart += m_pos;
    m_buffer.remove(0, m_pos);
    m_pos = 0;
    const qsizetype kept = m_buffer.size();
    m_buffer.resize(kept + ChunkBytes);
    const qint64 read = m_device->read(m_buffer.data() + kept, ChunkBytes);
    if (read < 0) {
        m_errorString = tr("Could not read the file: %1").arg(m_device->errorString());
        m_buffer.resize(kept);
        m_atEnd = true;
        return false;
    }
    m_buffer.resize(kept + read);
    if (read == 0)
        m_atEnd = true;
    return read > 0;
}

void CsvReader::detectDelimiter()
{
    // Look at the first line only (quotes respected); read more until it is complete or too long.
    qsizetype scanned = 0; // from m_pos, which fill() moves to the start of the buffer
    bool quoted = false;
    int commas = 0;
    int semicolons = 0;
    while (true) {
        for (; m_pos + scanned < m_buffer.size(); ++scanned) {
            const char c = m_buffer.at(m_pos + scanned);
            if (c == '"')
                quoted = !quoted;
            else if (!quoted && c == ',')
                ++commas;
            else if (!quoted && c == ';')
                ++semicolons;
            else if (!quoted && c == '\n')
                break;
        }
        if (m_pos + scanned < m_buffer.size() || scanned > m_maxRecordBytes || !fill())
            break;
    }
    m_delimiter = semicolons > commas ? ';' : ',';
}

void CsvReader::appendToField(const char* data, qsizetype size)
{
    m_recordBytes += size;
    if (m_recordBytes <= m_maxRecordBytes)
        m_record.append(data, size);
}

void CsvReader::endField()
{
    m_fieldEnds.append(m_record.size());
}

bool CsvReader::endRecord(CsvRecord& record)
{
    const bool blank = m_fieldEnds.size() == 1 && m_record.isEmpty() && !m_quotedSeen;
    record.fields.clear();
    record.line = m_recordLine;
    record.tooLong = m_recordBytes > m_maxRecordBytes;
    record.invalidUtf8 = false;
    record.unterminatedQuote = false;
    if (!record.tooLong) {
        // Delimiters are ASCII, so no character spans two fields: the record is checked at once.
        record.invalidUtf8 = !isValidUtf8(m_record);
        record.fields.reserve(m_fieldEnds.size());
        qsizetype start = 0;
        for (const qsizetype end : std::as_const(m_fieldEnds)) {
            // A cell Herald wrote behind a quote (it looked like a formula) reads as it was.
            record.fields.append(SpreadsheetCell::restored(QString::fromUtf8(m_record.constData() + start, end - start)));
            start = end;
        }
    }
    m_record.resize(0); // keeps the allocation for the next record
    m_fieldEnds.clear();
    m_recordBytes = 0;
    m_quotedSeen = false;
    m_state = State::FieldStart;
    m_recordLine = m_line;
    return !blank || record.tooLong;
}

bool CsvReader::next(CsvRecord& record)
{
    if (!m_started) {
        m_started = true;
        fill();
        if (m_buffer.startsWith("\xEF\xBB\xBF"))
            m_pos = 3;
        detectDelimiter();
    }
    const char delimiter = m_delimiter;
    while (true) {
        if (m_pos >= m_buffer.size() && !fill()) {
            // End of input: finish the record in progress, if any.
            if (hasError())
                return false;
            m_pendingCr = false; // a CR at the very end ends the last line
            if (m_state == State::FieldStart && m_fieldEnds.isEmpty() && m_recordBytes == 0)
                return false;
            const bool unterminated = m_state == State::Quoted;
            endField();
            if (endRecord(record)) {
                record.unterminatedQuote = unterminated;
                return true;
            }
            return false;
        }
        const char* data = m_buffer.constData();
        const qsizetype size = m_buffer.size();
        while (m_pos < size) {
            const char c = data[m_pos];
            if (m_pendingCr) {
                m_pendingCr = false;
                if (c == '\n') {
                    ++m_pos;
                    ++m_line;
                    endField();
                    if (endRecord(record))
                        return true;
                    continue;
                }
                appendToField("\r", 1); // a lone CR is data
            }
            switch (m_state) {
            case State::FieldStart:
                if (c == '"') {
                    m_state = State::Quoted;
                    m_quotedSeen = true;
                    ++m_pos;
                    continue;
                }
                m_state = State::Unquoted;
                [[fallthrough]];
            case State::Unquoted: {
                // Copy the run of ordinary bytes at once.
                qsizetype end = m_pos;
                while (end < size && data[end] != delimiter && data[end] != '\n' && data[end] != '\r')
                    ++end;
                appendToField(data + m_pos, end - m_pos);
                m_pos = end;
                if (m_pos >= size)
                    continue;
                const char stop = data[m_pos++];
                if (stop == delimiter) {
                    endField();
                    m_state = State::FieldStart;
                } else if (stop == '\r') {
                    m_pendingCr = true;
                } else {
                    ++m_line;
                    endField();
                    if (endRecord(record))
                        return true;
                }
                continue;
            }
            case State::Quoted: {
                qsizetype end = m_pos;
                while (end < size && data[end] != '"') {
                    if (data[end] == '\n')
                        ++m_line;
                    ++end;
                }
                appendToField(data + m_pos, end - m_pos);
                m_pos = end;
                if (m_pos < size) {
                    ++m_pos;
                    m_state = State::QuoteInQuoted;
                }
                continue;
            }
            case State::QuoteInQuoted:
                ++m_pos;
                if (c == '"') {
                    appendToField("\"", 1);
                    m_state = State::Quoted;
                } else if (c == delimiter) {
                    endField();
                    m_state = State::FieldStart;
                } else if (c == '\r') {
                    m_state = State::Unquoted;
                    m_pendingCr = true;
                } else if (c == '\n') {
                    ++m_line;
                    endField();
                    if (endRecord(record))
                        return true;
                } else {
                    // Text after a closing quote ("ab"c): kept, as most spreadsheets do.
                    appendToField(&c, 1);
                    m_state = State::Unquoted;
                }
                continue;
            }
        }
    }
}

Result<CsvPreview> CsvReader::preview(const QString& path, int maxRows)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(Error::Kind::Io, tr("Could not open %1: %2").arg(path, file.errorString()));
    CsvReader reader(&file);
    CsvPreview preview;
    CsvRecord record;
    if (!reader.next(record)) {
        if (reader.hasError())
            return Error::make(Error::Kind::Io, reader.errorString());
        return Error::make(Error::Kind::Validation, tr("%1 is empty.").arg(path));
    }
    preview.header = record.fields;
    while (preview.rows.size() < maxRows && reader.next(record))
        preview.rows.append(record.fields);
    preview.delimiter = reader.delimiter();
    return preview;
}

} // namespace herald
