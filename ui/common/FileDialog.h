#pragma once

#include <QString>
#include <QStringList>

class QWidget;

namespace herald {

// File pickers the GUI shows go through here, so a test can give the answer in advance (setNextFileName)
// instead of hanging on a dialog nobody will fill in.
class FileDialog
{
public:
    // The file to save to, or empty when the user cancelled.
    static QString saveFileName(QWidget* parent, const QString& title, const QString& suggested, const QString& filter);
    // The files to open, or none when the user cancelled.
    static QStringList openFileNames(QWidget* parent, const QString& title, const QString& folder, const QString& filter);
    // The next saveFileName or openFileNames returns this without showing anything (tests); empty clears it.
    static void setNextFileName(const QString& path);
    // Existing files to open, or none when the user cancelled.
    static QStringList openFileNames(QWidget* parent, const QString& title, const QString& filter);
    // The next openFileNames returns these without showing anything (tests); empty clears it.
    static void setNextFileNames(const QStringList& paths);

private:
    static QString s_nextFileName;
    static QStringList s_nextFileNames;
};

} // namespace herald
