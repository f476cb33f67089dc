#!/usr/bin/python3
"""Parses an RFC 5322 message from stdin with Python's email package (policy.default) and prints
what a mail client would see, as JSON: decoded headers, parts with their content types and
decoded text, and any defects the parser found. Used by tests as an independent MIME parser."""
import json
import sys
from email import policy
from email.parser import BytesParser

raw = sys.stdin.buffer.read()
message = BytesParser(policy=policy.default).parsebytes(raw)
parts = []
for part in message.walk():
    if part.is_multipart():
        continue
    parts.append({
        "content_type": part.get_content_type(),
        "charset": part.get_content_charset(),
        "transfer_encoding": part.get("Content-Transfer-Encoding"),
        "content": part.get_content(),
        "defects": [type(d).__name__ for d in part.defects],
    })
longest = max(len(line) for line in raw.split(b"\r\n"))
print(json.dumps({
    "content_type": message.get_content_type(),
    "headers": {k: str(v) for k, v in message.items()},
    "parts": parts,
    "defects": [type(d).__name__ for d in message.defects],
    "longest_line": longest,
    "bare_lf": b"\n" in raw.replace(b"\r\n", b""),
}, ensure_ascii=False))
