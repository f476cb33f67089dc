#pragma once

#include <QWidget>

class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace herald {

class Database;

// Settings → Engagement: the public address of `herald serve`, which the open pixel, click redirects and web view
// links of tracked campaigns point at (stored in the database, so every instance sends alike; empty: campaigns go
// out without tracking), the consent rule for per-recipient tracking, and how many months `herald serve` keeps the
// raw opens and clicks (EngagementRetention; the roll-ups that reports read stay).
class EngagementSettingsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit EngagementSettingsPanel(Database& database, QWidget* parent = nullptr);

public slots:
    void reload();
    // Stores the address and the retention period; false (with the error shown next to the fields) when one is
    // refused.
    bool save();

private:
    void showError(const QString& message, QWidget* field);
    bool refuse(const QString& message, QWidget* field); // shows the error, puts the cursor in the field: false
    void showRetentionSuffix(int months);

    Database& m_database;
    QFormLayout* m_form; // more engagement settings get their rows here
    QLineEdit* m_publicBaseUrlEdit;
    QSpinBox* m_retentionSpin;
    QLabel* m_errorLabel;
    QPushButton* m_saveButton;
    QLabel* m_statusLabel;
};

} // namespace herald
