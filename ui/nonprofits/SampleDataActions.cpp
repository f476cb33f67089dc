#include "SampleDataActions.h"

#include "common/MessageBox.h"
#include "common/ProgressRunner.h"
#include "onboarding/SampleData.h"

#include <QWidget>

#include <memory>

namespace herald {

SampleDataActions::SampleDataActions(Database& database, QWidget* window)
    : QObject(window)
    , m_database(database)
    , m_window(window)
    , m_runner(new ProgressRunner(window, QStringLiteral("sampleProgress")))
{
}

bool SampleDataActions::isLoaded() const
{
    const auto loaded = SampleData(m_database).isLoaded();
    return loaded && loaded.value();
}

bool SampleDataActions::isLoading() const { return m_runner->isRunning(); }

void SampleDataActions::load()
{
    auto result = std::make_shared<Result<SampleData::Loaded>>(SampleData::Loaded());
    Database& database = m_database;
    const bool started = m_runner->start(
        tr("Load Sample Data"), tr("Loading the sample nonprofits…"),
        [&database, result](const JobControl& control) {
            *result = SampleData(database).load(control);
            database.releaseThreadConnection(); // a pool thread: its connection would outlive the job
        },
        [this, result](bool) {
            emit changed();
            if (*result)
                emit loaded(result->value().nonprofits);
            else
                emit errorOccurred(result->error().message); // a cancelled load says what it kept
        });
    if (started)
        emit loadingStarted();
}

void SampleDataActions::remove()
{
    const auto answer = MessageBox::question(m_window, tr("Remove Sample Data"),
        tr("Remove the sample nonprofits, template, segment, sender and campaign? What you added yourself stays."),
        MessageBox::Buttons(QMessageBox::Yes | QMessageBox::No), QMessageBox::No,
        { { QMessageBox::Yes, tr("Remove") }, { QMessageBox::No, tr("Keep") } });
    if (answer != QMessageBox::Yes)
        return;
    const auto removed = SampleData(m_database).remove();
    emit changed();
    if (!removed) {
        MessageBox::warning(m_window, tr("Remove Sample Data"), removed.error().message);
        return;
    }
    MessageBox::information(m_window, tr("Remove Sample Data"), removed->summary()); // it says what stayed, and why
}

} // namespace herald
