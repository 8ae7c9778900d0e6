#!/usr/bin/env python3
"""A stand-in Docker engine on a unix socket, for the tests of runbook's Engine API client.

Usage: fake-engine.py SOCKET MODE
  healthy            /_ping, /info and /containers/web/json answer like a 20.10 engine
  dies               as healthy, but the container inspect is cut off after half its body: the
                     socket is removed and the process exits (the engine goes away mid-probe)
  malformed-info     /info answers text that is not JSON
  malformed-inspect  /containers/web/json answers text that is not JSON
Every request is appended to SOCKET.log (method and path), one per line.
"""
import http.server
import os
import socketserver
import sys

SOCKET, MODE = sys.argv[1], sys.argv[2]
INFO = b'{"ServerVersion":"20.10.24","OperatingSystem":"Fake Engine","OSType":"linux","Architecture":"x86_64",' \
       b'"Driver":"overlay2","Runtimes":{"runc":{"path":"runc"}},"ContainersStopped":0}'
CONTAINER = b'{"Id":"' + b'ab' * 32 + b'","Name":"/web","State":{"Running":true},"Config":{"Env":["A=1"]}}'


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def answer(self, status, body, content_type="application/json"):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Api-Version", "1.41")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        with open(SOCKET + ".log", "a") as log:
            log.write("GET " + self.path + "\n")
        path = self.path.split("?")[0]
        if path == "/_ping":
            return self.answer(200, b"OK", "text/plain")
        if path.endswith("/info"):
            return self.answer(200, b'{"ServerVersion": "20.10", oops}' if MODE == "malformed-info" else INFO)
        if path.endswith("/containers/web/json"):
            if MODE == "malformed-inspect":
                return self.answer(200, b"{not json")
            if MODE == "dies":
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(CONTAINER)))
                self.end_headers()
                self.wfile.write(CONTAINER[: len(CONTAINER) // 2])
                self.wfile.flush()
                os.unlink(SOCKET)
                os._exit(0)
            return self.answer(200, CONTAINER)
        return self.answer(404, b'{"message":"page not found"}')

    do_HEAD = do_GET


class Server(socketserver.ThreadingMixIn, socketserver.UnixStreamServer):
    daemon_threads = True


if os.path.exists(SOCKET):
    os.unlink(SOCKET)
with Server(SOCKET, Handler) as server:
    server.serve_forever()
