// libevent 2.1 evhttp: one event_base and evhttp per thread, each accepting on its own SO_REUSEPORT socket.
#include "HotPath.h"

#include <event2/buffer.h>
#include <event2/event.h>
#include <event2/http.h>
#include <event2/keyvalq_struct.h>

namespace {

std::unique_ptr<bench::ClickHandler> clicks;

std::string_view methodName(evhttp_cmd_type command)
{
    switch (command) {
    case EVHTTP_REQ_GET:
        return "GET";
    case EVHTTP_REQ_HEAD:
        return "HEAD";
    case EVHTTP_REQ_POST:
        return "POST";
    default:
        return "OTHER";
    }
}

void onRequest(evhttp_request* request, void*)
{
    const char* userAgent = evhttp_find_header(evhttp_request_get_input_headers(request), "User-Agent");
    const std::string* url = clicks->handle(methodName(evhttp_request_get_command(request)),
                                            evhttp_request_get_uri(request), userAgent ? userAgent : "");
    if (!url) {
        evhttp_send_error(request, HTTP_NOTFOUND, nullptr);
        return;
    }
    evkeyvalq* headers = evhttp_request_get_output_headers(request);
    evhttp_add_header(headers, "Location", url->c_str());
    evhttp_add_header(headers, "Cache-Control", "no-store");
    evhttp_send_reply(request, 302, "Found", nullptr); // adds Content-Length: 0
}

void serve(int fd)
{
    event_base* base = event_base_new();
    evhttp* http = evhttp_new(base);
    // Over these evhttp answers 413 (body) or 400 (head) and closes the connection.
    evhttp_set_max_headers_size(http, bench::MaxHeaderBytes);
    evhttp_set_max_body_size(http, bench::MaxBodyBytes);
    evhttp_set_gencb(http, onRequest, nullptr);
    if (evhttp_accept_socket(http, fd) != 0)
        return;
    event_base_dispatch(base);
}
} // namespace

int main(int argc, char** argv)
{
    bench::Options options;
    clicks = bench::startUp(argc, argv, &options);
    if (!clicks)
        return 2;
    return bench::serveOnThreads(options, serve);
}
