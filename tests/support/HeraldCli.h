#pragma once

#include "HeraldBackend.h"
#include "HeraldProcess.h"

#include <QStringList>

#include <memory>

namespace herald::test {

// What every test of a headless command starts with: the real herald executable, and a database of the backend
// under test behind it that the test opens too. setUp() in the test's init(), reset() in its cleanup().
class HeraldCli
{
public:
    // Empty when both sides reach the database; otherwise what went wrong.
    QString setUp(const QString& executable)
    {
        m_herald = std::make_unique<HeraldProcess>(executable);
        m_backend = std::make_unique<HeraldBackend>();
        return m_backend->setUp(*m_herald);
    }
    void reset()
    {
        m_backend.reset();
        m_herald.reset();
    }

    // `herald ARGUMENTS` on the backend's profile.
    HeraldProcess::Run run(QStringList arguments) const { return m_herald->run(arguments << m_backend->profileArguments()); }
    // A long-running `herald ARGUMENTS` (worker, serve) on the backend's profile.
    std::unique_ptr<QProcess> start(QStringList arguments) const { return m_herald->start(arguments << m_backend->profileArguments()); }
    HeraldProcess& process() { return *m_herald; }
    Database& database() { return m_backend->database(); }

private:
    std::unique_ptr<HeraldProcess> m_herald;
    std::unique_ptr<HeraldBackend> m_backend;
};

} // namespace herald::test
