#!/usr/bin/env python3
"""Type-along latency (issue 18): from a command's end in `runbook record --share` to each of N
joined guides having it. The instructor's shell is a real `runbook record` in a pseudo-terminal;
the command's end is when its OSC 133 D mark comes out of the recorder (the recorder passes the
shell's bytes through). The guides are simulated: threads that join with the class code and
long-poll GET /api/v1/instructor exactly as `runbook guide` does (GuideTypeAlong).

usage: bench/typealong.py [GUIDES=40] [COMMANDS=50] [RUNBOOK_BINARY=.build/debug/runbook]
"""
import http.client, json, os, pty, re, select, socket, statistics, subprocess, sys, tempfile, threading, time

guides = int(sys.argv[1]) if len(sys.argv) > 1 else 40
commands = int(sys.argv[2]) if len(sys.argv) > 2 else 50
binary = os.path.abspath(sys.argv[3] if len(sys.argv) > 3 else ".build/debug/runbook")
work = tempfile.mkdtemp(prefix="typealong-")
with open(os.path.join(work, "rb.yaml"), "w") as f:
    f.write("runbook: 1\ntitle: t\nsteps:\n  - id: a\n    sh: 'true'\n    expect: { exit: 0 }\n")
sock = socket.socket(); sock.bind(("127.0.0.1", 0)); port = sock.getsockname()[1]; sock.close()
serve = subprocess.Popen([binary, "serve", "rb.yaml", "--listen", f"127.0.0.1:{port}", "--store", os.path.join(work, "store")],
                         cwd=work, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
board = serve.stdout.readline(); join = serve.stdout.readline()
token = re.search(r"token=(\S+)", board).group(1); join_url = join.split()[1]; code = join_url.rsplit("/", 1)[1]

def request(method, path, body=None, bearer=None, timeout=40):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    headers = {"Content-Type": "application/json"}
    if bearer: headers["Authorization"] = "Bearer " + bearer
    connection.request(method, path, json.dumps(body) if body is not None else None, headers)
    answer = connection.getresponse(); data = answer.read(); connection.close()
    return answer.status, json.loads(data or b"{}")

received = {}  # seq -> [arrival times]
lock = threading.Lock()
stop = False
def guide(number):
    _, joined = request("POST", "/api/v1/join", {"code": code, "learner": f"g{number}"})
    learner = joined["token"]; after = 0
    _, page = request("GET", "/api/v1/instructor?after=0&wait=0", bearer=learner)
    after = page["latest"]
    while not stop:
        status, page = request("GET", f"/api/v1/instructor?after={after}&wait=25", bearer=learner)
        now = time.monotonic()
        for entry in page.get("entries", []):
            with lock: received.setdefault(entry["command"], []).append(now)
            after = max(after, entry["seq"])
threads = [threading.Thread(target=guide, args=(n,), daemon=True) for n in range(guides)]
for t in threads: t.start()
time.sleep(2)

pid, fd = pty.fork()
if pid == 0:
    os.chdir(work)
    os.execve(binary, [binary, "record", "-o", "rec.yaml", "--force", "--share", join_url, "--token", token],
              dict(os.environ, SHELL="/bin/bash", HOME=work, PS1="$ "))
buffer = b""
def read_until(pattern, limit=30):
    global buffer
    deadline = time.monotonic() + limit
    while pattern not in buffer:
        ready, _, _ = select.select([fd], [], [], max(0, deadline - time.monotonic()))
        if not ready: raise SystemExit(f"timed out waiting for {pattern!r}")
        buffer += os.read(fd, 65536)
    at = time.monotonic(); index = buffer.index(pattern); buffer = buffer[index + len(pattern):]
    return at
read_until(b"\x1b]133;A")
ends = {}
for n in range(commands):
    text = f"echo typealong-{n}"
    os.write(fd, (text + "\r").encode())
    ends[text] = read_until(b"\x1b]133;D")
    read_until(b"\x1b]133;B")
    time.sleep(0.2)
deadline = time.monotonic() + 10
while time.monotonic() < deadline and sum(len(received.get(t, [])) for t in ends) < guides * commands: time.sleep(0.1)
latencies = sorted((arrival - ends[text]) * 1000 for text in ends for arrival in received.get(text, []))
stop = True
os.write(fd, b"\x04"); time.sleep(1); serve.terminate()
missing = guides * commands - len(latencies)
q = lambda p: latencies[min(len(latencies) - 1, int(p * len(latencies)))]
print(f"guides {guides}, commands {commands}, deliveries {len(latencies)} (missing {missing}), load {os.getloadavg()[0]:.1f}")
print(f"command end -> guide has it: p50 {q(0.5):.1f} ms, p99 {q(0.99):.1f} ms, max {latencies[-1]:.1f} ms")
