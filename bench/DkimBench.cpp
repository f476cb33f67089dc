// What DKIM signing costs per message: composes N personalised messages of about 5 KB (the send benchmark's
// campaign) on one thread, first unsigned, then each signed once with libopendkim (rsa-sha256, relaxed/relaxed,
// one library handle reused, as each sending thread does), with a 2048-bit and a 1024-bit key. Prints the time
// per message and messages per second per thread; a figure, never a pass/fail test.
// Times are CPU time of the benchmark's thread, so a busy machine blurs them less than wall time.
// Usage: herald-bench-dkim [messages] [bytes]   (defaults 2000, 5120)
#include "BenchCampaign.h"
#include "BenchOutput.h"
#include "compose/CampaignMessageComposer.h"
#include "compose/DkimKeyPair.h"
#include "compose/DkimSigner.h"

#include <QCoreApplication>
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

// The private key read from PEM (libopendkim does it for every message it signs).
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

// The RSA signature alone (OpenSSL, SHA-256 over a short digest input): the part no DKIM library can avoid.
double rsaOnly(const QByteArray& pem, int count)
{
    BIO* in = BIO_new_mem_buf(pem.constData(), int(pem.size()));
    EVP_PKEY* key = PEM_read_bio_PrivateKey(in, nullptr, nullptr, nullptr);
    BIO_free(in);
    const QByteArray input(300, 'h'); // about the size of the canonical signed headers
    unsigned char signature[512];
    const double start = cpuMicroseconds();
    for (int i = 0; i < count; ++i) {
        EVP_MD_CTX* context = EVP_MD_CTX_new();
        size_t length = sizeof signature;
        EVP_DigestSignInit(context, nullptr, EVP_sha256(), nullptr, key);
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
    const int count = argc > 1 ? QByteArray(argv[1]).toInt() : 2000;
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

    const QString domain = DkimSigner::domainOf(campaign.fromEmail);
    DkimSigner signer2048({DkimKey{domain, QStringLiteral("bench"), key2048->privateKeyPem()}});
    DkimSigner signer1024({DkimKey{domain, QStringLiteral("bench"), pem1024}});

    qint64 bytes = 0;
    run(composer, list.mid(0, qMin(200, count)), &signer2048, &bytes); // warm-up
    const double plain = run(composer, list, nullptr, &bytes);
    const qint64 plainBytes = bytes / count;
    const double signed2048 = run(composer, list, &signer2048, &bytes);
    const double signed1024 = run(composer, list, &signer1024, &bytes);
    const double rsa2048 = rsaOnly(key2048->privateKeyPem(), count);
    const double parse2048 = keyParse(key2048->privateKeyPem(), count);
    if (plain < 0 || signed2048 < 0 || signed1024 < 0)
        return 1;

    bench::print(QStringLiteral("%1 messages of %2 bytes, CPU time of one thread (%3 cores here)")
                     .arg(count)
                     .arg(plainBytes)
                     .arg(QThread::idealThreadCount()));
    bench::print(QStringLiteral("compose only:            %1 us/message  (%2 messages/s)").arg(plain, 0, 'f', 1).arg(1e6 / plain, 0, 'f', 0));
    bench::print(QStringLiteral("compose + DKIM RSA-2048: %1 us/message  (%2 messages/s); signing adds %3 us")
                     .arg(signed2048, 0, 'f', 1)
                     .arg(1e6 / signed2048, 0, 'f', 0)
                     .arg(signed2048 - plain, 0, 'f', 1));
    bench::print(QStringLiteral("compose + DKIM RSA-1024: %1 us/message  (%2 messages/s); signing adds %3 us")
                     .arg(signed1024, 0, 'f', 1)
                     .arg(1e6 / signed1024, 0, 'f', 0)
                     .arg(signed1024 - plain, 0, 'f', 1));
    bench::print(QStringLiteral("of which the RSA-2048 signature alone (OpenSSL): %1 us; reading the PEM key again, as "
                                "libopendkim does per message: %2 us")
                     .arg(rsa2048, 0, 'f', 1)
                     .arg(parse2048, 0, 'f', 1));
    bench::figure(QStringLiteral("compose_us"), plain);
    bench::figure(QStringLiteral("dkim2048_sign_us"), signed2048 - plain);
    bench::figure(QStringLiteral("dkim1024_sign_us"), signed1024 - plain);
    bench::figure(QStringLiteral("rsa2048_only_us"), rsa2048);
    bench::figure(QStringLiteral("pem2048_parse_us"), parse2048);
    return 0;
}
