#pragma once

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
};

} // namespace herald::cli
