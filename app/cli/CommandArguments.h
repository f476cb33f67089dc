#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QStringList>

namespace herald::cli {

// What the sub-commands share when reading their arguments.
class CommandArguments
{
public:
    static constexpr int Continue = -1;

    // Parses; a mistake is printed and gives exit code 2, --help prints the help and gives 0, otherwise Continue.
    static int parse(QCommandLineParser& parser, const QStringList& arguments);
    static QCommandLineOption profileOption();
    // --json of `list` actions.
    static QCommandLineOption listJsonOption();
    // Who runs the command, for the audit log: the login name.
    static QString actor();
    // An id given on the command line; 0 when the text is not a positive number.
    static qint64 idValue(const QString& text);
};

} // namespace herald::cli
