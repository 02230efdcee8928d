#!/usr/bin/env python3
"""A loopback HTTP server for the source watch tests.

Serves DOCS/NAME (the test rewrites those files between checks) at /doc/NAME with an ETag and honours
If-None-Match; every other path is a fixed misbehaviour: /status/CODE, /slow (answers after 5 s), /redirect/N
(a chain of N redirects ending at /doc/target.html), /loop (redirects to itself), /huge (50 MB, announced),
/huge-stream (50 MB without Content-Length), /pdf, /bad-utf8. Prints "PORT n" once it listens; logs each request
(path and User-Agent) to DOCS/requests.log. Binds 127.0.0.1 only.
"""
import hashlib
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

DOCS = sys.argv[1]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):
        pass

    def send(self, code, body=b"", content_type="text/html; charset=utf-8", headers=None):
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_GET(self):
        with open(os.path.join(DOCS, "requests.log"), "a") as log:
            log.write("%s %s\n" % (self.path, self.headers.get("User-Agent", "")))
        path = self.path
        if path.startswith("/doc/"):
            name = os.path.basename(path[len("/doc/"):])
            try:
                with open(os.path.join(DOCS, name), "rb") as f:
                    body = f.read()
            except OSError:
                return self.send(404, b"<p>Not found</p>")
            etag = '"%s"' % hashlib.sha256(body).hexdigest()[:16]
            if self.headers.get("If-None-Match") == etag:
                return self.send(304, headers={"ETag": etag})
            kind = "text/plain; charset=utf-8" if name.endswith(".txt") else "text/html; charset=utf-8"
            return self.send(200, body, kind, {"ETag": etag})
        if path.startswith("/status/"):
            return self.send(int(path[len("/status/"):]), b"<p>status</p>")
        if path == "/slow":
            time.sleep(5)
            return self.send(200, b"<p>too late</p>")
        if path.startswith("/redirect/"):
            n = int(path[len("/redirect/"):])
            target = "/doc/target.html" if n <= 1 else "/redirect/%d" % (n - 1)
            return self.send(302, headers={"Location": target})
        if path == "/to-file":
            return self.send(302, headers={"Location": "file:///etc/passwd"})
        if path == "/loop":
            return self.send(302, headers={"Location": "/loop"})
        if path == "/huge":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(50 * 1024 * 1024))
            self.end_headers()
            chunk = b"<p>" + b"x" * 65529 + b"</p>"
            try:
                for _ in range(50 * 16):
                    self.wfile.write(chunk)
            except OSError:
                pass
            return
        if path == "/huge-stream":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Connection", "close")
            self.end_headers()
            self.close_connection = True
            chunk = b"<p>" + b"y" * 65529 + b"</p>"
            try:
                for _ in range(50 * 16):
                    self.wfile.write(chunk)
            except OSError:
                pass
            return
        if path == "/pdf":
            return self.send(200, b"%PDF-1.4 not text", "application/pdf")
        if path == "/bad-utf8":
            return self.send(200, b"<p>Caf\xc3\x28 policy \xff\xfe text</p>")
        return self.send(404, b"<p>Not found</p>")


def exit_with_parent():
    """The test holds our stdin open; when it ends (even killed), stdin closes and the server goes too."""
    sys.stdin.read()
    os._exit(0)


threading.Thread(target=exit_with_parent, daemon=True).start()
server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
print("PORT %d" % server.server_address[1], flush=True)
server.serve_forever()
