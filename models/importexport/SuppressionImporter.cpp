#include "SuppressionImporter.h"

#include "CsvBatchRunner.h"
#include "domain/AnonymisedEmail.h"
#include "domain/EmailAddress.h"
#include "domain/Suppression.h"
#include "storage/BoundQuery.h"
#include "storage/JsonRows.h"
#include "storage/SqlDialect.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

namespace herald {

namespace {
// Where each column of the list is; -1 when the file has none.
struct SuppressionColumns
{
    int email = -1;
    int reason = -1;
    int date = -1;
    int source = -1;

    static SuppressionColumns of(const QStringList& header)
    {
        SuppressionColumns columns;
        for (int i = 0; i < header.size(); ++i) {
            QString name = header.at(i).trimmed().toLower();
            name.remove(QLatin1Char('_')).remove(QLatin1Char(' ')).remove(QLatin1Char('-'));
            int* slot = nullptr;
            if (name == QLatin1String("email") || name == QLatin1String("emailaddress")
                || name == QLatin1String("address"))
                slot = &columns.email;
            else if (name == QLatin1String("reason"))
                slot = &columns.reason;
            else if (name == QLatin1String("date") || name == QLatin1String("createdat")
                || name == QLatin1String("suppressedat"))
                slot = &columns.date;
            else if (name == QLatin1String("source"))
                slot = &columns.source;
            if (slot && *slot < 0)
                *slot = i;
        }
        return columns;
    }
};

bool parseReason(const QString& text, SuppressionReason* reason)
{
    const QString key = text.trimmed().toLower().replace(QLatin1Char(' '), QLatin1Char('_'));
    if (key.isEmpty()) {
        *reason = SuppressionReason::Manual;
        return true;
    }
    if (key == QLatin1String("bounce") || key == QLatin1String("bounced")) {
        *reason = SuppressionReason::HardBounce;
        return true;
    }
    if (key == QLatin1String("complained") || key == QLatin1String("spam")) {
        *reason = SuppressionReason::Complaint;
        return true;
    }
    if (key == QLatin1String("unsubscribe")) {
        *reason = SuppressionReason::Unsubscribed;
        return true;
    }
    return fromString(key, reason);
}

QDateTime parseDate(const QString& text)
{
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        time = QDateTime(QDate::fromString(text, Qt::ISODate), QTime(0, 0), Qt::UTC);
    return time;
}

// The addresses of one batch, added with one statement.
class SuppressionBatch : public CsvBatchRunner::Batch
{
    Q_DECLARE_TR_FUNCTIONS(herald::SuppressionBatch)
public:
    SuppressionBatch(Database& database, const SuppressionColumns& columns, int columnCount)
        : m_database(database)
        , m_dialect(database.backend())
        , m_columns(columns)
        , m_columnCount(columnCount)
    {
    }

    bool take(const CsvRecord& record) override
    {
        const auto reject = [&](ImportProblem problem, const QString& field, const QString& message) {
            m_rejected.append({ record.line, problem, field, message });
            return true;
        };
        if (record.tooLong || record.unterminatedQuote || record.invalidUtf8 || record.fields.size() != m_columnCount) {
            return reject(record.invalidUtf8   ? ImportProblem::InvalidUtf8
                    : record.unterminatedQuote ? ImportProblem::UnterminatedQuote
                    : record.tooLong           ? ImportProblem::FieldTooLong
                                               : ImportProblem::WrongColumnCount,
                {}, tr("The row cannot be read as %1 columns of UTF-8 text.").arg(m_columnCount));
        }
        const QString email = EmailAddress::normalized(record.fields.at(m_columns.email));
        const QString problem = AnonymisedEmail::isAnonymised(email) ? QString() : EmailAddress::problem(email);
        if (!problem.isEmpty())
            return reject(ImportProblem::BadEmail, QStringLiteral("email"), tr("Email '%1' %2.").arg(email, problem));
        SuppressionReason reason = SuppressionReason::Manual;
        const QString reasonText = m_columns.reason < 0 ? QString() : record.fields.at(m_columns.reason);
        if (!parseReason(reasonText, &reason))
            return reject(ImportProblem::InvalidValue, QStringLiteral("reason"),
                tr("Reason '%1' is not one of unsubscribed, hard_bounce, complaint, manual.").arg(reasonText));
        const QString dateText = m_columns.date < 0 ? QString() : record.fields.at(m_columns.date).trimmed();
        const QDateTime date = dateText.isEmpty() ? QDateTime() : parseDate(dateText);
        if (!dateText.isEmpty() && !date.isValid())
            return reject(ImportProblem::InvalidValue, QStringLiteral("date"),
                tr("Date '%1' is not an ISO 8601 date (like 2026-03-01T12:00:00Z).").arg(dateText));
        if (m_emails.contains(email)) {
            ++m_repeated; // the same address twice in the file: its first row counts
            return true;
        }
        m_emails.insert(email);
        QJsonObject row { { QStringLiteral("email"), email }, { QStringLiteral("reason"), toString(reason) },
            { QStringLiteral("source"), m_columns.source < 0 ? QString() : record.fields.at(m_columns.source) } };
        // ISO text with milliseconds in UTC: SQLite's stored form, and a timestamptz PostgreSQL reads.
        row.insert(QStringLiteral("created_at"),
            date.isValid() ? QJsonValue(date.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ")))
                           : QJsonValue());
        m_rows << row;
        return true;
    }

    bool commit(ImportReport& report) override
    {
        qint64 added = 0;
        if (!m_rows.isEmpty()) {
            auto db = m_database.checkedConnection();
            if (!db) {
                report.failure = db.error();
                return false;
            }
            // One statement is one transaction: the batch is stored whole or not at all.
            BoundQuery insert(db.value(),
                QStringLiteral("INSERT INTO suppressions (email, reason, source, created_at) "
                               "SELECT r.email, r.reason, COALESCE(r.source, ''), "
                               "COALESCE(r.created_at, %1) FROM %2 WHERE true "
                               "ON CONFLICT (email) DO NOTHING")
                    .arg(m_dialect.now(),
                        JsonRows::source(m_dialect,
                            { { "email", "text" }, { "reason", "text" }, { "source", "text" },
                                { "created_at", "timestamptz" } })));
            insert.bind(QStringLiteral(":rows"), JsonRows::text(m_rows));
            if (auto done = insert.exec(tr("Could not add the batch to the suppression list")); !done) {
                report.failure = done.error();
                return false;
            }
            added = insert.numRowsAffected();
        }
        report.added += added;
        report.skipped += m_rows.size() - added + m_repeated;
        report.rejected += m_rejected;
        m_rows = QJsonArray();
        m_rejected.clear();
        m_emails.clear();
        m_repeated = 0;
        return true;
    }

private:
    Database& m_database;
    SqlDialect m_dialect;
    SuppressionColumns m_columns;
    int m_columnCount;
    QJsonArray m_rows;
    QList<RejectedRow> m_rejected;
    QSet<QString> m_emails;
    qint64 m_repeated = 0;
};
} // namespace

SuppressionImporter::SuppressionImporter(Database& database)
    : m_database(database)
{
}

ImportReport SuppressionImporter::run(
    const QString& path, const JobControl& control, int batchSize, const QString& actor)
{
    const auto start = [&](const QStringList& header) -> Result<std::unique_ptr<CsvBatchRunner::Batch>> {
        const SuppressionColumns columns = SuppressionColumns::of(header);
        if (columns.email < 0)
            return Error::validation(QStringLiteral("email"), tr("%1 has no 'email' column.").arg(path));
        return std::unique_ptr<CsvBatchRunner::Batch>(
            std::make_unique<SuppressionBatch>(m_database, columns, int(header.size())));
    };
    return CsvBatchRunner::importFile(
        m_database, path, QStringLiteral("suppressions"), actor, batchSize, control, start);
}

} // namespace herald
