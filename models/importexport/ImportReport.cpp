#include "ImportReport.h"

#include "CsvWriter.h"
#include "domain/PrintableText.h"

#include <QCoreApplication>
#include <QSaveFile>

namespace herald {

QString toString(ImportProblem problem)
{
    switch (problem) {
    case ImportProblem::BadEmail:
        return QStringLiteral("bad_email");
    case ImportProblem::MissingName:
        return QStringLiteral("missing_name");
    case ImportProblem::MissingKey:
        return QStringLiteral("missing_key");
    case ImportProblem::WrongColumnCount:
        return QStringLiteral("wrong_column_count");
    case ImportProblem::InvalidUtf8:
        return QStringLiteral("invalid_utf8");
    case ImportProblem::FieldTooLong:
        return QStringLiteral("field_too_long");
    case ImportProblem::InvalidValue:
        return QStringLiteral("invalid_value");
    case ImportProblem::UnterminatedQuote:
        return QStringLiteral("unterminated_quote");
    case ImportProblem::Duplicate:
        return QStringLiteral("duplicate");
    }
    return {};
}

QString label(ImportProblem problem)
{
    switch (problem) {
    case ImportProblem::BadEmail:
        return QCoreApplication::translate("ImportProblem", "Bad email address");
    case ImportProblem::MissingName:
        return QCoreApplication::translate("ImportProblem", "No name");
    case ImportProblem::MissingKey:
        return QCoreApplication::translate("ImportProblem", "No EIN");
    case ImportProblem::WrongColumnCount:
        return QCoreApplication::translate("ImportProblem", "Wrong number of columns");
    case ImportProblem::InvalidUtf8:
        return QCoreApplication::translate("ImportProblem", "Not UTF-8 text");
    case ImportProblem::FieldTooLong:
        return QCoreApplication::translate("ImportProblem", "Field too long");
    case ImportProblem::InvalidValue:
        return QCoreApplication::translate("ImportProblem", "Unreadable value");
    case ImportProblem::UnterminatedQuote:
        return QCoreApplication::translate("ImportProblem", "Quote never closed");
    case ImportProblem::Duplicate:
        return QCoreApplication::translate("ImportProblem", "Belongs to another row");
    }
    return {};
}

QString RejectedRow::shownMessage() const
{
    return PrintableText::escaped(message);
}

QString ImportReport::summary() const
{
    // Plain numbers: scripts read this line too.
    QString text = tr("%1 added, %2 updated, %3 skipped (unchanged), %4 rejected.")
                       .arg(added)
                       .arg(updated)
                       .arg(skipped)
                       .arg(rejected.size());
    if (markedUnmailable > 0)
        text += QLatin1Char(' ') + tr("%1 erased address(es) came back as unsubscribed.").arg(markedUnmailable);
    if (cancelled)
        text += QLatin1Char(' ')
            + tr("Cancelled: rows up to line %1 were stored, none after it.").arg(committedThroughLine);
    else if (failure)
        text += QLatin1Char(' ')
            + tr("Stopped: %1 Rows up to line %2 were stored, none after it.")
                  .arg(failure->message, QString::number(committedThroughLine));
    return text;
}

Status ImportReport::writeRejectedCsv(const QString& path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error::make(Error::Kind::Io, tr("Could not write %1: %2").arg(path, file.errorString()));
    {
        CsvWriter writer(&file);
        writer.write(
            { QStringLiteral("line"), QStringLiteral("problem"), QStringLiteral("field"), QStringLiteral("message") });
        for (const RejectedRow& row : rejected)
            writer.write({ QString::number(row.line), toString(row.problem), row.field, row.shownMessage() });
        if (!writer.flush())
            return Error::make(Error::Kind::Io, tr("Could not write %1: %2").arg(path, file.errorString()));
    }
    if (!file.commit())
        return Error::make(Error::Kind::Io, tr("Could not write %1: %2").arg(path, file.errorString()));
    return {};
}

} // namespace herald
