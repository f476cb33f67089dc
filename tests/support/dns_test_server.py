#!/usr/bin/python3
"""Authoritative DNS test server for Herald's sender domain checks (dnspython, UDP and TCP).

Qt 6.4's QDnsLookup::setNameserver() takes an address but always asks port 53, so this server listens on
port 53 of a loopback address nothing else uses (127.0.0.77 by default; all of 127.0.0.0/8 reaches the
loopback interface on Linux, no setup needed). Binding port 53 needs root (or CAP_NET_BIND_SERVICE), as
the tests run.

--zone FILE is JSON: {"name": ["txt value", ...], ...}. A listed name answers its TXT values (split into
255-byte strings, as a long DKIM key is published); a name listed with [] exists but has no TXT record
(NOERROR, empty answer); any other name is NXDOMAIN. A name listed as "SERVFAIL" answers SERVFAIL.
The file is read again when it changes, so a test can publish a record while the server runs.
Every question is recorded in --store as one JSON line {"name", "type"}. Prints "READY 53" when listening.
"""
import argparse
import ctypes
import json
import os
import signal
import socket
import socketserver
import sys
import threading

import dns.flags
import dns.message
import dns.name
import dns.rcode
import dns.rdataclass
import dns.rdatatype
import dns.rdtypes.ANY.TXT
import dns.rrset


class Zone:
    def __init__(self, path, store):
        self.path = path
        self.loaded = None
        self.records = {}
        self.store = open(store, "a", buffering=1) if store else None
        self.lock = threading.Lock()
        self.reload()

    def reload(self):
        # A test may rewrite the zone file while the server runs (a record published after a key is made).
        info = os.stat(self.path)
        stamp = (info.st_ino, info.st_mtime_ns)
        if stamp != self.loaded:
            with open(self.path) as f:
                self.records = {name.lower().rstrip("."): values for name, values in json.load(f).items()}
            self.loaded = stamp

    def answer(self, wire):
        with self.lock:
            self.reload()
        query = dns.message.from_wire(wire)
        response = dns.message.make_response(query)
        response.flags |= dns.flags.AA
        question = query.question[0]
        name = question.name.to_text(omit_final_dot=True).lower()
        if self.store:
            with self.lock:
                self.store.write(json.dumps({"name": name, "type": dns.rdatatype.to_text(question.rdtype)}) + "\n")
        values = self.records.get(name)
        if values == "SERVFAIL":
            response.set_rcode(dns.rcode.SERVFAIL)
            return response.to_wire()
        if values is None:
            response.set_rcode(dns.rcode.NXDOMAIN)
        if not values or question.rdtype != dns.rdatatype.TXT:
            # A negative answer carries the zone's SOA (RFC 2308), as every real authoritative server sends it.
            apex = dns.name.from_text(".".join(name.split(".")[-2:]))
            response.authority.append(dns.rrset.from_text(
                apex, 60, "IN", "SOA", "ns.%s hostmaster.%s 1 3600 600 86400 60" % (apex, apex)))
        else:
            rrset = dns.rrset.RRset(question.name, dns.rdataclass.IN, dns.rdatatype.TXT)
            for value in values:
                data = value.encode("utf-8")
                strings = [data[i:i + 255] for i in range(0, len(data), 255)] or [b""]
                rrset.add(dns.rdtypes.ANY.TXT.TXT(dns.rdataclass.IN, dns.rdatatype.TXT, strings), 60)
            response.answer.append(rrset)
        return response.to_wire()


def die_with_parent():
    # Port 53 of the address is ours alone: a test that crashes must not leave the server holding it.
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except OSError:
        pass


def main():
    die_with_parent()
    parser = argparse.ArgumentParser()
    parser.add_argument("--address", default="127.0.0.77")
    parser.add_argument("--port", type=int, default=53)
    parser.add_argument("--zone", required=True)
    parser.add_argument("--store")
    options = parser.parse_args()
    zone = Zone(options.zone, options.store)

    class Udp(socketserver.BaseRequestHandler):
        def handle(self):
            data, sock = self.request
            sock.sendto(zone.answer(data), self.client_address)

    class Tcp(socketserver.StreamRequestHandler):
        def handle(self):
            length = int.from_bytes(self.rfile.read(2), "big")
            reply = zone.answer(self.rfile.read(length))
            self.wfile.write(len(reply).to_bytes(2, "big") + reply)

    socketserver.ThreadingUDPServer.allow_reuse_address = True
    socketserver.ThreadingTCPServer.allow_reuse_address = True
    try:
        udp = socketserver.ThreadingUDPServer((options.address, options.port), Udp)
        tcp = socketserver.ThreadingTCPServer((options.address, options.port), Tcp)
    except OSError as error:
        print("cannot listen on %s:%d: %s" % (options.address, options.port, error), file=sys.stderr, flush=True)
        return 1
    for server in (udp, tcp):
        threading.Thread(target=server.serve_forever, daemon=True).start()
    print("READY %d" % options.port, flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    while not stop.wait(0.5):
        pass
    udp.shutdown()
    tcp.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
