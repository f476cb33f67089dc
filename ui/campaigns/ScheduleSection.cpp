#include "ScheduleSection.h"

#include <QButtonGroup>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QRadioButton>
#include <QTimeZone>

namespace herald {

namespace {
QString timeZoneText()
{
    const QTimeZone zone = QTimeZone::systemTimeZone();
    const QDateTime now = QDateTime::currentDateTime();
    const QString name = zone.displayName(now, QTimeZone::LongName);
    const QString abbreviation = zone.abbreviation(now);
    return name == abbreviation || abbreviation.isEmpty() ? name : QStringLiteral("%1 (%2)").arg(name, abbreviation);
}
} // namespace

ScheduleSection::ScheduleSection(QWidget* dialog)
    : QObject(dialog)
{
    m_sendNowRadio = new QRadioButton(tr("Send &now"), dialog);
    m_sendNowRadio->setObjectName(QStringLiteral("sendNowRadio"));
    m_scheduleRadio = new QRadioButton(tr("&At"), dialog);
    m_scheduleRadio->setObjectName(QStringLiteral("scheduleRadio"));
    auto* whenGroup = new QButtonGroup(dialog);
    whenGroup->addButton(m_sendNowRadio);
    whenGroup->addButton(m_scheduleRadio);
    m_scheduleEdit = new QDateTimeEdit(dialog);
    m_scheduleEdit->setObjectName(QStringLiteral("scheduleEdit"));
    m_scheduleEdit->setCalendarPopup(true);
    m_scheduleEdit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_scheduleEdit->setTimeSpec(Qt::LocalTime);
    m_timeZoneLabel = new QLabel(timeZoneText(), dialog);
    m_timeZoneLabel->setObjectName(QStringLiteral("timeZoneLabel"));
    m_timeZoneLabel->setTextFormat(Qt::PlainText);
    connect(m_sendNowRadio, &QRadioButton::toggled, this, &ScheduleSection::modeChanged);
    connect(m_scheduleEdit, &QDateTimeEdit::dateTimeChanged, this, &ScheduleSection::timeChanged);
    m_row = new QHBoxLayout;
    m_row->addWidget(m_sendNowRadio);
    m_row->addSpacing(12);
    m_row->addWidget(m_scheduleRadio);
    m_row->addWidget(m_scheduleEdit);
    m_row->addWidget(m_timeZoneLabel);
    m_row->addStretch(1);
}

void ScheduleSection::load(const QDateTime& scheduledAt)
{
    const bool scheduled = scheduledAt.isValid();
    m_scheduleRadio->setChecked(scheduled);
    m_sendNowRadio->setChecked(!scheduled);
    // A new schedule starts an hour from now, on the minute.
    const QDateTime defaultTime = QDateTime::currentDateTime().addSecs(3600);
    m_scheduleEdit->setDateTime(scheduled ? scheduledAt.toLocalTime()
                                          : QDateTime(defaultTime.date(), QTime(defaultTime.time().hour(), 0)));
}

bool ScheduleSection::isScheduled() const { return m_scheduleRadio->isChecked(); }

QDateTime ScheduleSection::at() const { return m_scheduleEdit->dateTime().toUTC(); }

void ScheduleSection::updateTimeEdit(bool editable) { m_scheduleEdit->setEnabled(isScheduled() && editable); }

} // namespace herald
