#pragma once

#include <QObject>

class QWidget;

namespace herald {

class Database;
class ProgressRunner;

// Loading and removing the sample data from the window: loading runs in the background behind a progress
// dialog with Cancel (objectName "sampleProgress"); removing asks first and then says what went and what stayed.
class SampleDataActions : public QObject
{
    Q_OBJECT
public:
    SampleDataActions(Database& database, QWidget* window);

    bool isLoaded() const;
    bool isLoading() const;

public slots:
    void load();
    void remove();

signals:
    void loadingStarted();
    // The sample is complete: `nonprofits` organisations and a campaign ready for a test send.
    void loaded(qint64 nonprofits);
    // Rows came or went (also after a cancelled or failed load, which keeps what it committed).
    void changed();
    void errorOccurred(const QString& message);

private:
    Database& m_database;
    QWidget* m_window;
    ProgressRunner* m_runner;
};

} // namespace herald
