#pragma once

#include "ColumnMapping.h"
#include "ImportReport.h"
#include "NonprofitImportOptions.h"
#include "storage/SqlDialect.h"

#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QSqlDatabase>

namespace herald {

// The SQL that moves one staged batch (ImportStaging) into nonprofits, inside the batch's transaction: it turns
// away rows whose other unique key belongs to another row, keeps erased addresses unmailable, upserts by the
// import key in one INSERT … SELECT … ON CONFLICT … DO UPDATE (rows that would not change are left alone) and
// replaces the tags of the rows it wrote. Only mapped fields are written; an import never makes a row that is
// not active active again, nor forgets a recorded consent.
class StagedNonprofitMerge
{
    Q_DECLARE_TR_FUNCTIONS(herald::StagedNonprofitMerge)
public:
    struct Upserted
    {
        qint64 added = 0;
        qint64 updated = 0;
        QList<QPair<qint64, QString>> rows; // id and key (email or EIN as staged) of every row written
    };

    StagedNonprofitMerge(QSqlDatabase db, Backend backend, const ColumnMapping& mapping, ImportKey key);

    // Removes from the batch the rows whose EIN (email, when matching by EIN) another row holds; returns them.
    Result<QList<RejectedRow>> rejectKeyConflicts();
    // Stages erased addresses as unsubscribed; returns how many.
    Result<qint64> keepErasedUnmailable();
    Result<Upserted> upsert();
    // The tags of each written row become exactly those given.
    Status replaceTags(const QList<QPair<qint64, QStringList>>& tagsById);

private:
    QString buildUpsert(const ColumnMapping& mapping) const;

    QSqlDatabase m_db;
    SqlDialect m_dialect;
    ImportKey m_key;
    bool m_einMapped;
    QString m_upsertSql;
};

} // namespace herald
