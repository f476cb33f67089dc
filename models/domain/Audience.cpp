#include "Audience.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace herald {

bool Audience::isEverything() const
{
    return anyOfTags.isEmpty() && region.isEmpty() && !status && searchText.trimmed().isEmpty();
}

QString Audience::toJson() const
{
    QJsonObject object;
    if (isEverything())
        object.insert(QStringLiteral("all"), true);
    if (!anyOfTags.isEmpty())
        object.insert(QStringLiteral("tags"), QJsonArray::fromStringList(anyOfTags));
    if (!region.isEmpty())
        object.insert(QStringLiteral("region"), region);
    if (status)
        object.insert(QStringLiteral("status"), toString(*status));
    if (!searchText.trimmed().isEmpty())
        object.insert(QStringLiteral("text"), searchText.trimmed());
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

Audience Audience::fromJson(const QString& json)
{
    const QJsonObject object = QJsonDocument::fromJson(json.toUtf8()).object();
    Audience audience;
    for (const QJsonValue& tag : object.value(QStringLiteral("tags")).toArray())
        audience.anyOfTags << tag.toString();
    audience.region = object.value(QStringLiteral("region")).toString();
    NonprofitStatus status = NonprofitStatus::Active;
    if (fromString(object.value(QStringLiteral("status")).toString(), &status))
        audience.status = status;
    audience.searchText = object.value(QStringLiteral("text")).toString();
    return audience;
}

QString Audience::describe() const
{
    const bool otherStatus = status && *status != NonprofitStatus::Active;
    QString text = otherStatus ? tr("Nonprofits with status %1").arg(toString(*status))
        : anyOfTags.isEmpty()  ? tr("All active nonprofits")
                               : tr("Active nonprofits");
    if (!anyOfTags.isEmpty())
        text += tr(" tagged %1").arg(anyOfTags.join(QStringLiteral(" or ")));
    if (!region.isEmpty())
        text += tr(" in %1").arg(region);
    if (!searchText.trimmed().isEmpty())
        text += tr(" matching '%1'").arg(searchText.trimmed());
    return text;
}

bool Audience::operator==(const Audience& other) const
{
    return anyOfTags == other.anyOfTags && region == other.region && status == other.status
        && searchText == other.searchText;
}

} // namespace herald
