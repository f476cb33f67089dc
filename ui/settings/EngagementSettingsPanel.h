#pragma once

#include <QWidget>

class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace herald {

class Database;

// Settings → Engagement: the public address of `herald serve`, which the open pixel, click redirects and web view
// links of tracked campaigns point at (stored in the database, so every instance sends alike; empty: campaigns go
// out without tracking), and the consent rule for per-recipient tracking.
class EngagementSettingsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit EngagementSettingsPanel(Database& database, QWidget* parent = nullptr);

public slots:
    void reload();
    // Stores the address; false (with the error shown next to the field) when it is refused.
    bool save();

private:
    void showError(const QString& message);

    Database& m_database;
    QFormLayout* m_form; // more engagement settings get their rows here
    QLineEdit* m_publicBaseUrlEdit;
    QLabel* m_errorLabel;
    QPushButton* m_saveButton;
    QLabel* m_statusLabel;
};

} // namespace herald
