#!/usr/bin/env python3
"""The class board under attack (bench/README.md, issue 22).

For each attack (or `none`, the baseline), a fresh `runbook serve` on 127.0.0.1 serves a 30-step
runbook to 200 honest learners who each push one step record a second for DURATION seconds (a
class sends far less), while the attack runs at full speed from other loopback addresses:

  fields    4 pushers: batches near 1 MiB with 240 KB names, titles and hints, one row change each
  changes   4 pushers: batches of 400 small step records, each one a change of the attacker's row
  halfopen  2,000 connections from 127.0.0.2 kept open without a byte, reopened as the board closes them
  joins     wrong class codes from 127.0.0.3, one connection each, as fast as the board answers
  versions  2 pushers: runs of another runbook version and their steps, over and over

Prints, per attack: the server's peak RSS (VmHWM), the honest pushes' p50/p99/max latency, and
whether every honest record is stored exactly once; exits 1 when a goal is missed (RSS <= 96 MiB,
p99 <= 500 ms, nothing lost or doubled).

usage: bench/board-attack.py [--runbook .build/release/runbook] [--seconds 60] [ATTACK...]
"""
import argparse, http.client, json, os, random, socket, struct, subprocess, sys, tempfile, threading, time

LEARNERS, STEPS = 200, 30


def post(conn, path, body, token=None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    conn.request("POST", path, body=body.encode("utf-8"), headers=headers)
    response = conn.getresponse()
    return response.status, response.read()


def record(seq, kind, payload):
    return json.dumps({"seq": seq, "type": kind, kind: payload}, separators=(",", ":"), ensure_ascii=False)


def header(seq, learner, sha, name="Learner"):
    return record(seq, "run", {"runId": "20270101t000000-bench", "command": "guide", "startedAt": "2027-01-01T00:00:00.000Z",
                               "runbook": {"path": "class.yaml", "sha256": sha}, "learners": [{"id": learner, "name": name}],
                               "steps": [{"id": "step-%d" % i} for i in range(1, STEPS + 1)]})


def step(seq, learner, index, status="passed", title=None, hint=None, second=0):
    payload = {"learner": learner, "step": "step-%d" % index, "status": status,
               "endedAt": "2027-01-01T%02d:%02d:%02d.000Z" % (second // 3600 % 24, second // 60 % 60, second % 60),
               "durationSeconds": 0.2, "attempts": 1, "failures": [], "captured": {}, "finishedOnMatch": False, "verify": []}
    if title is not None:
        payload["title"] = title
    if hint is not None:
        payload["hint"] = hint
    return record(seq, "step", payload)


class Board:
    def __init__(self, binary, folder):
        runbook = os.path.join(folder, "class.yaml")
        with open(runbook, "w") as handle:
            handle.write("runbook: 1\ntitle: Board attack\nsteps:\n")
            for index in range(1, STEPS + 1):
                handle.write("  - id: step-%d\n    exec: [echo, %d]\n    expect: { stdout: { equals: \"%d\" } }\n" % (index, index, index))
        self.store = os.path.join(folder, "store")
        self.log = open(os.path.join(folder, "serve.log"), "w+")
        self.process = subprocess.Popen([binary, "serve", runbook, "--listen", "127.0.0.1:0", "--store", self.store,
                                         "--code", "bench-class-code"], stdout=self.log, stderr=subprocess.DEVNULL)
        for _ in range(3000):
            self.log.seek(0)
            lines = self.log.read().splitlines()
            if len(lines) >= 2:
                break
            time.sleep(0.01)
        board, join = lines[0][len("board: "):], lines[1][len("join: "):]
        self.token = board.split("?token=")[1]
        self.port = int(join.split("/join/")[0].rsplit(":", 1)[1])
        self.code = join.split("/join/")[1]
        conn = http.client.HTTPConnection("127.0.0.1", self.port)
        conn.request("GET", "/api/v1/matrix", headers={"Authorization": "Bearer " + self.token})
        self.sha = json.loads(conn.getresponse().read())["runbook"]["sha256"]
        conn.close()

    def peak_mib(self):
        with open("/proc/%d/status" % self.process.pid) as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024

    def join(self, learner):
        """A connection and the learner's token. 200 learners joining at once from one address are
        more than its 32 connections without a token: those closed at once try again after 0.5 s, as
        runbook's own client does."""
        while True:
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
            try:
                status, body = post(conn, "/api/v1/join", json.dumps({"code": self.code, "learner": learner}))
                return conn, json.loads(body)["token"]
            except OSError:
                conn.close()
                time.sleep(0.5)

    def stop(self):
        self.process.terminate()
        self.process.wait()


def honest(board, learner, stop, latencies, errors):
    conn, token = board.join(learner)
    post(conn, "/api/v1/journal", header(1, learner, board.sha), token)
    seq, index = 1, 0
    next_push = time.monotonic() + random.random()
    while not stop.is_set():
        time.sleep(max(0, next_push - time.monotonic()))
        next_push += 1.0
        seq += 1
        index += 1
        body = step(seq, learner, (index - 1) % STEPS + 1, "passed" if index % 7 else "failed", second=index)
        started = time.monotonic()
        try:
            status, _ = post(conn, "/api/v1/journal", body, token)
        except Exception as error:  # a refused or reset connection: count it, reconnect, send again
            errors.append(repr(error))
            conn = http.client.HTTPConnection("127.0.0.1", board.port, timeout=30)
            status, _ = post(conn, "/api/v1/journal", body, token)
        latencies.append((time.monotonic() - started) * 1000)
        if status != 200:
            errors.append("status %d" % status)
    return seq


def pusher(board, learner, stop, make_batches, counts):
    conn, token = board.join(learner)
    seq = 0
    while not stop.is_set():
        body, seq = make_batches(seq)
        try:
            status, _ = post(conn, "/api/v1/journal", body, token)
            counts[status] = counts.get(status, 0) + 1
        except Exception:
            counts["error"] = counts.get("error", 0) + 1
            conn = http.client.HTTPConnection("127.0.0.1", board.port, timeout=60)


def attack_fields(board, stop, counts, threads):
    big = "é" * 120_000  # 240 KB of UTF-8: a name, a title and a hint fill most of a 1 MiB batch
    for n in range(4):
        learner = "mallory-%d" % n
        def batches(seq, learner=learner):
            lines = [header(1, learner, board.sha, name=big)] if seq == 0 else []
            seq = seq + 1 if seq == 0 else seq
            lines.append(step(seq + 1, learner, seq % STEPS + 1, "failed" if seq % 2 else "passed", title=big, hint=big, second=seq))
            return "\n".join(lines), seq + 1
        threads.append(threading.Thread(target=pusher, args=(board, learner, stop, batches, counts)))


def attack_changes(board, stop, counts, threads):
    for n in range(4):
        learner = "flapper-%d" % n
        def batches(seq, learner=learner):
            lines = [header(1, learner, board.sha)] if seq == 0 else []
            seq = seq + 1 if seq == 0 else seq
            for _ in range(400):
                seq += 1
                lines.append(step(seq, learner, seq % STEPS + 1, ["failed", "timeout", "passed"][seq % 3], second=seq))
            return "\n".join(lines), seq
        threads.append(threading.Thread(target=pusher, args=(board, learner, stop, batches, counts)))


def attack_versions(board, stop, counts, threads):
    other = "cd" * 32
    for n in range(2):
        learner = "confused-%d" % n
        def batches(seq, learner=learner):
            lines = [header(seq + 1, learner, other)]
            lines += [step(seq + 2 + i, learner, i + 1, second=seq + i) for i in range(50)]
            return "\n".join(lines), seq + 51
        threads.append(threading.Thread(target=pusher, args=(board, learner, stop, batches, counts)))


def raw_socket(source, port):
    connection = socket.socket()
    connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # no TIME_WAIT
    connection.bind((source, 0))
    connection.connect(("127.0.0.1", port))
    return connection


def attack_halfopen(board, stop, counts, threads):
    def run():
        sockets = []
        while not stop.is_set():
            while len(sockets) < 2000 and not stop.is_set():
                try:
                    sockets.append(raw_socket("127.0.0.2", board.port))
                    counts["opened"] = counts.get("opened", 0) + 1
                except OSError:
                    counts["error"] = counts.get("error", 0) + 1
                    break
            alive = []
            for connection in sockets:
                connection.setblocking(False)
                try:
                    closed = connection.recv(1) == b""
                except BlockingIOError:
                    closed = False
                except OSError:
                    closed = True
                if closed:
                    connection.close()
                else:
                    alive.append(connection)
            counts["held"] = len(alive)
            sockets = alive
        for connection in sockets:
            connection.close()
    threads.append(threading.Thread(target=run))


def attack_joins(board, stop, counts, threads):
    def run():
        request = ("POST /api/v1/join HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Length: %d\r\n\r\n%s")
        while not stop.is_set():
            body = json.dumps({"code": "guess-%08d" % random.randrange(10 ** 8), "learner": "eve"})
            try:
                connection = raw_socket("127.0.0.3", board.port)
                connection.sendall((request % (len(body), body)).encode())
                status = connection.recv(64).split(b" ")[1].decode()
                connection.close()
                counts[status] = counts.get(status, 0) + 1
            except (OSError, IndexError):
                counts["error"] = counts.get("error", 0) + 1
    threads += [threading.Thread(target=run) for _ in range(2)]


ATTACKS = {"none": lambda *a: None, "fields": attack_fields, "changes": attack_changes, "halfopen": attack_halfopen,
           "joins": attack_joins, "versions": attack_versions}


def verify(store, seqs):
    problems = 0
    for learner, last in seqs.items():
        with open(os.path.join(store, learner + ".jsonl")) as handle:
            stored = [json.loads(line)["seq"] for line in handle]
        if stored != list(range(1, last + 1)):
            problems += 1
    return problems


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runbook", default=".build/release/runbook")
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("attacks", nargs="*", default=list(ATTACKS))
    options = parser.parse_args()
    missed = False
    for name in options.attacks:
        with tempfile.TemporaryDirectory(prefix="runbook-board-attack-") as folder:
            board = Board(options.runbook, folder)
            stop, counts, latencies, errors, threads = threading.Event(), {}, [], [], []
            seqs = {}
            learners = []
            for index in range(LEARNERS):
                learner = "learner-%d" % index
                thread = threading.Thread(target=lambda l=learner: seqs.__setitem__(l, honest(board, l, stop, latencies, errors)))
                learners.append(thread)
                thread.start()
            time.sleep(2)
            ATTACKS[name](board, stop, counts, threads)
            for thread in threads:
                thread.start()
            time.sleep(options.seconds)
            stop.set()
            for thread in learners + threads:
                thread.join()
            peak = board.peak_mib()
            board.stop()
            lost = verify(board.store, seqs)
            p50, p99 = percentile(latencies, 0.5), percentile(latencies, 0.99)
            ok = peak <= 96 and p99 <= 500 and lost == 0 and not errors
            missed |= not ok
            print("%-8s peak RSS %5.1f MiB · honest pushes %d: p50 %6.1f ms, p99 %6.1f ms, max %6.1f ms · %s · attack %s%s" % (
                name, peak, len(latencies), p50, p99, max(latencies or [0]),
                "every honest record once" if lost == 0 else "%d learners' journals wrong" % lost,
                json.dumps(counts, sort_keys=True), "" if not errors else " · %d errors: %s" % (len(errors), errors[:3])))
            sys.stdout.flush()
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
