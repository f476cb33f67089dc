#include "NonprofitRowParser.h"

#include "domain/NonprofitValidator.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace herald {

namespace {
RejectedRow rejection(const CsvRecord& record, ImportProblem problem, const QString& field, const QString& message)
{
    return { record.line, problem, field, message };
}

// Which kind of problem the validator's first complaint is.
ImportProblem problemOf(const Error& error, const Nonprofit& nonprofit)
{
    if (error.field == QLatin1String("email"))
        return ImportProblem::BadEmail;
    if (error.field == QLatin1String("name"))
        return nonprofit.name.isEmpty() ? ImportProblem::MissingName : ImportProblem::FieldTooLong;
    if (error.field == QLatin1String("ein"))
        return ImportProblem::InvalidValue;
    if (error.field == QLatin1String("tags")) {
        for (const QString& tag : nonprofit.tags) {
            if (tag.size() > 64)
                return ImportProblem::FieldTooLong;
        }
        return ImportProblem::InvalidValue;
    }
    return ImportProblem::FieldTooLong;
}
} // namespace

NonprofitRowParser::NonprofitRowParser(ColumnMapping mapping, NonprofitImportOptions options)
    : m_mapping(std::move(mapping))
    , m_options(std::move(options))
{
    for (const NonprofitField field : ColumnMapping::allFields())
        m_columns[int(field)] = m_mapping.columnOf(field);
    m_columns[int(NonprofitField::Ignore)] = -1;
}

Status NonprofitRowParser::checkMapping() const
{
    if (!m_mapping.has(NonprofitField::Name))
        return Error::validation(QStringLiteral("name"), tr("No column is mapped to the name."));
    const bool emailFromEin = !m_options.emailDomainForEin.isEmpty() && m_mapping.has(NonprofitField::Ein);
    if (!m_mapping.has(NonprofitField::Email) && !emailFromEin)
        return Error::validation(QStringLiteral("email"), tr("No column is mapped to the email address."));
    if (m_options.key == ImportKey::Ein && !m_mapping.has(NonprofitField::Ein))
        return Error::validation(
            QStringLiteral("ein"), tr("Rows are matched by EIN, but no column is mapped to the EIN."));
    return {};
}

QString NonprofitRowParser::value(const CsvRecord& record, NonprofitField field) const
{
    const int column = m_columns[int(field)];
    return column < 0 ? QString() : record.fields.at(column).trimmed();
}

bool NonprofitRowParser::parse(const CsvRecord& record, ImportRow& row, RejectedRow& rejected) const
{
    if (record.tooLong) {
        rejected = rejection(record, ImportProblem::FieldTooLong, {},
            tr("The record is longer than %1 MiB.").arg(CsvReader::DefaultMaxRecordBytes >> 20));
        return false;
    }
    if (record.unterminatedQuote) {
        rejected = rejection(record, ImportProblem::UnterminatedQuote, {},
            tr("A quoted field starts here and is never closed; the rest of the file was read into it."));
        return false;
    }
    if (record.invalidUtf8) {
        rejected = rejection(
            record, ImportProblem::InvalidUtf8, {}, tr("The row is not valid UTF-8 text (save the file as UTF-8)."));
        return false;
    }
    if (record.fields.size() != m_mapping.columnCount()) {
        rejected = rejection(record, ImportProblem::WrongColumnCount, {},
            tr("The row has %1 columns; the header has %2.").arg(record.fields.size()).arg(m_mapping.columnCount()));
        return false;
    }

    Nonprofit& nonprofit = row.nonprofit;
    nonprofit = Nonprofit();
    row.line = record.line;
    nonprofit.name = value(record, NonprofitField::Name);
    nonprofit.email = value(record, NonprofitField::Email);
    nonprofit.ein = value(record, NonprofitField::Ein);
    nonprofit.street = value(record, NonprofitField::Street);
    nonprofit.city = value(record, NonprofitField::City);
    nonprofit.region = value(record, NonprofitField::Region);
    nonprofit.postalCode = value(record, NonprofitField::PostalCode);
    if (m_mapping.has(NonprofitField::Country))
        nonprofit.country = value(record, NonprofitField::Country);
    static const QRegularExpression tagSeparator(QStringLiteral("[;|]"));
    nonprofit.tags = value(record, NonprofitField::Tags).split(tagSeparator, Qt::SkipEmptyParts);
    const QString status = value(record, NonprofitField::Status).toLower();
    if (!status.isEmpty() && !fromString(status, &nonprofit.status)) {
        rejected = rejection(record, ImportProblem::InvalidValue, QStringLiteral("status"),
            tr("Status '%1' is not one of active, unsubscribed, bounced, complained.").arg(status));
        return false;
    }
    const QString consent = value(record, NonprofitField::Consent);
    if (!consent.isEmpty())
        nonprofit.consent = consent;
    nonprofit.normalize();
    if (nonprofit.email.isEmpty() && !m_options.emailDomainForEin.isEmpty() && !nonprofit.ein.isEmpty())
        nonprofit.email = nonprofit.ein + QLatin1Char('@') + m_options.emailDomainForEin;
    if (m_options.key == ImportKey::Ein && nonprofit.ein.isEmpty()) {
        rejected = rejection(record, ImportProblem::MissingKey, QStringLiteral("ein"),
            tr("Rows are matched by EIN and this row has none."));
        return false;
    }
    if (const Status valid = NonprofitValidator::validate(nonprofit); !valid) {
        rejected = rejection(record, problemOf(valid.error(), nonprofit), valid.error().field, valid.error().message);
        return false;
    }
    return true;
}

} // namespace herald
