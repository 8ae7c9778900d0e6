#!/usr/bin/env python3
"""A small HTTP/1.1 server on loopback for the tests and benchmarks of `http:` steps.

Usage: http-test-server.py [--port N] [--port-file PATH] [--pid-file PATH] [--lifetime S]
                           [--exit-with-parent] [--tls CERT KEY]
Listens on 127.0.0.1 (port 0 picks a free one), writes the port to PATH once it listens,
and serves until killed, until S seconds have passed (default 600), or, with
--exit-with-parent, until the process that started it ends:
  /status/N        status N, body "status N"
  /html            text/html "<h1>Hello runbook</h1>"
  /json            a JSON document
  /echo            (any method) JSON with the method, path, headers (lower-cased) and body
  /redirect/N      302 to /redirect/N-1; /redirect/0 answers "arrived"
  /redirect-loop   302 to itself
  /sleep/S         waits S seconds, then "slept"
  /stall           sends the headers and part of the body, then waits for 300 s
  /big/N           N bytes of 100-byte lines, streamed
  /close           closes the connection without answering
  /headers         X-Custom and two Set-Cookie headers
"""
import json
import os
import socket
import ssl
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

DOCUMENT = {"name": "runbook", "version": 1, "items": [1, 2, 3], "nested": {"ok": True, "tags": ["a", "b"]}}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in separate writes: without TCP_NODELAY, Nagle's algorithm holds the
    # body of every response after the first on a kept-alive connection until the client's delayed
    # ACK (about 40 ms). Real servers set it too.
    disable_nagle_algorithm = True

    def log_message(self, *args):
        pass

    def send_text(self, status, body, content_type="text/plain; charset=utf-8", extra=()):
        data = body.encode() if isinstance(body, str) else body
        if status in (204, 304):
            data = b""
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        for name, value in extra:
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def handle_any(self):
        path = self.path.split("?")[0]
        parts = path.strip("/").split("/")
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8", "replace") if length else ""
        if parts[0] == "status" and len(parts) == 2:
            self.send_text(int(parts[1]), "status %s\n" % parts[1])
        elif path == "/html":
            self.send_text(200, "<h1>Hello runbook</h1>\n", "text/html")
        elif path == "/json":
            self.send_text(200, json.dumps(DOCUMENT), "application/json")
        elif path == "/echo":
            headers = {name.lower(): value for name, value in self.headers.items()}
            answer = {"method": self.command, "path": self.path, "headers": headers, "body": body}
            self.send_text(200, json.dumps(answer), "application/json")
        elif parts[0] == "redirect" and len(parts) == 2:
            left = int(parts[1])
            if left == 0:
                self.send_text(200, "arrived\n")
            else:
                self.send_text(302, "", extra=[("Location", "/redirect/%d" % (left - 1))])
        elif path == "/redirect-loop":
            self.send_text(302, "", extra=[("Location", "/redirect-loop")])
        elif parts[0] == "sleep" and len(parts) == 2:
            time.sleep(float(parts[1]))
            self.send_text(200, "slept\n")
        elif path == "/stall":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", "1000")
            self.end_headers()
            self.wfile.write(b"partial\n")
            self.wfile.flush()
            time.sleep(300)
        elif parts[0] == "big" and len(parts) == 2:
            total = int(parts[1])
            line = b"x" * 99 + b"\n"
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(total))
            self.end_headers()
            sent = 0
            while sent < total:
                chunk = (line * 655)[: min(65500, total - sent)]
                self.wfile.write(chunk)
                sent += len(chunk)
        elif path == "/close":
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
        elif path == "/headers":
            extra = [("X-Custom", "one"), ("Set-Cookie", "a=1"), ("Set-Cookie", "b=2")]
            self.send_text(200, "headers\n", extra=extra)
        else:
            self.send_text(404, "not found: %s\n" % path)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_OPTIONS = do_HEAD = handle_any


def write_atomically(path, text):
    with open(path + ".tmp", "w") as handle:
        handle.write(text)
    os.rename(path + ".tmp", path)


def watch(lifetime, parent):
    """Ends the process when its time is up or its parent has gone (so that no test leaves it behind)."""
    deadline = time.monotonic() + lifetime
    while time.monotonic() < deadline:
        if parent is not None and os.getppid() != parent:
            break
        time.sleep(0.2)
    os._exit(0)


def main():
    args = sys.argv[1:]
    port, port_file, pid_file, lifetime, with_parent, tls = 0, None, None, 600.0, False, None
    while args:
        flag = args.pop(0)
        if flag == "--port":
            port = int(args.pop(0))
        elif flag == "--port-file":
            port_file = args.pop(0)
        elif flag == "--pid-file":
            pid_file = args.pop(0)
        elif flag == "--lifetime":
            lifetime = float(args.pop(0))
        elif flag == "--exit-with-parent":
            with_parent = True
        elif flag == "--tls":
            tls = (args.pop(0), args.pop(0))
    threading.Thread(target=watch, args=(lifetime, os.getppid() if with_parent else None), daemon=True).start()
    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    server.daemon_threads = True
    if tls:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(*tls)
        server.socket = context.wrap_socket(server.socket, server_side=True)
    if pid_file:
        write_atomically(pid_file, str(os.getpid()))
    if port_file:
        write_atomically(port_file, str(server.server_address[1]))
    server.serve_forever()


if __name__ == "__main__":
    main()
