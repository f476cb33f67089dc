#pragma once

#include <QDateTime>
#include <QObject>

class QDateTimeEdit;
class QHBoxLayout;
class QLabel;
class QRadioButton;
class QWidget;

namespace herald {

// When the campaign editor's campaign goes out: now, or at a local date and time shown with the computer's time
// zone. Its widgets are the dialog's; row() is the line the dialog's form shows them on.
class ScheduleSection : public QObject
{
    Q_OBJECT
public:
    explicit ScheduleSection(QWidget* dialog);

    QHBoxLayout* row() const { return m_row; }
    QRadioButton* sendNowRadio() const { return m_sendNowRadio; }
    QRadioButton* scheduleRadio() const { return m_scheduleRadio; }
    QDateTimeEdit* timeEdit() const { return m_scheduleEdit; }

    // The stored time, or (invalid: send now) an hour from now on the minute.
    void load(const QDateTime& scheduledAt);
    bool isScheduled() const;
    // The chosen time in UTC, whether or not it is scheduled.
    QDateTime at() const;
    // The time can be changed only when it is scheduled and the campaign can change.
    void updateTimeEdit(bool editable);

signals:
    // "Send now" or "At" was chosen.
    void modeChanged();
    void timeChanged();

private:
    QRadioButton* m_sendNowRadio;
    QRadioButton* m_scheduleRadio;
    QDateTimeEdit* m_scheduleEdit;
    QLabel* m_timeZoneLabel;
    QHBoxLayout* m_row;
};

} // namespace herald
