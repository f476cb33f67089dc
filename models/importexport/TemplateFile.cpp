#include "TemplateFile.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace herald {

namespace {
const QString Format = QStringLiteral("herald-template");
const QString FormatKey = QStringLiteral("format");
const QString NameKey = QStringLiteral("name");
const QString SubjectKey = QStringLiteral("subject");
const QString HtmlKey = QStringLiteral("html_body");
const QString TextKey = QStringLiteral("text_body");
const QString LanguageKey = QStringLiteral("language");
} // namespace

Status TemplateFile::write(const Template& messageTemplate, const QString& path)
{
    const QJsonObject object{{FormatKey, Format},
                             {NameKey, messageTemplate.name},
                             {SubjectKey, messageTemplate.subject},
                             {HtmlKey, messageTemplate.htmlBody},
                             {TextKey, messageTemplate.textBody},
                             {LanguageKey, messageTemplate.language}};
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(object).toJson(QJsonDocument::Indented)) < 0
        || !file.commit())
        return Error::make(Error::Kind::Io, tr("Could not write %1: %2").arg(path, file.errorString()));
    return {};
}

Result<Template> TemplateFile::read(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(Error::Kind::Io, tr("Could not read %1: %2").arg(path, file.errorString()));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error::make(Error::Kind::Io, tr("%1 is not JSON (at byte %2: %3).")
                                                .arg(path)
                                                .arg(parseError.offset)
                                                .arg(parseError.errorString()));
    const QJsonObject object = document.object();
    if (!document.isObject() || object.value(FormatKey).toString() != Format)
        return Error::make(Error::Kind::Io,
                           tr("%1 is not a Herald template: 'herald template export' writes them.").arg(path));
    for (const QString& key : {NameKey, SubjectKey, HtmlKey, TextKey, LanguageKey}) {
        if (object.contains(key) && !object.value(key).isString())
            return Error::validation(key, tr("In %1, '%2' must be text.").arg(path, key));
    }
    Template messageTemplate;
    messageTemplate.name = object.value(NameKey).toString();
    messageTemplate.subject = object.value(SubjectKey).toString();
    messageTemplate.htmlBody = object.value(HtmlKey).toString();
    messageTemplate.textBody = object.value(TextKey).toString();
    messageTemplate.language = object.value(LanguageKey).toString(); // absent in files of earlier Heralds
    return messageTemplate;
}

} // namespace herald
