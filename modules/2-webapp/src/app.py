"""Notes: the web app of module 2 — a page, a small JSON API and notes kept in /data.

Standard library only, so it runs on any image with Python 3. It listens on $PORT (default 80),
greets with $AUTHOR, and keeps notes in $DATA_DIR/notes.json (default /data), which a volume
keeps across containers.
"""
import json
import os
import socket
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

DATA_DIR = os.environ.get("DATA_DIR", "/data")
NOTES = os.path.join(DATA_DIR, "notes.json")
AUTHOR = os.environ.get("AUTHOR", "someone")
LOCK = threading.Lock()


def load_notes():
    try:
        with open(NOTES, encoding="utf-8") as handle:
            return json.load(handle)
    except FileNotFoundError:
        return []


def save_notes(notes):
    os.makedirs(DATA_DIR, exist_ok=True)
    temporary = NOTES + ".tmp"
    with open(temporary, "w", encoding="utf-8") as handle:
        json.dump(notes, handle, indent=2)
        handle.write("\n")
    os.replace(temporary, NOTES)


class Handler(BaseHTTPRequestHandler):
    server_version = "notes/1.0"

    def send(self, status, body, content_type):
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def send_json(self, status, value):
        self.send(status, json.dumps(value) + "\n", "application/json")

    def do_GET(self):
        if self.path == "/":
            page = f"<!doctype html>\n<title>Notes</title>\n<h1>Hello from {AUTHOR}</h1>\n"
            page += f"<p>{len(load_notes())} note(s) so far. Try <a href=\"/api/notes\">/api/notes</a>.</p>\n"
            self.send(200, page, "text/html; charset=utf-8")
        elif self.path == "/api/health":
            self.send_json(200, {"status": "ok", "host": socket.gethostname()})
        elif self.path == "/api/notes":
            self.send_json(200, load_notes())
        else:
            self.send_json(404, {"error": f"no such page: {self.path}"})

    do_HEAD = do_GET

    def do_POST(self):
        if self.path != "/api/notes":
            self.send_json(404, {"error": f"no such page: {self.path}"})
            return
        length = int(self.headers.get("Content-Length") or 0)
        try:
            text = json.loads(self.rfile.read(length) or b"{}")["text"]
        except (ValueError, KeyError, TypeError):
            self.send_json(400, {"error": 'send JSON such as {"text": "my note"}'})
            return
        with LOCK:
            notes = load_notes()
            note = {"id": len(notes) + 1, "text": str(text), "by": AUTHOR}
            notes.append(note)
            save_notes(notes)
        self.send_json(201, note)

    def log_message(self, format, *args):
        sys.stderr.write("%s %s\n" % (self.command, self.path))


if __name__ == "__main__":
    port = int(os.environ.get("PORT", "80"))
    print(f"notes: listening on port {port}, notes in {NOTES}", flush=True)
    ThreadingHTTPServer(("0.0.0.0", port), Handler).serve_forever()
