"""The web front end of module 4: a page and a JSON API over the notes the db service keeps.

GET / shows how many notes there are, GET /api/health asks the database too, GET/POST
/api/notes passes notes to and from it. It listens on port 8000; $DB_URL says where the
database is (the Compose service name, `http://db:5984`).
"""
import json
import os
import signal
import sys
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

DB = os.environ.get("DB_URL", "http://db:5984")


def database(path, body=None):
    request = urllib.request.Request(DB + path, data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=5) as response:
        return response.status, json.loads(response.read() or b"null")


class Handler(BaseHTTPRequestHandler):
    def reply(self, status, body, content_type="application/json"):
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        try:
            if self.path == "/":
                _, notes = database("/notes")
                page = f"<!doctype html>\n<title>Notes</title>\n<h1>Notes</h1>\n<p>{len(notes)} note(s) in the database.</p>\n"
                self.reply(200, page, "text/html; charset=utf-8")
            elif self.path == "/api/health":
                _, health = database("/health")
                self.reply(200, json.dumps({"web": "ok", "db": health.get("status", "?")}) + "\n")
            elif self.path == "/api/notes":
                _, notes = database("/notes")
                self.reply(200, json.dumps(notes) + "\n")
            else:
                self.reply(404, '{"error": "not found"}\n')
        except (urllib.error.URLError, OSError) as error:
            self.reply(503, json.dumps({"web": "ok", "db": f"unreachable: {error}"}) + "\n")

    def do_POST(self):
        if self.path != "/api/notes":
            self.reply(404, '{"error": "not found"}\n')
            return
        length = int(self.headers.get("Content-Length") or 0)
        try:
            status, note = database("/notes", self.rfile.read(length))
            self.reply(status, json.dumps(note) + "\n")
        except urllib.error.HTTPError as error:
            self.reply(error.code, error.read().decode("utf-8", "replace"))
        except (urllib.error.URLError, OSError) as error:
            self.reply(503, json.dumps({"error": f"database unreachable: {error}"}) + "\n")

    def log_message(self, format, *args):
        print(f"web: {self.command} {self.path}", flush=True)


def main():
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    server = ThreadingHTTPServer(("", 8000), Handler)
    print("web: listening on port 8000", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
