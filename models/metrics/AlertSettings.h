#pragma once

#include "Alert.h"
#include "domain/Error.h"
#include "storage/Database.h"

#include <QCoreApplication>

namespace herald {

// The alert thresholds in the database settings (app_settings), one typed key each with its default, so
// every instance and worker sharing the database alerts alike.
class AlertSettings
{
    Q_DECLARE_TR_FUNCTIONS(herald::AlertSettings)
public:
    explicit AlertSettings(Database& database) : m_database(database) {}

    // The stored thresholds; a key never set keeps its default.
    Result<AlertThresholds> load();
    Status save(const AlertThresholds& thresholds);
    // What is wrong with `thresholds`, naming the field; empty when they can be saved.
    static QString problem(const AlertThresholds& thresholds);

private:
    Database& m_database;
};

} // namespace herald
