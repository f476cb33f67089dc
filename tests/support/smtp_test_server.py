#!/usr/bin/python3
"""SMTP test server for Herald's tests (aiosmtpd on loopback).

Records every accepted message as one JSON line in --store (message id, envelope, size) and injects
faults chosen by the recipient's local part, so a test can say what each address should suffer:

  +p550     550 5.1.1 at RCPT (no such user: a hard bounce)
  +p553     553 5.1.3 at RCPT
  +p554d    554 5.7.1 at end of DATA (content rejected)
  +t451     451 4.3.0 at RCPT, always
  +t452     452 4.2.2 at RCPT (mailbox full), always
  +t421     421 4.7.0 at RCPT and the connection is closed (throttling)
  +onceNNN  reply NNN (a 4xx) the first time this address is tried, accept afterwards
  +drop     connection dropped at RCPT without a reply
  +dropdata connection dropped after the message data, before the reply (outcome unknown to the sender)
  +slowN    wait N seconds before replying to DATA

Options: --port (0 picks a free one), --store FILE, --keep-data (the record carries the message's bytes,
base64, as "data"), --pipelining (PIPELINING offered: RFC 2920), --tls-cert/--tls-key (STARTTLS offered),
--require-tls, --implicit-tls (SMTPS), --auth USER:PASSWORD. Prints "READY <port>" when listening and
runs until terminated.
"""
import argparse
import asyncio
import base64
import json
import re
import signal
import socket
import ssl
import sys
import threading
import time
from email.parser import BytesHeaderParser

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


class RecordingHandler:
    def __init__(self, store, keep_data=False, pipelining=False):
        self.store = open(store, "a", buffering=1) if store else None
        self.keep_data = keep_data
        self.pipelining = pipelining
        self.lock = threading.Lock()
        self.tries = {}
        self.queued = 0

    @staticmethod
    def local(address):
        return address.rsplit("@", 1)[0]

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        # aiosmtpd reads commands one line after the other, so pipelined ones (RFC 2920) work; it only does
        # not say so unless asked.
        session.host_name = hostname
        if self.pipelining:
            responses.insert(1, "250-PIPELINING")
        return responses

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = self.local(address)
        with self.lock:
            self.tries[address] = self.tries.get(address, 0) + 1
            first_try = self.tries[address] == 1
        once = re.search(r"\+once(\d{3})", local)
        if once and first_try:
            return f"{once.group(1)} 4.3.0 Temporary failure, try again"
        if "+p550" in local:
            return "550 5.1.1 <%s>: Recipient address rejected: User unknown" % address
        if "+p553" in local:
            return "553 5.1.3 Bad destination mailbox address syntax"
        if "+t451" in local:
            return "451 4.3.0 Temporary local problem, try again later"
        if "+t452" in local:
            return "452 4.2.2 Mailbox full"
        if "+t421" in local:
            asyncio.get_running_loop().call_soon(server.transport.close)
            return "421 4.7.0 Too many messages, slow down; closing connection"
        if "+drop" in local and "+dropdata" not in local:
            server.transport.close()
            return None
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server, session, envelope):
        recipients = envelope.rcpt_tos
        slow = [re.search(r"\+slow(\d+)", self.local(r)) for r in recipients]
        for match in slow:
            if match:
                await asyncio.sleep(int(match.group(1)))
        if any("+dropdata" in self.local(r) for r in recipients):
            server.transport.close()
            return None
        if any("+p554d" in self.local(r) for r in recipients):
            return "554 5.7.1 Message content rejected"
        headers = BytesHeaderParser().parsebytes(envelope.original_content or envelope.content)
        with self.lock:
            self.queued += 1
            queue_id = "Q%dN%d" % (int(time.time()), self.queued)  # unique, as a real server's queue id
        record = {
            "message_id": headers.get("Message-ID", ""),
            "queue_id": queue_id,
            "mail_from": envelope.mail_from,
            "rcpt_tos": recipients,
            "size": len(envelope.original_content or envelope.content),
            "subject": str(headers.get("Subject", "")),
            "tls": session.ssl is not None,
            "auth": session.authenticated,
            "peer": "%s:%d" % tuple(session.peer[:2]),
            "at": time.time(),
            # What the client sent after the message's final dot before hearing the reply (the next message's
            # envelope, pipelined with this data) is already read and waiting.
            "followed_by_commands": bool(getattr(server._reader, "_buffer", b"")),
        }
        if self.keep_data:
            record["data"] = base64.b64encode(envelope.original_content or envelope.content).decode("ascii")
        if self.store:
            with self.lock:
                self.store.write(json.dumps(record) + "\n")
        return "250 2.0.0 Ok: queued as %s" % queue_id


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class TestController(Controller):
    def __init__(self, handler, options, tls_context):
        self.options = options
        self.tls_context = tls_context
        kwargs = {}
        if options.implicit_tls:
            kwargs["ssl_context"] = tls_context
        super().__init__(handler, hostname="127.0.0.1", port=options.port, **kwargs)

    def factory(self):
        auth = None
        if self.options.auth:
            user, password = self.options.auth.split(":", 1)

            def authenticator(server, session, envelope, mechanism, auth_data):
                ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user \
                    and auth_data.password.decode() == password
                return AuthResult(success=ok, handled=False)
            auth = authenticator
        return SMTP(self.handler,
                    hostname="herald-test-smtp.example",
                    ident="Herald test SMTP server",
                    tls_context=None if self.options.implicit_tls else self.tls_context,
                    require_starttls=self.options.require_tls,
                    auth_required=bool(self.options.auth),
                    auth_require_tls=bool(self.tls_context),
                    authenticator=auth,
                    timeout=30)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--store")
    parser.add_argument("--tls-cert")
    parser.add_argument("--tls-key")
    parser.add_argument("--require-tls", action="store_true")
    parser.add_argument("--implicit-tls", action="store_true")
    parser.add_argument("--auth")
    parser.add_argument("--keep-data", action="store_true")
    parser.add_argument("--pipelining", action="store_true")
    options = parser.parse_args()
    if options.port == 0:
        options.port = free_port()
    tls_context = None
    if options.tls_cert:
        tls_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        tls_context.load_cert_chain(options.tls_cert, options.tls_key)
    controller = TestController(RecordingHandler(options.store, options.keep_data, options.pipelining), options, tls_context)
    controller.start()
    print("READY %d" % options.port, flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    while not stop.wait(0.5):
        pass
    controller.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
