// h2o 2.2.5 (libh2o-evloop): one evloop and h2o context per thread, each accepting on its own SO_REUSEPORT socket.
#include "HotPath.h"

#define H2O_USE_LIBUV 0
#include <h2o.h>

namespace {

h2o_globalconf_t config;
std::unique_ptr<bench::ClickHandler> clicks;

int onRequest(h2o_handler_t*, h2o_req_t* req)
{
    const ssize_t agentAt = h2o_find_header(&req->headers, H2O_TOKEN_USER_AGENT, -1);
    const std::string_view userAgent
        = agentAt < 0 ? std::string_view() : std::string_view(req->headers.entries[agentAt].value.base,
                                                              req->headers.entries[agentAt].value.len);
    const std::string* url = clicks->handle({req->method.base, req->method.len}, {req->path.base, req->path.len},
                                            userAgent);
    if (!url) {
        h2o_send_error_404(req, "Not Found", "not found", 0);
        return 0;
    }
    req->res.status = 302;
    req->res.reason = "Found";
    h2o_add_header(&req->pool, &req->res.headers, H2O_TOKEN_LOCATION, nullptr, url->data(), url->size());
    h2o_add_header(&req->pool, &req->res.headers, H2O_TOKEN_CACHE_CONTROL, nullptr, H2O_STRLIT("no-store"));
    req->res.content_length = 0; // h2o_send_inline leaves it unset, and h2o would then close the connection
    h2o_send_inline(req, "", 0);
    return 0;
}

void onAccept(h2o_socket_t* listener, const char* error)
{
    if (error)
        return;
    if (h2o_socket_t* sock = h2o_evloop_socket_accept(listener))
        h2o_accept(static_cast<h2o_accept_ctx_t*>(listener->data), sock);
}

void serve(int fd)
{
    h2o_context_t context;
    h2o_context_init(&context, h2o_evloop_create(), &config);
    h2o_accept_ctx_t acceptContext{};
    acceptContext.ctx = &context;
    acceptContext.hosts = config.hosts;
    h2o_socket_t* listener = h2o_evloop_socket_create(context.loop, fd, H2O_SOCKET_FLAG_DONT_READ);
    listener->data = &acceptContext;
    h2o_socket_read_start(listener, onAccept);
    while (h2o_evloop_run(context.loop, INT32_MAX) == 0) {
    }
}
} // namespace

int main(int argc, char** argv)
{
    bench::Options options;
    clicks = bench::startUp(argc, argv, &options);
    if (!clicks)
        return 2;

    h2o_config_init(&config);
    // Bodies over the limit get 413. The request-head limit is compiled in (H2O_MAX_REQLEN, about 417 KB).
    config.max_request_entity_size = bench::MaxBodyBytes;
    h2o_hostconf_t* host = h2o_config_register_host(&config, h2o_iovec_init(H2O_STRLIT("default")), 65535);
    h2o_pathconf_t* root = h2o_config_register_path(host, "/", 0);
    h2o_create_handler(root, sizeof(h2o_handler_t))->on_req = onRequest;
    return bench::serveOnThreads(options, serve);
}
