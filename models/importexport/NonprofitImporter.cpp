#include "NonprofitImporter.h"

#include "CsvBatchRunner.h"
#include "ImportStaging.h"
#include "NonprofitRowParser.h"
#include "StagedNonprofitMerge.h"
#include "domain/EmailAddress.h"
#include "storage/Transaction.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <algorithm>

namespace herald {

namespace {
// The rows of one batch on their way through the staging table.
class NonprofitBatch : public CsvBatchRunner::Batch
{
public:
    NonprofitBatch(
        const QSqlDatabase& db, Backend backend, const ColumnMapping& mapping, const NonprofitImportOptions& options)
        : m_db(db)
        , m_parser(mapping, options)
        , m_staging(db, backend)
        , m_merge(db, backend, mapping, options.key)
        , m_tagsMapped(mapping.has(NonprofitField::Tags))
    {
    }
    ~NonprofitBatch() override { m_staging.drop(); }

    Status prepare()
    {
        if (auto usable = m_parser.checkMapping(); !usable)
            return usable;
        return m_staging.create();
    }

    bool take(const CsvRecord& record) override
    {
        ImportRow row;
        RejectedRow rejected;
        if (!m_parser.parse(record, row, rejected)) {
            m_rejected.append(rejected);
            return true;
        }
        // One statement must not meet a key twice: the batch ends before a row that repeats one.
        const QString email = EmailAddress::normalized(row.nonprofit.email);
        const QString& ein = row.nonprofit.ein;
        if (m_emails.contains(email) || (!ein.isEmpty() && m_eins.contains(ein)))
            return false;
        m_emails.insert(email);
        if (!ein.isEmpty())
            m_eins.insert(ein);
        m_rows.append(row);
        return true;
    }

    bool commit(ImportReport& report) override
    {
        StagedNonprofitMerge::Upserted written;
        QList<RejectedRow> turnedAway;
        qint64 unmailable = 0;
        if (const Status stored = store(written, turnedAway, unmailable); !stored) {
            report.failure = stored.error();
            return false;
        }
        report.added += written.added;
        report.updated += written.updated;
        report.skipped += m_rows.size() - turnedAway.size() - written.added - written.updated;
        report.markedUnmailable += unmailable;
        QList<RejectedRow> rejected = m_rejected + turnedAway;
        std::sort(rejected.begin(), rejected.end(),
            [](const RejectedRow& a, const RejectedRow& b) { return a.line < b.line; });
        report.rejected += rejected;
        m_rows.clear();
        m_rejected.clear();
        m_emails.clear();
        m_eins.clear();
        return true;
    }

private:
    Status store(StagedNonprofitMerge::Upserted& written, QList<RejectedRow>& turnedAway, qint64& unmailable)
    {
        Transaction transaction(m_db);
        if (auto begun = transaction.begin(); !begun)
            return begun;
        if (!m_rows.isEmpty()) {
            if (auto loaded = m_staging.load(m_rows); !loaded)
                return loaded;
            auto conflicts = m_merge.rejectKeyConflicts();
            if (!conflicts)
                return conflicts.error();
            turnedAway = conflicts.value();
            auto erased = m_merge.keepErasedUnmailable();
            if (!erased)
                return erased.error();
            unmailable = erased.value();
            auto upserted = m_merge.upsert();
            if (!upserted)
                return upserted.error();
            written = upserted.value();
            if (m_tagsMapped) {
                if (auto tagged = m_merge.replaceTags(tagsOf(written)); !tagged)
                    return tagged;
            }
        }
        return transaction.commit();
    }

    // The file's tags of each row written; upsert() names rows by their staged key, email or EIN (never alike).
    QList<QPair<qint64, QStringList>> tagsOf(const StagedNonprofitMerge::Upserted& written) const
    {
        QHash<QString, QStringList> tagsByKey;
        for (const ImportRow& row : m_rows) {
            tagsByKey.insert(row.nonprofit.email, row.nonprofit.tags);
            tagsByKey.insert(row.nonprofit.ein, row.nonprofit.tags);
        }
        QList<QPair<qint64, QStringList>> tags;
        for (const auto& [id, key] : written.rows)
            tags.append({ id, tagsByKey.value(key) });
        return tags;
    }

    QSqlDatabase m_db;
    NonprofitRowParser m_parser;
    ImportStaging m_staging;
    StagedNonprofitMerge m_merge;
    bool m_tagsMapped;
    QList<ImportRow> m_rows;
    QList<RejectedRow> m_rejected;
    QSet<QString> m_emails;
    QSet<QString> m_eins;
};
} // namespace

NonprofitImporter::NonprofitImporter(Database& database)
    : m_database(database)
{
}

ImportReport NonprofitImporter::run(
    const QString& path, const NonprofitImportOptions& options, const JobControl& control)
{
    const auto start = [&](const QStringList& header) -> Result<std::unique_ptr<CsvBatchRunner::Batch>> {
        const ColumnMapping mapping = options.mapping.isEmpty() ? ColumnMapping::guess(header) : options.mapping;
        if (mapping.columnCount() != header.size())
            return Error::make(Error::Kind::Validation,
                tr("The column mapping has %1 columns but the file has %2; map its columns again.")
                    .arg(mapping.columnCount())
                    .arg(header.size()));
        auto db = m_database.checkedConnection();
        if (!db)
            return db.error();
        auto batch = std::make_unique<NonprofitBatch>(db.value(), m_database.backend(), mapping, options);
        if (auto prepared = batch->prepare(); !prepared)
            return prepared.error();
        return std::unique_ptr<CsvBatchRunner::Batch>(std::move(batch));
    };
    return CsvBatchRunner::importFile(
        m_database, path, QStringLiteral("nonprofits"), options.actor, options.batchSize, control, start);
}

} // namespace herald
