#pragma once
// The click path every prototype serves, written once so the candidates differ only in their HTTP library:
// token check (base64url payload "." base64url of the first 16 bytes of HMAC-SHA256), link look-up, and one event
// record into a mutex-protected batch that a writer thread swaps out every 250 ms (standing in for the batch
// writer to PostgreSQL). Bench code only: not part of Herald's build.

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

namespace bench {

constexpr std::size_t MaxHeaderBytes = 8 * 1024; // request line and headers; more is refused
constexpr std::size_t MaxBodyBytes = 1024;       // a one-click unsubscribe POST is ~30 bytes
constexpr std::size_t SignatureBytes = 16;
constexpr int Campaigns = 50;
constexpr int LinksPerCampaign = 20;

// The installation secret: fixed here so mint_tokens and the servers agree.
inline const unsigned char* secretKey()
{
    static const unsigned char key[32] = {'h', 'e', 'r', 'a', 'l', 'd', '-', 'b', 'e', 'n', 'c', 'h', '-', 'k', 'e', 'y',
                                          1,   2,   3,   4,   5,   6,   7,   8,   9,   10,  11,  12,  13,  14,  15,  16};
    return key;
}

inline std::string base64UrlEncode(std::string_view bytes)
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    std::string out;
    std::uint32_t bits = 0;
    int count = 0;
    for (unsigned char c : bytes) {
        bits = (bits << 8) | c;
        count += 8;
        while (count >= 6) {
            count -= 6;
            out += alphabet[(bits >> count) & 63];
        }
    }
    if (count > 0)
        out += alphabet[(bits << (6 - count)) & 63];
    return out;
}

// Unpadded base64url into `out`; false on a character outside the alphabet, a bad length or too long an input.
inline bool base64UrlDecode(std::string_view text, unsigned char* out, std::size_t capacity, std::size_t* length)
{
    std::size_t n = 0;
    std::uint32_t bits = 0;
    int count = 0;
    if (text.size() % 4 == 1)
        return false;
    for (char c : text) {
        int v;
        if (c >= 'A' && c <= 'Z')
            v = c - 'A';
        else if (c >= 'a' && c <= 'z')
            v = c - 'a' + 26;
        else if (c >= '0' && c <= '9')
            v = c - '0' + 52;
        else if (c == '-')
            v = 62;
        else if (c == '_')
            v = 63;
        else
            return false;
        bits = (bits << 6) | std::uint32_t(v);
        count += 6;
        if (count >= 8) {
            count -= 8;
            if (n == capacity)
                return false;
            out[n++] = static_cast<unsigned char>(bits >> count);
        }
    }
    *length = n;
    return true;
}

// HMAC-SHA256 truncated to 16 bytes. Each thread keys one EVP_MAC context once and re-initialises it per request
// (EVP_MAC_init with no key keeps the key): a fresh context or one-shot HMAC() would fetch and key it every time.
inline void sign(std::string_view payload, unsigned char out[SignatureBytes])
{
    struct KeyedContext {
        EVP_MAC* mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
        EVP_MAC_CTX* context = EVP_MAC_CTX_new(mac);
        KeyedContext()
        {
            char digest[] = "SHA256";
            OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
                                   OSSL_PARAM_construct_end()};
            EVP_MAC_init(context, secretKey(), 32, params);
        }
        ~KeyedContext()
        {
            EVP_MAC_CTX_free(context);
            EVP_MAC_free(mac);
        }
    };
    thread_local KeyedContext keyed;
    unsigned char full[32];
    std::size_t length = 0;
    EVP_MAC_init(keyed.context, nullptr, 0, nullptr);
    EVP_MAC_update(keyed.context, reinterpret_cast<const unsigned char*>(payload.data()), payload.size());
    EVP_MAC_final(keyed.context, full, &length, sizeof full);
    std::copy(full, full + SignatureBytes, out);
}

inline std::string issueToken(std::int64_t campaign, std::int64_t link, std::int64_t send)
{
    const std::string payload = "c1." + std::to_string(campaign) + '.' + std::to_string(link) + '.' + std::to_string(send);
    unsigned char mac[SignatureBytes];
    sign(payload, mac);
    return base64UrlEncode(payload) + '.' + base64UrlEncode({reinterpret_cast<const char*>(mac), SignatureBytes});
}

struct Click {
    std::int64_t campaign = 0;
    std::int64_t link = 0;
    std::int64_t send = 0;
};

inline bool parseNumber(std::string_view& rest, std::int64_t* value, bool last)
{
    const auto [end, error] = std::from_chars(rest.data(), rest.data() + rest.size(), *value);
    if (error != std::errc() || end == rest.data())
        return false;
    rest.remove_prefix(std::size_t(end - rest.data()));
    if (last)
        return rest.empty();
    if (rest.empty() || rest.front() != '.')
        return false;
    rest.remove_prefix(1);
    return true;
}

// The click a token stands for, or false when it is malformed or its signature does not match.
inline bool verifyToken(std::string_view token, Click* click)
{
    const std::size_t dot = token.find('.');
    if (token.size() > 256 || dot == std::string_view::npos)
        return false;
    unsigned char payload[192];
    unsigned char mac[SignatureBytes + 3];
    std::size_t payloadLength = 0;
    std::size_t macLength = 0;
    if (!base64UrlDecode(token.substr(0, dot), payload, sizeof payload, &payloadLength)
        || !base64UrlDecode(token.substr(dot + 1), mac, sizeof mac, &macLength) || macLength != SignatureBytes)
        return false;
    std::string_view fields(reinterpret_cast<const char*>(payload), payloadLength);
    unsigned char expected[SignatureBytes];
    sign(fields, expected);
    if (CRYPTO_memcmp(expected, mac, SignatureBytes) != 0)
        return false;
    if (fields.substr(0, 3) != "c1.")
        return false;
    fields.remove_prefix(3);
    return parseNumber(fields, &click->campaign, false) && parseNumber(fields, &click->link, false)
        && parseNumber(fields, &click->send, true);
}

// Coarse user-agent classes the statistics keep (never the full string).
inline const char* userAgentClass(std::string_view userAgent)
{
    if (userAgent.empty())
        return "none";
    if (userAgent.find("GoogleImageProxy") != std::string_view::npos)
        return "image-proxy";
    if (userAgent.find("bot") != std::string_view::npos || userAgent.find("Bot") != std::string_view::npos)
        return "bot";
    if (userAgent.find("Mobile") != std::string_view::npos)
        return "mobile";
    if (userAgent.find("Mozilla/") != std::string_view::npos)
        return "desktop";
    return "other";
}

struct ClickEvent {
    std::int64_t campaign;
    std::int64_t link;
    std::int64_t send;
    std::int64_t unixMillis;
    std::string userAgentClass;
    std::string method;
};

// Collects events from the server threads; its own thread takes the batch every 250 ms, as the database writer
// will, and keeps the running total in `countFile` for run.sh.
class EventBatcher
{
public:
    explicit EventBatcher(std::string countFile) : m_countFile(std::move(countFile)), m_writer([this] { write(); }) {}
    ~EventBatcher()
    {
        {
            std::lock_guard<std::mutex> lock(m_stopMutex);
            m_stopping = true;
        }
        m_stop.notify_one();
        m_writer.join();
    }

    void push(ClickEvent event)
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_pending.push_back(std::move(event));
    }

private:
    void write()
    {
        std::vector<ClickEvent> batch;
        std::uint64_t total = 0;
        for (;;) {
            bool stopping;
            {
                std::unique_lock<std::mutex> lock(m_stopMutex);
                stopping = m_stop.wait_for(lock, std::chrono::milliseconds(250), [this] { return m_stopping; });
            }
            {
                std::lock_guard<std::mutex> lock(m_mutex);
                m_pending.swap(batch); // the server threads go on with the emptied vector, capacity kept
            }
            total += batch.size();
            batch.clear();
            const std::string temporary = m_countFile + ".tmp";
            if (FILE* file = std::fopen(temporary.c_str(), "w")) {
                std::fprintf(file, "%llu\n", static_cast<unsigned long long>(total));
                std::fclose(file);
                std::rename(temporary.c_str(), m_countFile.c_str());
            }
            if (stopping)
                return;
        }
    }

    std::string m_countFile;
    std::mutex m_mutex;
    std::vector<ClickEvent> m_pending;
    std::mutex m_stopMutex;
    std::condition_variable m_stop;
    bool m_stopping = false;
    std::thread m_writer;
};

// The target URL of each (campaign, link), as the command would load them at start.
class LinkTable
{
public:
    LinkTable()
    {
        for (int campaign = 1; campaign <= Campaigns; ++campaign)
            for (int link = 1; link <= LinksPerCampaign; ++link)
                m_urls.emplace(key(campaign, link), "https://www.example.org/campaign/" + std::to_string(campaign)
                                                        + "/article-" + std::to_string(link) + "?utm_source=herald");
    }

    const std::string* find(std::int64_t campaign, std::int64_t link) const
    {
        const auto found = m_urls.find(key(campaign, link));
        return found == m_urls.end() ? nullptr : &found->second;
    }

private:
    static std::uint64_t key(std::int64_t campaign, std::int64_t link)
    {
        return (std::uint64_t(campaign) << 32) ^ std::uint64_t(link);
    }
    std::unordered_map<std::uint64_t, std::string> m_urls;
};

// One request of the hot path: the Location to redirect to, or nullptr for a 404.
class ClickHandler
{
public:
    explicit ClickHandler(std::string countFile) : m_events(std::move(countFile)) {}

    // `path` is the request target; a query string after the token is ignored.
    const std::string* handle(std::string_view method, std::string_view path, std::string_view userAgent)
    {
        if (path.substr(0, 3) != "/c/")
            return nullptr;
        std::string_view token = path.substr(3);
        token = token.substr(0, token.find('?'));
        Click click;
        if (!verifyToken(token, &click))
            return nullptr;
        const std::string* url = m_links.find(click.campaign, click.link);
        if (!url)
            return nullptr;
        const auto now = std::chrono::system_clock::now().time_since_epoch();
        m_events.push({click.campaign, click.link, click.send,
                       std::chrono::duration_cast<std::chrono::milliseconds>(now).count(), userAgentClass(userAgent),
                       std::string(method)});
        return url;
    }

private:
    LinkTable m_links;
    EventBatcher m_events;
};

// A listening socket on 127.0.0.1:port with SO_REUSEPORT, so each event-loop thread can accept on its own one
// and the kernel spreads the connections; -1 on failure.
inline int listenReusePort(std::uint16_t port, bool nonBlocking = true)
{
    const int fd = socket(AF_INET, SOCK_STREAM | (nonBlocking ? SOCK_NONBLOCK : 0) | SOCK_CLOEXEC, 0);
    const int on = 1;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on) != 0
        || setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &on, sizeof on) != 0
        || bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 || listen(fd, SOMAXCONN) != 0) {
        std::perror("listen");
        if (fd >= 0)
            close(fd);
        return -1;
    }
    return fd;
}

struct Options {
    std::uint16_t port = 0;
    int threads = 2;
    std::string countFile;
};

// What every prototype starts with: `<prototype> PORT THREADS COUNT_FILE` read into `options`, SIGPIPE ignored,
// and the click handler its threads share; null after a usage message.
inline std::unique_ptr<ClickHandler> startUp(int argc, char** argv, Options* options)
{
    if (argc != 4) {
        std::fprintf(stderr, "usage: %s PORT THREADS COUNT_FILE\n", argv[0]);
        return nullptr;
    }
    options->port = static_cast<std::uint16_t>(std::stoi(argv[1]));
    options->threads = std::max(1, std::stoi(argv[2]));
    options->countFile = argv[3];
    std::signal(SIGPIPE, SIG_IGN);
    return std::make_unique<ClickHandler>(options->countFile);
}

// Runs serve(listeningSocket) on each of options.threads threads, each socket its own; returns 1 when a socket
// cannot be had, else when every thread has returned.
template <typename Serve> int serveOnThreads(const Options& options, Serve serve)
{
    std::vector<std::thread> loops;
    for (int i = 0; i < options.threads; ++i) {
        const int fd = listenReusePort(options.port);
        if (fd < 0)
            return 1;
        loops.emplace_back(serve, fd);
    }
    for (auto& loop : loops)
        loop.join();
    return 0;
}

} // namespace bench
