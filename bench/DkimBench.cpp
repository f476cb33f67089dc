// What DKIM signing costs per message: composes N personalised messages of about 5 KB (the send benchmark's
// campaign) on one thread, first unsigned, then each signed with Herald's DkimSigner (relaxed/relaxed, one signer
// reused, as each sending thread does) with a 2048-bit RSA key, a 1024-bit one, an Ed25519 key, and RSA-2048 and
// Ed25519 together (dual signing). Prints the time per message, messages per second per thread and the goals
// (signing <= 1.3 x the bare RSA-2048 signature; dual signing < 10 % over RSA alone); figures, never a pass/fail test.
// Times are CPU time of the benchmark's thread, so a busy machine blurs them less than wall time, and each is the least
// of five interleaved rounds over a fifth of the messages.
// Usage: herald-bench-dkim [messages] [bytes]   (defaults 5000, 5120)
#include "BenchCampaign.h"
#include "BenchOutput.h"
#include "compose/CampaignMessageComposer.h"
#include "compose/DkimKeyPair.h"
#include "compose/DkimSigner.h"

#include <QCoreApplication>
#include <QFile>
#include <QThread>

#include <ctime>

#include <openssl/evp.h>
#include <openssl/pem.h>

using namespace herald;

namespace {

QList<Nonprofit> recipients(int count)
{
    QList<Nonprofit> list;
    for (int i = 0; i < count; ++i)
        list << BenchCampaign::recipient(i + 1);
    return list;
}

QString loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    return file.open(QIODevice::ReadOnly) ? QString::fromLatin1(file.readAll()).section(QLatin1Char(' '), 0, 2) : QStringLiteral("?");
}

// This thread's CPU time in microseconds: unlike the wall clock, it does not count time other processes on a
// busy machine take from us.
double cpuMicroseconds()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return now.tv_sec * 1e6 + now.tv_nsec / 1e3;
}

// Microseconds of CPU per message to compose (and sign, with `signer`) every recipient's message.
double run(const CampaignMessageComposer& composer, const QList<Nonprofit>& list, DkimSigner* signer, qint64* bytes)
{
    const double start = cpuMicroseconds();
    *bytes = 0;
    for (int i = 0; i < list.size(); ++i) {
        auto message = composer.compose(i + 1, list.at(i));
        if (!message) {
            bench::print(QStringLiteral("compose failed: %1").arg(message.error().message));
            return -1;
        }
        if (signer) {
            if (Status signedMessage = signer->signInto(message.value()); !signedMessage) {
                bench::print(signedMessage.error().message);
                return -1;
            }
        }
        *bytes += message->data.size() + message->dkimSignature.size();
    }
    return (cpuMicroseconds() - start) / list.size();
}

// The private key read from PEM (libopendkim, Herald's signer before, did it for every message it signed).
double keyParse(const QByteArray& pem, int count)
{
    const double start = cpuMicroseconds();
    for (int i = 0; i < count; ++i) {
        BIO* in = BIO_new_mem_buf(pem.constData(), int(pem.size()));
        EVP_PKEY_free(PEM_read_bio_PrivateKey(in, nullptr, nullptr, nullptr));
        BIO_free(in);
    }
    return (cpuMicroseconds() - start) / count;
}

// The signature alone (OpenSSL; RSA: SHA-256 over a short input, Ed25519: over a 32-byte digest as RFC 8463 has it):
// the part no DKIM library can avoid.
double bareSignature(const QByteArray& pem, int count)
{
    BIO* in = BIO_new_mem_buf(pem.constData(), int(pem.size()));
    EVP_PKEY* key = PEM_read_bio_PrivateKey(in, nullptr, nullptr, nullptr);
    BIO_free(in);
    const bool ed25519 = EVP_PKEY_get_base_id(key) == EVP_PKEY_ED25519;
    const QByteArray input(ed25519 ? 32 : 300, 'h'); // a digest, or about the size of the canonical signed headers
    unsigned char signature[512];
    const double start = cpuMicroseconds();
    for (int i = 0; i < count; ++i) {
        EVP_MD_CTX* context = EVP_MD_CTX_new();
        size_t length = sizeof signature;
        EVP_DigestSignInit(context, nullptr, ed25519 ? nullptr : EVP_sha256(), nullptr, key);
        EVP_DigestSign(context, signature, &length, reinterpret_cast<const unsigned char*>(input.constData()), size_t(input.size()));
        EVP_MD_CTX_free(context);
    }
    EVP_PKEY_free(key);
    return (cpuMicroseconds() - start) / count;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? QByteArray(argv[1]).toInt() : 5000;
    const int size = argc > 2 ? QByteArray(argv[2]).toInt() : 5120;
    const Campaign campaign = BenchCampaign::campaignFor(size);
    const CampaignMessageComposer composer(campaign, QByteArrayLiteral("bench-secret-bench-secret-bench!"));
    const QList<Nonprofit> list = recipients(count);

    auto key2048 = DkimKeyPair::generate();
    if (!key2048) {
        bench::print(key2048.error().message);
        return 1;
    }
    // A 1024-bit key for comparison (the smallest receivers accept), made with OpenSSL directly.
    EVP_PKEY* small = EVP_RSA_gen(1024);
    BIO* out = BIO_new(BIO_s_mem());
    PEM_write_bio_PrivateKey(out, small, nullptr, nullptr, 0, nullptr, nullptr);
    char* pemData = nullptr;
    const long pemSize = BIO_get_mem_data(out, &pemData);
    const QByteArray pem1024(pemData, int(pemSize));
    BIO_free(out);
    EVP_PKEY_free(small);

    auto ed25519 = DkimKeyPair::generate(DkimKeyPair::Algorithm::Ed25519);
    if (!ed25519) {
        bench::print(ed25519.error().message);
        return 1;
    }
    const QString domain = DkimSigner::domainOf(campaign.fromEmail);
    const DkimKey rsaKey{domain, QStringLiteral("bench"), key2048->privateKeyPem()};
    const DkimKey edKey{domain, QStringLiteral("bench-ed"), ed25519->privateKeyPem()};
    DkimSigner signer2048({rsaKey});
    DkimSigner signer1024({DkimKey{domain, QStringLiteral("bench"), pem1024}});
    DkimSigner signerEd({edKey});
    DkimSigner signerBoth({rsaKey, edKey});

    qint64 bytes = 0;
    run(composer, list.mid(0, qMin(200, count)), &signerBoth, &bytes); // warm-up
    run(composer, list.mid(0, 1), nullptr, &bytes);
    const qint64 plainBytes = bytes;
    // Every figure is the least of `Rounds` interleaved runs: on a shared machine a phase run once may land on a busy
    // moment (another process on the sibling hyperthread makes our CPU time longer too), and the goals are ratios.
    constexpr int Rounds = 5;
    const int perRound = qMax(1, count / Rounds);
    const QList<Nonprofit> slice = list.mid(0, perRound);
    double plain = 1e12, signed2048 = 1e12, signed1024 = 1e12, signedEd = 1e12, signedBoth = 1e12;
    double rsa2048 = 1e12, bareEd25519 = 1e12, parse2048 = 1e12;
    for (int round = 0; round < Rounds; ++round) {
        plain = qMin(plain, run(composer, slice, nullptr, &bytes));
        signed2048 = qMin(signed2048, run(composer, slice, &signer2048, &bytes));
        signed1024 = qMin(signed1024, run(composer, slice, &signer1024, &bytes));
        signedEd = qMin(signedEd, run(composer, slice, &signerEd, &bytes));
        signedBoth = qMin(signedBoth, run(composer, slice, &signerBoth, &bytes));
        rsa2048 = qMin(rsa2048, bareSignature(key2048->privateKeyPem(), perRound));
        bareEd25519 = qMin(bareEd25519, bareSignature(ed25519->privateKeyPem(), perRound));
        parse2048 = qMin(parse2048, keyParse(key2048->privateKeyPem(), qMax(1, perRound / 4)));
    }
    if (plain < 0 || signed2048 < 0 || signed1024 < 0 || signedEd < 0 || signedBoth < 0)
        return 1;
    const double sign2048 = signed2048 - plain;
    const double dualExtra = signedBoth - signed2048;

    bench::print(QStringLiteral("%1 messages of %2 bytes, least CPU time of one thread in %5 rounds (%3 cores here, load %4)")
                     .arg(count)
                     .arg(plainBytes)
                     .arg(QThread::idealThreadCount())
                     .arg(loadAverage())
                     .arg(Rounds));
    auto line = [&](const QString& what, double micros) {
        bench::print(QStringLiteral("%1 %2 us/message  (%3 messages/s); signing adds %4 us")
                         .arg(what, -28)
                         .arg(micros, 0, 'f', 1)
                         .arg(1e6 / micros, 0, 'f', 0)
                         .arg(micros - plain, 0, 'f', 1));
    };
    bench::print(QStringLiteral("compose only:                %1 us/message  (%2 messages/s)").arg(plain, 0, 'f', 1).arg(1e6 / plain, 0, 'f', 0));
    line(QStringLiteral("compose + DKIM RSA-2048:"), signed2048);
    line(QStringLiteral("compose + DKIM RSA-1024:"), signed1024);
    line(QStringLiteral("compose + DKIM Ed25519:"), signedEd);
    line(QStringLiteral("compose + RSA-2048 + Ed25519:"), signedBoth);
    bench::print(QStringLiteral("the bare RSA-2048 signature (OpenSSL): %1 us; parsing the PEM key, which libopendkim did "
                                "per message and Herald now does once per sending thread: %2 us")
                     .arg(rsa2048, 0, 'f', 1)
                     .arg(parse2048, 0, 'f', 1));
    bench::print(QStringLiteral("the bare Ed25519 signature (OpenSSL): %1 us, %2 % of the bare RSA-2048 one")
                     .arg(bareEd25519, 0, 'f', 1)
                     .arg(100 * bareEd25519 / rsa2048, 0, 'f', 1));
    bench::print(QStringLiteral("goal: RSA-2048 signing <= 1.3 x the bare signature: %1 x (%2)")
                     .arg(sign2048 / rsa2048, 0, 'f', 2)
                     .arg(sign2048 / rsa2048 <= 1.3 ? QStringLiteral("met") : QStringLiteral("NOT met")));
    bench::print(QStringLiteral("goal: Ed25519 beside RSA < 10 % over RSA alone: +%1 us = %2 % of RSA signing, %3 % of "
                                "compose + RSA (%4)")
                     .arg(dualExtra, 0, 'f', 1)
                     .arg(100 * dualExtra / sign2048, 0, 'f', 1)
                     .arg(100 * dualExtra / signed2048, 0, 'f', 1)
                     .arg(dualExtra / sign2048 < 0.10 ? QStringLiteral("met") : QStringLiteral("NOT met")));
    bench::figure(QStringLiteral("compose_us"), plain);
    bench::figure(QStringLiteral("dkim2048_sign_us"), sign2048);
    bench::figure(QStringLiteral("dkim1024_sign_us"), signed1024 - plain);
    bench::figure(QStringLiteral("ed25519_sign_us"), signedEd - plain);
    bench::figure(QStringLiteral("dual_sign_us"), signedBoth - plain);
    bench::figure(QStringLiteral("rsa2048_only_us"), rsa2048);
    bench::figure(QStringLiteral("pem2048_parse_us"), parse2048);
    bench::figure(QStringLiteral("ed25519_only_us"), bareEd25519);
    bench::figure(QStringLiteral("sign_over_bare_rsa"), sign2048 / rsa2048);
    bench::figure(QStringLiteral("dual_over_rsa"), dualExtra / sign2048);
    return 0;
}
