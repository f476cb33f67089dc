#include "Output.h"

#include <cstdio>

namespace herald::cli {

QTextStream& Output::out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream& Output::err()
{
    static QTextStream stream(stderr);
    return stream;
}

void Output::json(const QJsonDocument& document)
{
    out() << QString::fromUtf8(document.toJson(QJsonDocument::Indented));
    out().flush();
}

} // namespace herald::cli
