#include "Audience.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace herald {

QString Audience::toJson() const
{
    QJsonObject object;
    if (anyOfTags.isEmpty() && region.isEmpty())
        object.insert(QStringLiteral("all"), true);
    if (!anyOfTags.isEmpty())
        object.insert(QStringLiteral("tags"), QJsonArray::fromStringList(anyOfTags));
    if (!region.isEmpty())
        object.insert(QStringLiteral("region"), region);
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

Audience Audience::fromJson(const QString& json)
{
    const QJsonObject object = QJsonDocument::fromJson(json.toUtf8()).object();
    Audience audience;
    for (const QJsonValue& tag : object.value(QStringLiteral("tags")).toArray())
        audience.anyOfTags << tag.toString();
    audience.region = object.value(QStringLiteral("region")).toString();
    return audience;
}

QString Audience::describe() const
{
    QString text = anyOfTags.isEmpty() ? QCoreApplication::translate("Audience", "All active nonprofits")
                                       : QCoreApplication::translate("Audience", "Active nonprofits tagged %1")
                                             .arg(anyOfTags.join(QStringLiteral(" or ")));
    if (!region.isEmpty())
        text += QCoreApplication::translate("Audience", " in %1").arg(region);
    return text;
}

} // namespace herald
