#include "CurlOptions.h"

#include <curl/curl.h>

namespace herald {

void CurlOptions::apply(CURL* handle, char* errorBuffer) const
{
    curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L); // threads: no SIGALRM for timeouts
    curl_easy_setopt(handle, CURLOPT_CONNECTTIMEOUT_MS, long(connectTimeoutMs));
    curl_easy_setopt(handle, CURLOPT_TIMEOUT_MS, long(timeoutMs));
    curl_easy_setopt(handle, CURLOPT_TCP_KEEPALIVE, 1L);
    curl_easy_setopt(handle, CURLOPT_ERRORBUFFER, errorBuffer);
    curl_easy_setopt(handle, CURLOPT_SSL_VERIFYPEER, verifyCertificate ? 1L : 0L);
    curl_easy_setopt(handle, CURLOPT_SSL_VERIFYHOST, verifyCertificate ? 2L : 0L);
    if (!caFile.isEmpty())
        curl_easy_setopt(handle, CURLOPT_CAINFO, caFile.constData());
}

QString CurlOptions::failureText(int curlCode, const char* errorBuffer)
{
    const QString detail = QString::fromUtf8(errorBuffer).trimmed();
    return detail.isEmpty() ? QString::fromUtf8(curl_easy_strerror(CURLcode(curlCode))) : detail;
}

} // namespace herald
