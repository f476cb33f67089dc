#include "DkimSigner.h"

#include <QCoreApplication>

#include <opendkim/dkim.h>

#include <memory>

namespace herald {

namespace {
const char* const SignedHeaders[] = {"from", "to", "cc", "reply-to", "subject", "date", "message-id",
                                     "list-unsubscribe", "list-unsubscribe-post", "mime-version",
                                     "content-type", "content-transfer-encoding", nullptr};
// Signed one more time than present: a header added later (a second From or Subject) breaks the signature.
const char* const OversignedHeaders[] = {"from", "subject", "list-unsubscribe", "list-unsubscribe-post", nullptr};

const QByteArray HeaderName = QByteArrayLiteral("DKIM-Signature");

QString statusText(DKIM* dkim, DKIM_STAT status)
{
    const char* detail = dkim ? dkim_geterror(dkim) : nullptr;
    const QString result = QString::fromLatin1(dkim_getresultstr(status));
    return detail && *detail ? QStringLiteral("%1 (%2)").arg(result, QString::fromLatin1(detail)) : result;
}
} // namespace

DkimSigner::DkimSigner(const QList<DkimKey>& keys)
{
    for (const DkimKey& key : keys)
        m_keys.insert(key.domain.toLower(), key);
    if (m_keys.isEmpty())
        return; // nothing to sign with: no library handle needed
    m_library = dkim_init(nullptr, nullptr);
    if (!m_library)
        return;
    // The option calls take non-const pointers but only read them.
    dkim_options(m_library, DKIM_OP_SETOPT, DKIM_OPTS_SIGNHDRS, const_cast<char**>(SignedHeaders), sizeof(char**));
    dkim_options(m_library, DKIM_OP_SETOPT, DKIM_OPTS_OVERSIGNHDRS, const_cast<char**>(OversignedHeaders),
                 sizeof(char**));
}

DkimSigner::~DkimSigner()
{
    if (m_library)
        dkim_close(m_library);
}

QString DkimSigner::domainOf(const QString& address)
{
    const int at = address.lastIndexOf(QLatin1Char('@'));
    return at < 0 ? QString() : address.mid(at + 1).trimmed().toLower();
}

QList<QByteArray> DkimSigner::signedHeaders()
{
    QList<QByteArray> names;
    for (const char* const* name = SignedHeaders; *name; ++name)
        names << QByteArray(*name);
    return names;
}

Result<QByteArray> DkimSigner::sign(const QByteArray& message, const QString& domain)
{
    const auto found = m_keys.constFind(domain.toLower());
    if (found == m_keys.constEnd())
        return QByteArray();
    if (!m_library)
        return Error::make(Error::Kind::Validation, tr("The DKIM library could not be started."));
    const DkimKey& key = found.value();
    const QByteArray selector = key.selector.toLatin1();
    const QByteArray signingDomain = key.domain.toLower().toLatin1();
    const QByteArray job = QByteArray::number(++m_jobs);

    DKIM_STAT status = DKIM_STAT_OK;
    std::unique_ptr<DKIM, decltype(&dkim_free)> dkim(
        dkim_sign(m_library, reinterpret_cast<const unsigned char*>(job.constData()), nullptr,
                  reinterpret_cast<dkim_sigkey_t>(const_cast<char*>(key.privateKeyPem.constData())),
                  reinterpret_cast<const unsigned char*>(selector.constData()),
                  reinterpret_cast<const unsigned char*>(signingDomain.constData()), DKIM_CANON_RELAXED,
                  DKIM_CANON_RELAXED, DKIM_SIGN_RSASHA256, -1, &status),
        &dkim_free);
    auto failure = [&](const QString& step) -> Result<QByteArray> {
        return Error::make(Error::Kind::Validation, tr("DKIM signing for %1 failed at %2: %3")
                                                        .arg(key.domain, step, statusText(dkim.get(), status)));
    };
    if (!dkim)
        return failure(QStringLiteral("dkim_sign"));
    // dkim_chunk only reads the buffer.
    status = dkim_chunk(dkim.get(), reinterpret_cast<u_char*>(const_cast<char*>(message.constData())), size_t(message.size()));
    if (status != DKIM_STAT_OK)
        return failure(QStringLiteral("dkim_chunk"));
    status = dkim_chunk(dkim.get(), nullptr, 0);
    if (status != DKIM_STAT_OK)
        return failure(QStringLiteral("dkim_chunk"));
    status = dkim_eom(dkim.get(), nullptr);
    if (status != DKIM_STAT_OK)
        return failure(QStringLiteral("dkim_eom"));
    unsigned char* value = nullptr;
    size_t length = 0;
    status = dkim_getsighdr_d(dkim.get(), size_t(HeaderName.size() + 2), &value, &length);
    if (status != DKIM_STAT_OK)
        return failure(QStringLiteral("dkim_getsighdr_d"));
    // The library folds with bare LF; the message is CRLF throughout.
    QByteArray header = HeaderName + ": " + QByteArray(reinterpret_cast<const char*>(value), qsizetype(length));
    header.replace("\r\n", "\n");
    header.replace('\n', "\r\n");
    header += "\r\n";
    return header;
}

Status DkimSigner::signInto(OutgoingMessage& message)
{
    auto signature = sign(message.data, domainOf(message.parts.fromEmail));
    if (!signature)
        return signature.error();
    message.dkimSignature = std::move(signature).value();
    return {};
}

} // namespace herald
