#pragma once

#include "domain/Error.h"
#include "storage/AudienceCounter.h"

#include <QFutureWatcher>
#include <QObject>

#include <optional>

class QComboBox;
class QLabel;
class QWidget;

namespace herald {

class Database;

// The campaign editor's audience: all active nonprofits or a saved segment, and under it how many that is and
// how many the suppression list excludes, counted off the UI thread (a change while counting counts again
// once that count is in). Its widgets are the dialog's, laid out by the dialog's form.
class AudienceSection : public QObject
{
    Q_OBJECT
public:
    AudienceSection(Database& database, QWidget* dialog);
    ~AudienceSection() override;

    QComboBox* combo() const { return m_combo; }
    QLabel* countLabel() const { return m_countLabel; }
    // Everyone, then the saved segments; the error when the segments could not be read.
    Status loadChoices();
    void select(qint64 segmentId);
    qint64 segmentId() const;
    QString text() const;

    void count();
    bool isCounting() const { return m_counting; }
    // The audience as last counted; unset while counting.
    const std::optional<AudienceSize>& lastCount() const { return m_lastCount; }

signals:
    // The user chose another audience.
    void changed();
    // lastCount() changed: a count started (unset) or is in.
    void lastCountChanged();

private:
    void showCount();

    Database& m_database;
    QComboBox* m_combo;
    QLabel* m_countLabel;
    QFutureWatcher<Result<AudienceSize>> m_countWatcher;
    bool m_countPending = false; // the audience changed while a count was running
    bool m_counting = false; // until the count is shown (finished comes after isRunning() turns false)
    std::optional<AudienceSize> m_lastCount;
};

} // namespace herald
