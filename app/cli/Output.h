#pragma once

#include <QJsonDocument>
#include <QString>
#include <QTextStream>

namespace herald::cli {

// Standard output and error for sub-commands, UTF-8, one line at a time.
class Output
{
public:
    static QTextStream& out();
    static QTextStream& err();
    static void line(const QString& text) { out() << text << Qt::endl; }
    static void error(const QString& text) { err() << text << Qt::endl; }
    // Prints the error and gives the exit code of a command that failed (1).
    static int failed(const QString& text)
    {
        error(text);
        return 1;
    }
    // Prints the usage and gives the exit code of a command called wrongly (2).
    static int usageError(const QString& text)
    {
        error(text);
        return 2;
    }
    // Indented JSON on standard output.
    static void json(const QJsonDocument& document);
};

} // namespace herald::cli
