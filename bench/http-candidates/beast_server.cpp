// Boost.Beast 1.74 (header-only, on Boost.Asio): one io_context per thread, each with its own SO_REUSEPORT
// acceptor; a session per connection reading requests with a size-limited parser, as Beast's examples do.
#include "HotPath.h"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <optional>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

constexpr auto IdleTimeout = std::chrono::seconds(30);
std::unique_ptr<bench::ClickHandler> clicks;

class Session : public std::enable_shared_from_this<Session>
{
public:
    explicit Session(tcp::socket socket) : m_stream(std::move(socket)) {}

    void readRequest()
    {
        m_parser.emplace();
        m_parser->header_limit(bench::MaxHeaderBytes); // over the limits: an error, answered with 413 below
        m_parser->body_limit(bench::MaxBodyBytes);
        m_stream.expires_after(IdleTimeout);
        http::async_read(m_stream, m_buffer, *m_parser,
                         [self = shared_from_this()](beast::error_code error, std::size_t) { self->onRead(error); });
    }

private:
    void onRead(beast::error_code error)
    {
        if (error == http::error::header_limit || error == http::error::body_limit)
            return answer(http::status::payload_too_large, nullptr, false);
        if (error)
            return close();
        const http::request<http::string_body>& request = m_parser->get();
        const auto agent = request.find(http::field::user_agent);
        const beast::string_view target = request.target();
        const beast::string_view method = request.method_string();
        const std::string* url = clicks->handle({method.data(), method.size()}, {target.data(), target.size()},
                                                agent == request.end() ? std::string_view()
                                                                       : std::string_view(agent->value().data(),
                                                                                          agent->value().size()));
        answer(url ? http::status::found : http::status::not_found, url, request.keep_alive());
    }

    void answer(http::status status, const std::string* url, bool keepAlive)
    {
        m_response = {};
        m_response.result(status);
        if (url) {
            m_response.set(http::field::location, *url);
            m_response.set(http::field::cache_control, "no-store");
        }
        m_response.keep_alive(keepAlive);
        m_response.content_length(0);
        http::async_write(m_stream, m_response, [self = shared_from_this()](beast::error_code error, std::size_t) {
            if (error || !self->m_response.keep_alive())
                return self->close();
            self->readRequest();
        });
    }

    void close()
    {
        beast::error_code ignored;
        m_stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    }

    beast::tcp_stream m_stream;
    beast::flat_buffer m_buffer;
    std::optional<http::request_parser<http::string_body>> m_parser;
    http::response<http::empty_body> m_response;
};

void accept(tcp::acceptor& acceptor)
{
    acceptor.async_accept([&acceptor](beast::error_code error, tcp::socket socket) {
        if (!error) {
            socket.set_option(tcp::no_delay(true));
            std::make_shared<Session>(std::move(socket))->readRequest();
        }
        accept(acceptor);
    });
}

void serve(int fd)
{
    asio::io_context context(1);
    tcp::acceptor acceptor(context, tcp::v4(), fd);
    accept(acceptor);
    context.run();
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
