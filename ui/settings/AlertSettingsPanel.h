#pragma once

#include "metrics/Alert.h"

#include <QWidget>

class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace herald {

class Database;

// The alert thresholds in Settings: failure rate and its window, how long the queue may stand still, and
// whether an open circuit alerts. Stored in the database (AlertSettings), so every instance alerts alike.
class AlertSettingsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit AlertSettingsPanel(Database& database, QWidget* parent = nullptr);

    AlertThresholds thresholds() const;

public slots:
    void reload();
    void save();

signals:
    void thresholdsSaved(const herald::AlertThresholds& thresholds);

private:
    void showThresholds(const AlertThresholds& thresholds);

    Database& m_database;
    QDoubleSpinBox* m_failureRate;
    QSpinBox* m_failureWindow;
    QSpinBox* m_minimumFinished;
    QSpinBox* m_queueStall;
    QCheckBox* m_circuitOpen;
    QPushButton* m_saveButton;
    QLabel* m_statusLabel;
};

} // namespace herald
