#include "CommandArguments.h"

#include "Output.h"
#include "domain/CurrentUser.h"

#include <QCoreApplication>

namespace herald::cli {

int CommandArguments::parse(QCommandLineParser& parser, const QStringList& arguments)
{
    parser.addHelpOption();
    if (!parser.parse(arguments)) {
        Output::error(parser.errorText());
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        Output::line(parser.helpText());
        return 0;
    }
    return Continue;
}

QCommandLineOption CommandArguments::profileOption()
{
    return { QStringLiteral("profile"),
        QCoreApplication::translate("CommandArguments", "Connection profile name (default: the active one)."),
        QCoreApplication::translate("CommandArguments", "name") };
}

QCommandLineOption CommandArguments::listJsonOption()
{
    return { QStringLiteral("json"),
        QCoreApplication::translate("CommandArguments", "list: print JSON instead of a table.") };
}

qint64 CommandArguments::idValue(const QString& text)
{
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    return ok && id > 0 ? id : 0;
}

QString CommandArguments::actor()
{
    return currentUserName(QStringLiteral("cli"));
}

} // namespace herald::cli
