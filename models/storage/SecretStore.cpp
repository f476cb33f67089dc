#include "SecretStore.h"

#include <qt6keychain/keychain.h>

#include <QCoreApplication>
#include <QEventLoop>

namespace herald {

namespace {
const QString Service = QStringLiteral("Herald");


// Runs a keychain job to completion; QtKeychain jobs are asynchronous and quick.
void runJob(QKeychain::Job& job)
{
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.setAutoDelete(false);
    job.setInsecureFallback(false); // never a plain-text file
    job.start();
    loop.exec(QEventLoop::ExcludeUserInputEvents);
}
} // namespace

SecretStore& SecretStore::instance()
{
    static SecretStore store;
    return store;
}

bool SecretStore::isKeychainAvailable(QString* why)
{
    if (m_disabled) {
        if (why)
            *why = tr("The system keychain is turned off for this session.");
        return false;
    }
    if (m_probed < 0) {
        QKeychain::ReadPasswordJob probe(Service);
        probe.setKey(QStringLiteral("herald/keychain-probe"));
        runJob(probe);
        const bool usable = probe.error() == QKeychain::NoError || probe.error() == QKeychain::EntryNotFound;
        m_probed = usable ? 1 : 0;
        if (!usable)
            m_unavailableReason = tr("No system keychain is available (%1). Herald will ask for passwords each "
                                     "session instead of saving them.")
                                      .arg(probe.errorString());
    }
    if (why)
        *why = m_unavailableReason;
    return m_probed == 1;
}

Result<QString> SecretStore::read(const QString& key)
{
    {
        QMutexLocker lock(&m_mutex);
        if (m_session.contains(key))
            return m_session.value(key);
    }
    QString why;
    if (!isKeychainAvailable(&why))
        return Error::make(Error::Kind::NotFound, why);
    QKeychain::ReadPasswordJob job(Service);
    job.setKey(key);
    runJob(job);
    if (job.error() == QKeychain::EntryNotFound)
        return Error::make(Error::Kind::NotFound, tr("No password is saved for %1.").arg(key));
    if (job.error() != QKeychain::NoError)
        return Error::make(Error::Kind::Io, tr("Could not read %1 from the keychain: %2").arg(key, job.errorString()));
    return job.textData();
}

Status SecretStore::write(const QString& key, const QString& secret)
{
    rememberForSession(key, secret);
    QString why;
    if (!isKeychainAvailable(&why))
        return Error::make(Error::Kind::Io, why);
    QKeychain::WritePasswordJob job(Service);
    job.setKey(key);
    job.setTextData(secret);
    runJob(job);
    if (job.error() != QKeychain::NoError)
        return Error::make(Error::Kind::Io, tr("Could not save %1 in the keychain: %2. It is kept for this session only.")
                                                .arg(key, job.errorString()));
    return {};
}

Status SecretStore::remove(const QString& key)
{
    {
        QMutexLocker lock(&m_mutex);
        m_session.remove(key);
    }
    if (!isKeychainAvailable())
        return {};
    QKeychain::DeletePasswordJob job(Service);
    job.setKey(key);
    runJob(job);
    if (job.error() != QKeychain::NoError && job.error() != QKeychain::EntryNotFound)
        return Error::make(Error::Kind::Io, tr("Could not remove %1 from the keychain: %2").arg(key, job.errorString()));
    return {};
}

void SecretStore::rememberForSession(const QString& key, const QString& secret)
{
    QMutexLocker lock(&m_mutex);
    m_session.insert(key, secret);
}

void SecretStore::forgetSession()
{
    QMutexLocker lock(&m_mutex);
    m_session.clear();
}

} // namespace herald
