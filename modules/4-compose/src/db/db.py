"""The database of module 4: notes kept as one JSON file in $DATA_DIR (a volume), over HTTP.

GET /notes lists them, POST /notes adds one ({"text": …}), GET /health says ok. It prints what
it loaded when it starts, so that `docker compose logs db` shows that the notes survived.
"""
import json
import os
import signal
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

DATA = os.path.join(os.environ.get("DATA_DIR", "/var/lib/notes"), "notes.json")
LOCK = threading.Lock()


def load():
    try:
        with open(DATA, encoding="utf-8") as handle:
            return json.load(handle)
    except FileNotFoundError:
        return []


def save(notes):
    os.makedirs(os.path.dirname(DATA), exist_ok=True)
    with open(DATA + ".tmp", "w", encoding="utf-8") as handle:
        json.dump(notes, handle)
    os.replace(DATA + ".tmp", DATA)


class Handler(BaseHTTPRequestHandler):
    def reply(self, status, value):
        body = (json.dumps(value) + "\n").encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        if self.path == "/health":
            self.reply(200, {"status": "ok"})
        elif self.path == "/notes":
            with LOCK:
                self.reply(200, load())
        else:
            self.reply(404, {"error": "not found"})

    def do_POST(self):
        if self.path != "/notes":
            self.reply(404, {"error": "not found"})
            return
        length = int(self.headers.get("Content-Length") or 0)
        try:
            note = json.loads(self.rfile.read(length) or b"{}")
            text = str(note["text"])
        except (ValueError, KeyError, TypeError):
            self.reply(400, {"error": 'send {"text": "…"}'})
            return
        with LOCK:
            notes = load()
            notes.append({"id": len(notes) + 1, "text": text})
            save(notes)
        print(f"db: stored note {len(notes)}", flush=True)
        self.reply(201, notes[-1])

    def log_message(self, format, *args):
        pass


def main():
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    notes = load()
    print(f"db: loaded {len(notes)} note{'' if len(notes) == 1 else 's'} from {DATA}", flush=True)
    server = ThreadingHTTPServer(("", 5984), Handler)
    print("db: ready on port 5984", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
