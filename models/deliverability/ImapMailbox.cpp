#include "ImapMailbox.h"

#include "sending/providers/CurlGlobal.h"
#include "sending/providers/CurlOptions.h"

#include <curl/curl.h>

#include <QCoreApplication>

namespace herald {

namespace {
size_t collect(char* data, size_t size, size_t count, void* target)
{
    static_cast<QByteArray*>(target)->append(data, qsizetype(size * count));
    return size * count;
}
} // namespace

const QByteArray ImapMailbox::ProcessedKeyword = QByteArrayLiteral("$HeraldProcessed");

ImapMailbox::ImapMailbox(MailboxSettings settings) : m_settings(std::move(settings))
{
    static_assert(sizeof(m_errorBuffer) >= CURL_ERROR_SIZE, "libcurl's error buffer size");
    CurlGlobal::ensure();
    m_username = m_settings.username.toUtf8();
    m_password = m_settings.password.toUtf8();
    m_handle = curl_easy_init();
    CurlOptions options;
    options.verifyCertificate = m_settings.verifyCertificate;
    options.timeoutMs = 120000;
    options.apply(m_handle, m_errorBuffer);
    curl_easy_setopt(m_handle, CURLOPT_USERNAME, m_username.constData());
    curl_easy_setopt(m_handle, CURLOPT_PASSWORD, m_password.constData());
    // STARTTLS must succeed: the password never crosses the network in clear.
    if (m_settings.tls == MailboxSettings::Tls::StartTls)
        curl_easy_setopt(m_handle, CURLOPT_USE_SSL, long(CURLUSESSL_ALL));
    curl_easy_setopt(m_handle, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(m_handle, CURLOPT_WRITEDATA, &m_received);
}

ImapMailbox::~ImapMailbox()
{
    if (m_handle)
        curl_easy_cleanup(m_handle); // logs out
}

Result<QByteArray> ImapMailbox::perform(const QByteArray& url, const QByteArray& command, const QString& what)
{
    m_received.clear();
    m_errorBuffer[0] = '\0';
    curl_easy_setopt(m_handle, CURLOPT_URL, url.constData());
    curl_easy_setopt(m_handle, CURLOPT_CUSTOMREQUEST, command.isEmpty() ? nullptr : command.constData());
    const CURLcode code = curl_easy_perform(m_handle);
    if (code == CURLE_OK)
        return m_received;
    const QString server = QStringLiteral("%1:%2").arg(m_settings.host).arg(m_settings.port);
    const QString reason = CurlOptions::failureText(code, m_errorBuffer);
    const Error::Kind kind = code == CURLE_LOGIN_DENIED ? Error::Kind::Authentication : Error::Kind::Connection;
    return Error::make(kind, tr("Feedback mailbox %1 (%2): %3 failed: %4").arg(m_settings.username, server, what, reason));
}

Result<QList<qint64>> ImapMailbox::unprocessed()
{
    auto reply = perform(m_settings.folderUrl(), "UID SEARCH UNKEYWORD " + ProcessedKeyword + " NOT DELETED",
                         tr("searching folder '%1'").arg(m_settings.folder));
    if (!reply)
        return reply.error();
    QList<qint64> uids;
    for (const QByteArray& line : reply.value().split('\n')) {
        const QByteArray trimmed = line.trimmed();
        if (!trimmed.startsWith("* SEARCH"))
            continue;
        for (const QByteArray& number : trimmed.mid(8).simplified().split(' ')) {
            bool ok = false;
            const qint64 uid = number.toLongLong(&ok);
            if (ok && uid > 0)
                uids << uid;
        }
    }
    std::sort(uids.begin(), uids.end());
    return uids;
}

Result<QByteArray> ImapMailbox::fetch(qint64 uid)
{
    return perform(m_settings.folderUrl() + ";UID=" + QByteArray::number(uid), {}, tr("reading message %1").arg(uid));
}

Status ImapMailbox::markProcessed(qint64 uid, bool seen)
{
    const QByteArray store = "UID STORE " + QByteArray::number(uid);
    auto added = perform(m_settings.folderUrl(), store + (seen ? " +FLAGS (\\Seen " : " +FLAGS (") + ProcessedKeyword + ')',
                         tr("flagging message %1").arg(uid));
    if (!added)
        return added.error();
    if (!seen) {
        if (auto unseen = perform(m_settings.folderUrl(), store + " -FLAGS (\\Seen)", tr("flagging message %1").arg(uid)); !unseen)
            return unseen.error();
    }
    return {};
}

} // namespace herald
