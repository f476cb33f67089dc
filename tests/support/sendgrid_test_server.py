#!/usr/bin/python3
"""SendGrid v3 API test server for Herald's tests (Python standard library only, HTTP/1.1 on loopback).

Checks every request to POST /v3/mail/send as strictly as the documented shape allows: method, path,
"Authorization: Bearer <key>", "Content-Type: application/json", the required JSON fields and their
types, and content parts in order (text/plain before text/html). A request of the wrong shape gets
400 with SendGrid's body, {"errors": [{"message": ..., "field": ..., "help": null}]}; a wrong key gets
401. Accepted requests are appended to --store as JSON lines (the body, the peer's address and port,
the X-Message-Id given), so a test can count TCP connections by their client ports.

Faults are chosen by the first recipient's local part:

  +h429       429 with Retry-After: 7 (seconds)
  +h429date   429 with Retry-After as an HTTP date 7 seconds ahead
  +h429reset  429 with only X-RateLimit-Reset (epoch seconds, 7 ahead), as SendGrid itself sends
  +h400       400 with an error message for personalizations.0.to.0.email
  +h403       403 (the key lacks the mail.send permission)
  +h413       413 payload too large
  +h500       500, +h503 503
  +slowN      wait N seconds, then accept
  +drop       read the whole request, then close the connection without an answer

Anything else gets 202 with an X-Message-Id. GET /v3/scopes answers {"scopes": [...]} (--scopes, comma
separated) for the right key. Options: --port (0 picks a free one), --key, --store FILE, --scopes.
Prints "READY <port>" when listening and runs until terminated.
"""
import argparse
import email.utils
import json
import re
import secrets
import signal
import socket
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

RESERVED_HEADERS = {"x-sg-id", "x-sg-eid", "received", "dkim-signature", "content-type",
                    "content-transfer-encoding", "to", "from", "subject", "reply-to", "cc", "bcc"}
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class ShapeError(Exception):
    def __init__(self, field, message):
        super().__init__(message)
        self.field = field
        self.message = message


def require(condition, field, message):
    if not condition:
        raise ShapeError(field, message)


def check_email_object(value, field):
    require(isinstance(value, dict), field, "The %s must be an object with an email." % field)
    unknown = sorted(set(value) - {"email", "name"})
    require(not unknown, field, "Unknown fields in %s: %s." % (field, unknown))
    address = value.get("email")
    require(isinstance(address, str) and EMAIL.match(address), field + ".email",
            "The %s.email does not contain a valid address." % field)
    if "name" in value:
        require(isinstance(value["name"], str), field + ".name", "The %s.name must be a string." % field)


def check_string_map(value, field):
    require(isinstance(value, dict), field, "The %s must be an object." % field)
    for key, item in value.items():
        require(isinstance(item, str), "%s.%s" % (field, key), "The %s values must be strings." % field)


def check_headers(value, field):
    check_string_map(value, field)
    for key in value:
        require(key.lower() not in RESERVED_HEADERS, "%s.%s" % (field, key),
                "The following header is reserved and cannot be used: %s" % key)


def check_mail_send(body):
    """Raises ShapeError for the first problem, like SendGrid's own validation."""
    require(isinstance(body, dict), None, "The request body must be a JSON object.")
    personalizations = body.get("personalizations")
    require(isinstance(personalizations, list) and personalizations, "personalizations",
            "You must have at least one personalization.")
    for i, item in enumerate(personalizations):
        field = "personalizations.%d" % i
        require(isinstance(item, dict), field, "Each personalization must be an object.")
        to = item.get("to")
        require(isinstance(to, list) and to, field + ".to",
                "The to parameter is required for all personalization objects.")
        for j, recipient in enumerate(to):
            check_email_object(recipient, "%s.to.%d" % (field, j))
        if "headers" in item:
            check_headers(item["headers"], field + ".headers")
        if "custom_args" in item:
            check_string_map(item["custom_args"], field + ".custom_args")
    require("from" in body, "from", "The from object must be provided for every email send.")
    check_email_object(body["from"], "from")
    if "reply_to" in body:
        check_email_object(body["reply_to"], "reply_to")
    subject = body.get("subject")
    require(isinstance(subject, str) and subject, "subject", "The subject is required.")
    content = body.get("content")
    require(isinstance(content, list) and content, "content", "Unless a valid template_id is provided, the content "
            "parameter is required. There must be at least one defined content block.")
    types = []
    for i, part in enumerate(content):
        field = "content.%d" % i
        require(isinstance(part, dict) and set(part) == {"type", "value"}, field,
                "Each content block must have exactly a type and a value.")
        require(isinstance(part["type"], str) and part["type"], field + ".type", "The content type must be a string.")
        require(isinstance(part["value"], str) and part["value"], field + ".value",
                "The content value must be a string at least one character in length.")
        types.append(part["type"])
    require(len(set(types)) == len(types), "content", "Each content type may be given once.")
    if "text/plain" in types:
        require(types[0] == "text/plain", "content.0.type",
                "If present, text/plain must be first, followed by any other content.")
    if "text/html" in types and "text/plain" in types:
        require(types.index("text/html") > types.index("text/plain"), "content",
                "If present, text/plain and text/html may only be provided in that order.")
    if "headers" in body:
        check_headers(body["headers"], "headers")
    if "custom_args" in body:
        check_string_map(body["custom_args"], "custom_args")


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: one TCP connection carries many requests
    server_version = "HeraldSendGridTest/1"

    def log_message(self, format, *args):  # quiet: the test's output is the test's
        pass

    def answer(self, status, body=None, headers=None):
        payload = b"" if body is None else json.dumps(body).encode()
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if body is not None:
            self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def errors(self, status, message, field=None, headers=None):
        self.answer(status, {"errors": [{"message": message, "field": field, "help": None}]}, headers)

    def authorized(self):
        if self.headers.get("Authorization") == "Bearer " + self.server.options.key:
            return True
        self.errors(401, "The provided authorization grant is invalid, expired, or revoked")
        return False

    def read_body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def do_GET(self):
        self.read_body()
        if self.path != "/v3/scopes":
            self.errors(404, "resource not found")
            return
        if self.authorized():
            scopes = [s for s in self.server.options.scopes.split(",") if s]
            self.answer(200, {"scopes": scopes})

    def do_POST(self):
        raw = self.read_body()
        if self.path != "/v3/mail/send":
            self.errors(404, "resource not found")
            return
        if not self.authorized():
            return
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if content_type != "application/json":
            self.errors(415, "Content-Type should be application/json.")
            return
        try:
            body = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as error:
            self.errors(400, "Bad Request: the body is not valid JSON (%s)" % error)
            return
        try:
            check_mail_send(body)
        except ShapeError as problem:
            self.errors(400, problem.message, problem.field)
            return
        local = body["personalizations"][0]["to"][0]["email"].rsplit("@", 1)[0]
        if self.fault(local):
            return
        message_id = secrets.token_urlsafe(16)
        record = {
            "body": body,
            "peer": "%s:%d" % self.client_address[:2],
            "content_type": self.headers.get("Content-Type"),
            "message_id": message_id,
            "at": time.time(),
        }
        with self.server.lock:
            if self.server.store:
                self.server.store.write(json.dumps(record) + "\n")
        self.answer(202, None, {"X-Message-Id": message_id})

    def fault(self, local):
        """Answers a fault chosen by the recipient's local part; False when there is none."""
        ahead = int(time.time()) + 7
        if "+h429date" in local:
            self.errors(429, "too many requests", headers={"Retry-After": email.utils.formatdate(ahead, usegmt=True)})
        elif "+h429reset" in local:
            self.errors(429, "too many requests", headers={"X-RateLimit-Reset": str(ahead)})
        elif "+h429" in local:
            self.errors(429, "too many requests", headers={"Retry-After": "7"})
        elif "+h400" in local:
            self.errors(400, "Does not contain a valid address.", "personalizations.0.to.0.email")
        elif "+h403" in local:
            self.errors(403, "access forbidden")
        elif "+h413" in local:
            self.errors(413, "The JSON payload you have included in your request is too large.")
        elif "+h500" in local:
            self.errors(500, "Internal server error")
        elif "+h503" in local:
            self.errors(503, "Service unavailable")
        elif "+drop" in local:
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
        else:
            slow = re.search(r"\+slow(\d+)", local)
            if slow:
                time.sleep(int(slow.group(1)))
            return False
        return True


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, options):
        super().__init__(("127.0.0.1", options.port), Handler)
        self.options = options
        self.lock = threading.Lock()
        self.store = open(options.store, "a", buffering=1) if options.store else None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--key", default="SG.test-key")
    parser.add_argument("--store")
    parser.add_argument("--scopes", default="mail.send,user.profile.read")
    options = parser.parse_args()
    server = Server(options)
    print("READY %d" % server.server_address[1], flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    while not stop.wait(0.5):
        pass
    server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
