#!/usr/bin/python3
"""IMAP test server for Herald's tests: a real Dovecot on loopback with a configuration of its own.

Serve mode (the default): writes a dovecot.conf, a passwd-file user and a self-signed certificate into the
folder of --store, starts `dovecot -F` on a free port (imap with STARTTLS offered, plaintext login allowed
since it is loopback), prints "READY <port>" once it answers, and stops Dovecot when terminated. Messages are
delivered by writing files into <folder>/mail/<user>/new (Maildir); the mailbox is INBOX.

  --user NAME --password PW   the one account (default bounces / secret)
  --require-tls              refuse LOGIN before STARTTLS (disable_plaintext_auth = yes)

List mode (--list --port P): logs in with imaplib (an independent client) and prints one JSON line per
message of INBOX: {"uid": …, "flags": […], "message_id": "…"}.

Needs root (Dovecot switches to the mail user, nobody) or a Dovecot that may run as the caller.
"""
import argparse
import email
import imaplib
import json
import os
import pwd
import re
import signal
import socket
import ssl
import subprocess
import sys
import time


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def write(path, text, mode=0o644):
    with open(path, "w") as f:
        f.write(text)
    os.chmod(path, mode)


def serve(options):
    base = os.path.dirname(os.path.abspath(options.store))
    os.chmod(base, 0o755)  # Dovecot's processes run as other users and must enter it
    port = options.port or free_port()
    mail_user = pwd.getpwnam("nobody") if os.getuid() == 0 else pwd.getpwuid(os.getuid())
    for sub in ("run", "state", "home"):
        os.makedirs(os.path.join(base, sub), exist_ok=True)
    maildir = os.path.join(base, "mail", options.user)
    for sub in ("cur", "new", "tmp"):
        os.makedirs(os.path.join(maildir, sub), exist_ok=True)
    for root, dirs, _files in os.walk(os.path.join(base, "mail")):
        os.chown(root, mail_user.pw_uid, mail_user.pw_gid)
        os.chmod(root, 0o777)  # the test (root or not) drops messages into new/
    os.chown(os.path.join(base, "home"), mail_user.pw_uid, mail_user.pw_gid)
    cert, key = os.path.join(base, "cert.pem"), os.path.join(base, "key.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
                    "-keyout", key, "-out", cert], check=True, capture_output=True)
    os.chmod(key, 0o600)
    write(os.path.join(base, "passwd"), "%s:{PLAIN}%s::::::\n" % (options.user, options.password))
    root_user = os.getuid() == 0
    config = f"""
protocols = imap
listen = 127.0.0.1
base_dir = {base}/run
state_dir = {base}/state
log_path = {base}/dovecot.log
info_log_path = {base}/dovecot.log
ssl = yes
ssl_cert = <{cert}
ssl_key = <{key}
disable_plaintext_auth = {"yes" if options.require_tls else "no"}
auth_mechanisms = plain login
first_valid_uid = {mail_user.pw_uid}
mail_location = maildir:{base}/mail/%u
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {base}/passwd
}}
userdb {{
  driver = static
  args = uid={mail_user.pw_uid} gid={mail_user.pw_gid} home={base}/home/%u
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
service stats {{
  unix_listener stats-reader {{
    mode = 0666
  }}
  unix_listener stats-writer {{
    mode = 0666
  }}
}}
"""
    if root_user:
        config += "default_internal_user = dovecot\ndefault_login_user = dovenull\n"
    else:
        me = pwd.getpwuid(os.getuid()).pw_name
        config += f"default_internal_user = {me}\ndefault_login_user = {me}\n"
    conf = os.path.join(base, "dovecot.conf")
    write(conf, config)
    process = subprocess.Popen(["/usr/sbin/dovecot", "-F", "-c", conf], stdout=subprocess.DEVNULL, stderr=sys.stderr)

    def stop(*_):
        process.terminate()
        try:
            process.wait(5)
        except subprocess.TimeoutExpired:
            process.kill()
        sys.exit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    deadline = time.time() + 15
    while time.time() < deadline:
        if process.poll() is not None:
            sys.stderr.write(open(os.path.join(base, "dovecot.log")).read() if os.path.exists(os.path.join(base, "dovecot.log")) else "")
            sys.exit("dovecot exited with %d" % process.returncode)
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
                if s.recv(200).startswith(b"* OK"):
                    break
        except OSError:
            time.sleep(0.1)
    else:
        stop()
    print("READY %d" % port, flush=True)
    while True:
        signal.pause()


def listing(options):
    imap = imaplib.IMAP4("127.0.0.1", options.port)
    imap.starttls(ssl._create_unverified_context())
    imap.login(options.user, options.password)
    imap.select("INBOX", readonly=True)
    _, data = imap.uid("FETCH", "1:*", "(UID FLAGS BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)])")
    for item in data:
        if not isinstance(item, tuple):
            continue
        meta = item[0].decode()
        uid = int(re.search(r"UID (\d+)", meta).group(1))
        flags = re.search(r"FLAGS \(([^)]*)\)", meta).group(1).split()
        message_id = email.message_from_bytes(item[1]).get("Message-ID", "").strip()
        print(json.dumps({"uid": uid, "flags": flags, "message_id": message_id}), flush=True)
    imap.logout()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--store")
    parser.add_argument("--user", default="bounces")
    parser.add_argument("--password", default="secret")
    parser.add_argument("--require-tls", action="store_true")
    parser.add_argument("--list", action="store_true")
    options = parser.parse_args()
    if options.list:
        listing(options)
    else:
        serve(options)


if __name__ == "__main__":
    main()
