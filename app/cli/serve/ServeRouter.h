#pragma once

#include "HttpMessages.h"
#include "MetricsEndpoint.h"
#include "deliverability/OneClickUnsubscribe.h"
#include "engagement/TrackingRequestHandler.h"
#include "media/MediaRequestHandler.h"

#include <functional>

namespace herald::cli {

// What `herald serve` answers on each path, whatever HTTP library carries it: /healthz, the open pixel, the click
// redirect and the web view (TrackingRequestHandler), the media library's images (/m/, MediaRequestHandler), /metrics (MetricsEndpoint), and every other path the one-click unsubscribe receiver
// (OneClickUnsubscribe, as `herald unsubscribe-server` always did). Thread-safe when its handlers are.
class ServeRouter
{
public:
    // Empty when healthy, else the reason (503).
    using HealthCheck = std::function<QString()>;

    ServeRouter(TrackingRequestHandler& tracking, MediaRequestHandler& media, OneClickUnsubscribe& unsubscribe,
                MetricsEndpoint& metrics, HealthCheck health)
        : m_tracking(tracking), m_media(media), m_unsubscribe(unsubscribe), m_metrics(metrics), m_health(std::move(health))
    {
    }

    HttpReply route(const HttpRequest& request, qint64 nowMs);
    // The answer to a request over the size limit, before it is read.
    HttpReply tooLarge() const;
    // The answer to a request with a body of unknown length (chunked), which cannot be refused in time.
    HttpReply lengthRequired() const;

private:
    HttpReply health() const;
    HttpReply tracking(const HttpRequest& request, qint64 nowMs);
    HttpReply unsubscribe(const HttpRequest& request);
    HttpReply media(const HttpRequest& request);

    TrackingRequestHandler& m_tracking;
    MediaRequestHandler& m_media;
    OneClickUnsubscribe& m_unsubscribe;
    MetricsEndpoint& m_metrics;
    HealthCheck m_health;
};

} // namespace herald::cli
