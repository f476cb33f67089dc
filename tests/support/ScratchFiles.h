#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QTemporaryDir>

namespace herald::test {

// Files a test writes (CSV inputs, exports, reports) in a temporary folder that goes away with it.
class ScratchFiles
{
public:
    QString path(const QString& name) const { return m_dir.filePath(name); }

    // Writes `bytes` to the file `name` and returns its path.
    QString write(const QString& name, const QByteArray& bytes) const
    {
        const QString file = path(name);
        QFile out(file);
        if (out.open(QIODevice::WriteOnly))
            out.write(bytes);
        return file;
    }

private:
    QTemporaryDir m_dir;
};

} // namespace herald::test
