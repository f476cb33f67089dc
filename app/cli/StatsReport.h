#pragma once

#include "domain/Error.h"
#include "metrics/DashboardFigures.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace herald::cli {

// The dashboard figures of `herald stats` in its three forms: JSON (schema in StatsCommand's help),
// Prometheus text exposition format, and lines for a person.
class StatsReport
{
    Q_DECLARE_TR_FUNCTIONS(herald::cli::StatsReport)
public:
    // The figures of the last `rangeSeconds` up to `nowSeconds`, after counting the queue if no process has in this
    // 10-second slot (as every process that watches does).
    static Result<DashboardFigures> readCurrent(Database& database, int rangeSeconds, qint64 nowSeconds);

    static QJsonObject json(const DashboardFigures& figures);
    static QString prometheus(const DashboardFigures& figures);
    static QString text(const DashboardFigures& figures);
};

} // namespace herald::cli
