#include "CsvWriter.h"

#include "SpreadsheetCell.h"

#include <QIODevice>

namespace herald {

namespace {
constexpr qsizetype FlushBytes = 256 * 1024;
}

CsvWriter::CsvWriter(QIODevice* device, char delimiter)
    : m_device(device)
    , m_delimiter(delimiter)
{
}

CsvWriter::~CsvWriter()
{
    flush();
}

void CsvWriter::write(const QStringList& fields)
{
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            m_buffer.append(m_delimiter);
        const QByteArray bytes = SpreadsheetCell::neutralised(fields.at(i)).toUtf8();
        const bool quote = bytes.contains(m_delimiter) || bytes.contains('"') || bytes.contains('\n')
            || bytes.contains('\r') || bytes.startsWith(' ') || bytes.endsWith(' ');
        if (!quote) {
            m_buffer.append(bytes);
            continue;
        }
        m_buffer.append('"');
        for (const char c : bytes) {
            if (c == '"')
                m_buffer.append('"');
            m_buffer.append(c);
        }
        m_buffer.append('"');
    }
    m_buffer.append("\r\n");
    if (m_buffer.size() >= FlushBytes)
        flush();
}

bool CsvWriter::flush()
{
    if (!m_buffer.isEmpty() && !m_failed)
        m_failed = m_device->write(m_buffer) != m_buffer.size();
    m_buffer.resize(0);
    return !m_failed;
}

} // namespace herald
