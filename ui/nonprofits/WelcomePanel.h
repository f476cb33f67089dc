#pragma once

#include <QFrame>

class QPushButton;

namespace herald {

// What the Nonprofits page shows on an empty database: three ways to begin (try the sample data, import a CSV
// file, connect to the team's server). It only asks; the page and the window do the work.
class WelcomePanel : public QFrame
{
    Q_OBJECT
public:
    explicit WelcomePanel(QWidget* parent = nullptr);

    // Off while the sample data loads.
    void setBusy(bool busy);

signals:
    void loadSampleRequested();
    void importRequested();
    void connectRequested();

private:
    QPushButton* m_loadButton;
};

} // namespace herald
