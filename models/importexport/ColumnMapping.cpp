#include "ColumnMapping.h"

#include <QCoreApplication>
#include <QHash>

namespace herald {

namespace {
// Header names reduced to lower-case letters and digits.
QString simplified(const QString& name)
{
    QString out;
    for (const QChar c : name) {
        if (c.isLetterOrNumber())
            out += c.toLower();
    }
    return out;
}

const QHash<QString, NonprofitField>& knownNames()
{
    static const QHash<QString, NonprofitField> names = {
        { QStringLiteral("name"), NonprofitField::Name },
        { QStringLiteral("organization"), NonprofitField::Name },
        { QStringLiteral("organisation"), NonprofitField::Name },
        { QStringLiteral("organizationname"), NonprofitField::Name },
        { QStringLiteral("organisationname"), NonprofitField::Name },
        { QStringLiteral("orgname"), NonprofitField::Name },
        { QStringLiteral("nonprofit"), NonprofitField::Name },
        { QStringLiteral("email"), NonprofitField::Email },
        { QStringLiteral("emailaddress"), NonprofitField::Email },
        { QStringLiteral("mail"), NonprofitField::Email },
        { QStringLiteral("ein"), NonprofitField::Ein },
        { QStringLiteral("taxid"), NonprofitField::Ein },
        { QStringLiteral("street"), NonprofitField::Street },
        { QStringLiteral("address"), NonprofitField::Street },
        { QStringLiteral("address1"), NonprofitField::Street },
        { QStringLiteral("streetaddress"), NonprofitField::Street },
        { QStringLiteral("city"), NonprofitField::City },
        { QStringLiteral("town"), NonprofitField::City },
        { QStringLiteral("state"), NonprofitField::Region },
        { QStringLiteral("region"), NonprofitField::Region },
        { QStringLiteral("province"), NonprofitField::Region },
        { QStringLiteral("zip"), NonprofitField::PostalCode },
        { QStringLiteral("zipcode"), NonprofitField::PostalCode },
        { QStringLiteral("postalcode"), NonprofitField::PostalCode },
        { QStringLiteral("postcode"), NonprofitField::PostalCode },
        { QStringLiteral("country"), NonprofitField::Country },
        { QStringLiteral("tags"), NonprofitField::Tags },
        { QStringLiteral("tag"), NonprofitField::Tags },
        { QStringLiteral("status"), NonprofitField::Status },
        { QStringLiteral("consent"), NonprofitField::Consent },
    };
    return names;
}
} // namespace

ColumnMapping::ColumnMapping(QStringList header)
    : m_header(std::move(header))
    , m_fields(m_header.size(), NonprofitField::Ignore)
{
}

ColumnMapping ColumnMapping::guess(const QStringList& header)
{
    // The IRS Business Master File has a STATUS column of its own (exemption codes such as "01"), which is not
    // whether Herald may mail the organisation.
    QStringList names;
    for (const QString& name : header)
        names << simplified(name);
    const bool irsExtract = names.contains(QLatin1String("subsection")) && names.contains(QLatin1String("nteecd"));

    ColumnMapping mapping(header);
    for (int column = 0; column < mapping.columnCount(); ++column) {
        const NonprofitField field = knownNames().value(names.at(column), NonprofitField::Ignore);
        if (field == NonprofitField::Ignore || mapping.has(field) || (irsExtract && field == NonprofitField::Status))
            continue;
        mapping.m_fields[column] = field; // the first column with a known name wins
    }
    return mapping;
}

void ColumnMapping::set(int column, NonprofitField field)
{
    if (column < 0 || column >= m_fields.size())
        return;
    if (field != NonprofitField::Ignore) {
        for (NonprofitField& existing : m_fields) {
            if (existing == field)
                existing = NonprofitField::Ignore;
        }
    }
    m_fields[column] = field;
}

NonprofitField ColumnMapping::fieldAt(int column) const
{
    return m_fields.value(column, NonprofitField::Ignore);
}

int ColumnMapping::columnOf(NonprofitField field) const
{
    return field == NonprofitField::Ignore ? -1 : int(m_fields.indexOf(field));
}

QList<NonprofitField> ColumnMapping::allFields()
{
    return { NonprofitField::Name, NonprofitField::Email, NonprofitField::Ein, NonprofitField::Street,
        NonprofitField::City, NonprofitField::Region, NonprofitField::PostalCode, NonprofitField::Country,
        NonprofitField::Tags, NonprofitField::Status, NonprofitField::Consent };
}

QString ColumnMapping::key(NonprofitField field)
{
    switch (field) {
    case NonprofitField::Ignore:
        return {};
    case NonprofitField::Name:
        return QStringLiteral("name");
    case NonprofitField::Email:
        return QStringLiteral("email");
    case NonprofitField::Ein:
        return QStringLiteral("ein");
    case NonprofitField::Street:
        return QStringLiteral("street");
    case NonprofitField::City:
        return QStringLiteral("city");
    case NonprofitField::Region:
        return QStringLiteral("region");
    case NonprofitField::PostalCode:
        return QStringLiteral("postal_code");
    case NonprofitField::Country:
        return QStringLiteral("country");
    case NonprofitField::Tags:
        return QStringLiteral("tags");
    case NonprofitField::Status:
        return QStringLiteral("status");
    case NonprofitField::Consent:
        return QStringLiteral("consent");
    }
    return {};
}

QString ColumnMapping::label(NonprofitField field)
{
    const char* text = QT_TRANSLATE_NOOP("ColumnMapping", "Ignore");
    switch (field) {
    case NonprofitField::Ignore:
        break;
    case NonprofitField::Name:
        text = QT_TRANSLATE_NOOP("ColumnMapping", "Name");
        break;
    case NonprofitField::Email:
        text = QT_TRANSLATE_NOOP("ColumnMapping", "Email");
        break;
    case NonprofitField::Ein:
        text = QT_TRANSLATE_NOOP("ColumnMapping", "EIN");
        break;
    case NonprofitField::Street:
        text = QT_TRANSLATE_NOOP("ColumnMapping", "Street");
        break;
    case NonprofitField::City:
        text = QT_TRANSLATE_NOOP("ColumnMapping", "City");
        break;
    case NonprofitField::Region:
        text = QT_TRANSLATE_NOOP("ColumnMapping", "State/region");
        break;
    case NonprofitField::PostalCode:
        text = QT_TRANSLATE_NOOP("ColumnMapping", "Postal code");
        break;
    case NonprofitField::Country:
        text = QT_TRANSLATE_NOOP("ColumnMapping", "Country");
        break;
    case NonprofitField::Tags:
        text = QT_TRANSLATE_NOOP("ColumnMapping", "Tags");
        break;
    case NonprofitField::Status:
        text = QT_TRANSLATE_NOOP("ColumnMapping", "Status");
        break;
    case NonprofitField::Consent:
        text = QT_TRANSLATE_NOOP("ColumnMapping", "Consent");
        break;
    }
    return QCoreApplication::translate("ColumnMapping", text);
}

} // namespace herald
