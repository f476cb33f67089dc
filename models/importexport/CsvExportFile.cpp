#include "CsvExportFile.h"

#include <QCoreApplication>

namespace herald {

CsvExportFile::CsvExportFile(const QString& path)
    : m_path(path)
    , m_file(path)
{
}

Status CsvExportFile::open(const QStringList& header)
{
    if (!m_file.open(QIODevice::WriteOnly))
        return Error::make(Error::Kind::Io, tr("Could not write %1: %2").arg(m_path, m_file.errorString()));
    m_writer = std::make_unique<CsvWriter>(&m_file);
    m_writer->write(header);
    return {};
}

Error CsvExportFile::cancel()
{
    m_writer.reset();
    m_file.cancelWriting();
    return Error::make(Error::Kind::Cancelled, tr("The export was cancelled; %1 was not written.").arg(m_path));
}

Status CsvExportFile::commit()
{
    const bool flushed = m_writer->flush();
    m_writer.reset();
    if (!flushed || !m_file.commit())
        return Error::make(Error::Kind::Io, tr("Could not write %1: %2").arg(m_path, m_file.errorString()));
    return {};
}

} // namespace herald
