#pragma once

#include "metrics/DashboardFigures.h"

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
    static QJsonObject json(const DashboardFigures& figures);
    static QString prometheus(const DashboardFigures& figures);
    static QString text(const DashboardFigures& figures);
};

} // namespace herald::cli
