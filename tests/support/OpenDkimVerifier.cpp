#include "OpenDkimVerifier.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>

#include <opendkim/dkim.h>

#include <memory>

namespace herald::test {

namespace {
using Library = std::unique_ptr<DKIM_LIB, decltype(&dkim_close)>;

QString text(const unsigned char* value) { return value ? QString::fromLatin1(reinterpret_cast<const char*>(value)) : QString(); }

// A tag of the signature as written (the library takes the name as non-const but only reads it).
QString tag(DKIM_SIGINFO* signature, const char* name)
{
    return text(dkim_sig_gettagvalue(signature, false, reinterpret_cast<u_char*>(const_cast<char*>(name))));
}
} // namespace

bool OpenDkimVerifier::knowsEd25519()
{
    Library library(dkim_init(nullptr, nullptr), &dkim_close);
    return library && dkim_libfeature(library.get(), DKIM_FEATURE_ED25519);
}

DkimVerdict OpenDkimVerifier::verify(const QByteArray& message, const QJsonObject& zone)
{
    DkimVerdict verdict;
    // The file query method reads "<selector>._domainkey.<domain> <TXT value>" lines.
    QTemporaryDir dir;
    QFile keys(dir.filePath(QStringLiteral("keys")));
    if (!keys.open(QIODevice::WriteOnly)) {
        verdict.error = QStringLiteral("could not write the key file");
        return verdict;
    }
    for (auto record = zone.begin(); record != zone.end(); ++record)
        keys.write(record.key().toLatin1() + ' ' + record.value().toArray().first().toString().toLatin1() + '\n');
    keys.close();

    Library library(dkim_init(nullptr, nullptr), &dkim_close);
    if (!library) {
        verdict.error = QStringLiteral("dkim_init failed");
        return verdict;
    }
    dkim_query_t method = DKIM_QUERY_FILE;
    QByteArray path = keys.fileName().toLocal8Bit();
    dkim_options(library.get(), DKIM_OP_SETOPT, DKIM_OPTS_QUERYMETHOD, &method, sizeof method);
    dkim_options(library.get(), DKIM_OP_SETOPT, DKIM_OPTS_QUERYINFO, path.data(), size_t(path.size()));

    DKIM_STAT status = DKIM_STAT_OK;
    std::unique_ptr<DKIM, decltype(&dkim_free)> dkim(
        dkim_verify(library.get(), reinterpret_cast<const unsigned char*>("test"), nullptr, &status), &dkim_free);
    if (!dkim) {
        verdict.error = QStringLiteral("dkim_verify: %1").arg(QString::fromLatin1(dkim_getresultstr(status)));
        return verdict;
    }
    QByteArray copy = message; // dkim_chunk takes a non-const buffer
    status = dkim_chunk(dkim.get(), reinterpret_cast<unsigned char*>(copy.data()), size_t(copy.size()));
    if (status == DKIM_STAT_OK)
        status = dkim_chunk(dkim.get(), nullptr, 0);
    const DKIM_STAT end = status == DKIM_STAT_OK ? dkim_eom(dkim.get(), nullptr) : status;

    DKIM_SIGINFO** signatures = nullptr;
    int count = 0;
    if (dkim_getsiglist(dkim.get(), &signatures, &count) != DKIM_STAT_OK || count == 0) {
        verdict.error = QStringLiteral("no signature: %1").arg(QString::fromLatin1(dkim_getresultstr(end)));
        return verdict;
    }
    bool all = true;
    for (int i = 0; i < count; ++i) {
        DKIM_SIGINFO* signature = signatures[i];
        DkimSignatureVerdict one;
        one.verified = DKIM_SIG_CHECK(signature);
        one.domain = text(dkim_sig_getdomain(signature));
        one.selector = text(dkim_sig_getselector(signature));
        one.algorithm = tag(signature, "a");
        one.canonicalization = tag(signature, "c");
        for (const QString& name : tag(signature, "h").split(QLatin1Char(':'), Qt::SkipEmptyParts))
            one.signedHeaders << name.trimmed().toLower();
        if (!one.verified)
            one.error = QStringLiteral("%1 (body hash %2; %3)")
                            .arg(QString::fromLatin1(dkim_sig_geterrorstr(DKIM_SIGERROR(dkim_sig_geterror(signature)))))
                            .arg(dkim_sig_getbh(signature) == DKIM_SIGBH_MATCH ? QStringLiteral("matches")
                                                                                : QStringLiteral("differs"))
                            .arg(QString::fromLatin1(dkim_getresultstr(end)));
        all = all && one.verified;
        verdict.signatures << one;
    }
    static_cast<DkimSignatureVerdict&>(verdict) = verdict.signatures.first();
    verdict.verified = all;
    return verdict;
}

} // namespace herald::test
