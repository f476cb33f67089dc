#include "MailTransport.h"

#include <curl/curl.h>

namespace herald {

DeliveryOutcome MailTransport::send(const OutgoingMessage& message)
{
    CURL* handle = begin(message);
    return finish(curl_easy_perform(handle));
}

} // namespace herald
