#pragma once

#include <QByteArray>
#include <QString>

typedef void CURL;

namespace herald {

// The libcurl options every transport sets the same way on its handle: timeouts that work in threads,
// TCP keep-alive, certificate checks, and the text of a failed transfer.
struct CurlOptions
{
    int connectTimeoutMs = 10000;
    int timeoutMs = 60000;
    bool verifyCertificate = true;
    QByteArray caFile; // extra CA bundle; empty for the system's

    // `errorBuffer` (CURL_ERROR_SIZE bytes) must live as long as the handle.
    void apply(CURL* handle, char* errorBuffer) const;
    // libcurl's own words for a failed transfer: the error buffer's detail, or the code's text.
    static QString failureText(int curlCode, const char* errorBuffer);
};

} // namespace herald
