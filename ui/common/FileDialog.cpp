#include "FileDialog.h"

#include <QFileDialog>

namespace herald {

QString FileDialog::s_nextFileName;

QString FileDialog::saveFileName(QWidget* parent, const QString& title, const QString& suggested, const QString& filter)
{
    if (!s_nextFileName.isEmpty())
        return std::exchange(s_nextFileName, QString());
    return QFileDialog::getSaveFileName(parent, title, suggested, filter);
}

QStringList FileDialog::openFileNames(QWidget* parent, const QString& title, const QString& folder, const QString& filter)
{
    if (!s_nextFileName.isEmpty())
        return {std::exchange(s_nextFileName, QString())};
    return QFileDialog::getOpenFileNames(parent, title, folder, filter);
}

void FileDialog::setNextFileName(const QString& path) { s_nextFileName = path; }

QStringList FileDialog::s_nextFileNames;

QStringList FileDialog::openFileNames(QWidget* parent, const QString& title, const QString& filter)
{
    if (!s_nextFileNames.isEmpty())
        return std::exchange(s_nextFileNames, QStringList());
    return QFileDialog::getOpenFileNames(parent, title, QString(), filter);
}

void FileDialog::setNextFileNames(const QStringList& paths) { s_nextFileNames = paths; }

} // namespace herald
