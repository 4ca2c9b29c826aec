"""Requests per second under gunicorn: start a server, hammer it with a small load loop.

The load loop is plain Python (threads, one connection per request, as gunicorn's sync
workers close connections anyway). It runs on the same cores as the server, so absolute
numbers are pessimistic; the ratios between variants are what to read.
"""

import http.client
import os
import socket
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port():
    """``BENCH_PORT`` when set (e.g. a port range reserved for you), else any free port."""
    if os.environ.get("BENCH_PORT"):
        return int(os.environ["BENCH_PORT"])
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def gunicorn(env, workers=2):
    """A gunicorn serving ``bench.wsgi`` with ``env``; yields its base URL's port. The rest of
    its settings come from the project's ``gunicorn.conf.py``."""
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "bench.wsgi:application",
            "--workers",
            str(workers),
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
            # No recycling of workers during a measurement (gunicorn.conf.py recycles them
            # every ~1000 requests): a new worker starts with an empty local-memory cache and
            # imports Django again, which measured restarts, not requests.
            "--max-requests",
            "0",
            "--chdir",
            str(ROOT),
        ],
        env={**os.environ, **env},
        cwd=ROOT,
    )
    try:
        _wait_until_up(port, process)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)


def _wait_until_up(port, process, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("gunicorn exited while starting")
        try:
            status, _ = fetch(port, "/api/v1/")
            if status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError("gunicorn did not answer in time")


def fetch(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request("GET", path, headers={"Host": "localhost"})
        response = connection.getresponse()
        body = response.read()
        return response.status, body
    finally:
        connection.close()


def operations_per_second(port, paths, seconds=5.0, concurrency=4, min_operations=0):
    """How many times per second the sequence ``paths`` is fetched in full (``concurrency``
    clients, for ``seconds``, and longer until ``min_operations`` sequences are done: a slow
    sequence measured over a few of them is a coarse number); every response must be a 200."""
    for path in paths:  # warm up every worker's caches and fail early on errors
        for _ in range(2):
            status, body = fetch(port, path)
            if status != 200:
                raise RuntimeError(f"{path}: HTTP {status}: {body[:200]!r}")
    done = []
    completed = [0]
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def more():
        return time.monotonic() < deadline or completed[0] < min_operations

    def client():
        count = 0
        while more():
            for path in paths:
                status, _ = fetch(port, path)
                if status != 200:
                    raise RuntimeError(f"{path}: HTTP {status}")
            count += 1
            with lock:
                completed[0] += 1
        done.append(count)

    started = time.monotonic()
    threads = [threading.Thread(target=client) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(done) / (time.monotonic() - started)


#: Prints wrk's results as one JSON line: requests, errors, requests/s and latency percentiles.
WRK_REPORT = """
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format(
    'WRK {"requests": %d, "errors": %d, "seconds": %f, '
    .. '"p50_ms": %f, "p95_ms": %f, "p99_ms": %f}\\n',
    summary.requests, errors, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000))
end
"""


def wrk(port, path, connections, seconds, threads=2):
    """Load ``path`` with wrk (Debian package ``wrk``) at ``connections`` open connections for
    ``seconds``: ``{"rps", "p50_ms", "p95_ms", "p99_ms", "errors", "requests"}``. Non-2xx
    answers count as errors."""
    import json
    import shutil
    import tempfile

    if shutil.which("wrk") is None:
        raise RuntimeError("wrk is not installed (Debian: apt-get install wrk)")
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
        script.write(WRK_REPORT)
        script.flush()
        result = subprocess.run(
            [
                "wrk",
                f"--threads={min(threads, connections)}",
                f"--connections={connections}",
                f"--duration={seconds}s",
                "--timeout=30s",
                "--header=Host: localhost",
                f"--script={script.name}",
                f"http://127.0.0.1:{port}{path}",
            ],
            capture_output=True,
            text=True,
            check=True,
        )
    line = next(line for line in result.stdout.splitlines() if line.startswith("WRK "))
    report = json.loads(line[4:])
    report["rps"] = report["requests"] / report["seconds"]
    return report
