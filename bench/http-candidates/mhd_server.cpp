// GNU libmicrohttpd 0.9.75: its own thread pool, one epoll loop per thread over the shared listening socket.
// (MHD_USE_TURBO measured no faster here, so it is left off.)
#include "HotPath.h"

#include <microhttpd.h>

#include <cstdlib>

namespace {

std::unique_ptr<bench::ClickHandler> clicks;
MHD_Response* notFound = nullptr;
MHD_Response* tooLarge = nullptr;

MHD_Result onRequest(void*, MHD_Connection* connection, const char* url, const char* method, const char*,
                     const char*, size_t* uploadSize, void** requestState)
{
    // MHD calls once with the head, then for each piece of body, then with *uploadSize 0. A response queued on
    // the first call makes MHD close the connection (the body stays unread): right for a refusal, wrong for a
    // redirect. MHD has no body limit of its own: refused here from the declared length (a chunked body would
    // need counting in the calls with *uploadSize > 0).
    static int headSeen;
    if (!*requestState) {
        const char* declared = MHD_lookup_connection_value(connection, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
        if (declared && std::strtoull(declared, nullptr, 10) > bench::MaxBodyBytes)
            return MHD_queue_response(connection, MHD_HTTP_CONTENT_TOO_LARGE, tooLarge);
        *requestState = &headSeen;
        return MHD_YES;
    }
    if (*uploadSize != 0) {
        *uploadSize = 0; // a body within the limit: read and ignored
        return MHD_YES;
    }
    const char* userAgent = MHD_lookup_connection_value(connection, MHD_HEADER_KIND, MHD_HTTP_HEADER_USER_AGENT);
    const std::string* target = clicks->handle(method, url, userAgent ? userAgent : "");
    if (!target)
        return MHD_queue_response(connection, MHD_HTTP_NOT_FOUND, notFound);
    // The Location differs per request, so the response does too (MHD adds Content-Length: 0).
    MHD_Response* response = MHD_create_response_from_buffer(0, nullptr, MHD_RESPMEM_PERSISTENT);
    MHD_add_response_header(response, MHD_HTTP_HEADER_LOCATION, target->c_str());
    MHD_add_response_header(response, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
    const MHD_Result queued = MHD_queue_response(connection, MHD_HTTP_FOUND, response);
    MHD_destroy_response(response);
    return queued;
}
} // namespace

int main(int argc, char** argv)
{
    bench::Options options;
    clicks = bench::startUp(argc, argv, &options);
    if (!clicks)
        return 2;
    static char notFoundBody[] = "not found";
    static char tooLargeBody[] = "request too large";
    notFound = MHD_create_response_from_buffer(sizeof notFoundBody - 1, notFoundBody, MHD_RESPMEM_PERSISTENT);
    tooLarge = MHD_create_response_from_buffer(sizeof tooLargeBody - 1, tooLargeBody, MHD_RESPMEM_PERSISTENT);
    MHD_add_response_header(tooLarge, MHD_HTTP_HEADER_CONNECTION, "close");

    const int fd = bench::listenReusePort(options.port, false);
    if (fd < 0)
        return 1;
    MHD_Daemon* daemon = MHD_start_daemon(
        MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL, 0, nullptr, nullptr, onRequest, nullptr,
        MHD_OPTION_LISTEN_SOCKET, fd, MHD_OPTION_THREAD_POOL_SIZE, static_cast<unsigned>(options.threads),
        // The per-connection memory pool: a head that does not fit gets 431 (so the cap is approximate).
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, static_cast<size_t>(2 * bench::MaxHeaderBytes),
        MHD_OPTION_CONNECTION_TIMEOUT, 30u, MHD_OPTION_END);
    if (!daemon)
        return 1;
    for (;;)
        pause();
}
