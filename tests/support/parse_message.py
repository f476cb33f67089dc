#!/usr/bin/python3
"""Parses an RFC 5322 message from stdin with Python's email package (policy.default) and prints
what a mail client would see, as JSON: decoded headers, parts with their content types and
decoded text (binary parts: their size and SHA-256 instead), the file names of attachments, the
multipart structure, and any defects the parser found. Used by tests as an independent MIME parser."""
import hashlib
import json
import sys
from email import policy
from email.parser import BytesParser

raw = sys.stdin.buffer.read()
message = BytesParser(policy=policy.default).parsebytes(raw)
parts = []
multiparts = []
for part in message.walk():
    if part.is_multipart():
        multiparts.append(part.get_content_type())
        continue
    content = part.get_content()
    entry = {
        "content_type": part.get_content_type(),
        "charset": part.get_content_charset(),
        "transfer_encoding": part.get("Content-Transfer-Encoding"),
        "content": content if isinstance(content, str) else None,
        "defects": [type(d).__name__ for d in part.defects],
    }
    if isinstance(content, bytes):
        entry["size"] = len(content)
        entry["sha256"] = hashlib.sha256(content).hexdigest()
    if part.get("Content-ID") is not None:
        entry["content_id"] = str(part.get("Content-ID"))
    if part.get_content_disposition() is not None:
        entry["disposition"] = part.get_content_disposition()
        entry["filename"] = part.get_filename()
    parts.append(entry)
longest = max(len(line) for line in raw.split(b"\r\n"))
print(json.dumps({
    "content_type": message.get_content_type(),
    "headers": {k: str(v) for k, v in message.items()},
    "parts": parts,
    "multiparts": multiparts,
    "defects": [type(d).__name__ for d in message.defects],
    "longest_line": longest,
    "bare_lf": b"\n" in raw.replace(b"\r\n", b""),
}, ensure_ascii=False))
