#!/usr/bin/python3
"""Independent DKIM check of a message for Herald's tests (python3-dkim, not Herald's signer nor libopendkim).

  dkim_verify.py MESSAGE_FILE ZONE_FILE

ZONE_FILE is the JSON the DNS test server reads ({"name": ["txt value"]}); the verifier's DNS lookups are
answered from it instead of the network. Every DKIM-Signature is checked (ed25519-sha256 needs python3-nacl).
Prints one JSON line {"verified": bool, "headers": [signed header names], "domain", "selector", "algorithm",
"canonicalization", "error"} for the first signature, with "signatures": [the same for each] and "verified" true only
when every signature verifies; exits 0 then, 1 when one does not (or there is none).
"""
import json
import logging
import sys

import dkim


def main():
    message = open(sys.argv[1], "rb").read()
    with open(sys.argv[2]) as f:
        zone = {name.lower().rstrip("."): values for name, values in json.load(f).items()}

    def dnsfunc(name, timeout=5):
        values = zone.get(name.decode("ascii").lower().rstrip("."))
        return values[0].encode("ascii") if values else None

    log = logging.getLogger("dkim")
    errors = []

    class Collect(logging.Handler):
        def emit(self, record):
            errors.append(record.getMessage())

    log.addHandler(Collect())
    log.setLevel(logging.DEBUG)
    verifier = dkim.DKIM(message, logger=log)
    count = sum(1 for name, _ in verifier.headers if name.lower() == b"dkim-signature")
    signatures = []
    for index in range(count):
        del errors[:]
        try:
            verified = verifier.verify(idx=index, dnsfunc=dnsfunc)
        except dkim.DKIMException as error:
            verified = False
            errors.append(str(error))
        signature = verifier.signature_fields or {}
        signatures.append({
            "verified": bool(verified),
            "headers": [h.decode().strip().lower() for h in signature.get(b"h", b"").split(b":") if h],
            "domain": signature.get(b"d", b"").decode(),
            "selector": signature.get(b"s", b"").decode(),
            "algorithm": signature.get(b"a", b"").decode(),
            "canonicalization": signature.get(b"c", b"").decode(),
            "error": "; ".join(errors[-3:]),
        })
    result = dict(signatures[0]) if signatures else {"verified": False, "error": "no DKIM-Signature"}
    result["verified"] = bool(signatures) and all(s["verified"] for s in signatures)
    result["signatures"] = signatures
    verified = result["verified"]
    print(json.dumps(result))
    return 0 if verified else 1


if __name__ == "__main__":
    sys.exit(main())
