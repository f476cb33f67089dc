#pragma once

#include "metrics/Alert.h"

#include <QFrame>

class QLabel;
class QPushButton;

namespace herald {

// The strip above the pages that says which alerts are open and since when, with a button to the dashboard
// and one to dismiss it; dismissed, it comes back only when another alert is raised.
class AlertBanner : public QFrame
{
    Q_OBJECT
public:
    explicit AlertBanner(QWidget* parent = nullptr);

    void showAlerts(const QList<Alert>& alerts);
    QString text() const;

signals:
    void dashboardRequested();

private:
    QLabel* m_label;
    QPushButton* m_dashboardButton;
    QPushButton* m_dismissButton;
    QList<Alert> m_dismissed; // what was open when the user dismissed the banner
};

} // namespace herald
