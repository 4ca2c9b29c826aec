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
    """A gunicorn serving ``bench.wsgi`` with ``env``; yields its base URL's port."""
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


def operations_per_second(port, paths, seconds=5.0, concurrency=4):
    """How many times per second the sequence ``paths`` is fetched in full (``concurrency``
    clients, for ``seconds``); every response must be a 200."""
    for path in paths:  # warm up every worker's caches and fail early on errors
        for _ in range(2):
            status, body = fetch(port, path)
            if status != 200:
                raise RuntimeError(f"{path}: HTTP {status}: {body[:200]!r}")
    done = []
    deadline = time.monotonic() + seconds

    def client():
        count = 0
        while time.monotonic() < deadline:
            for path in paths:
                status, _ = fetch(port, path)
                if status != 200:
                    raise RuntimeError(f"{path}: HTTP {status}")
            count += 1
        done.append(count)

    started = time.monotonic()
    threads = [threading.Thread(target=client) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(done) / (time.monotonic() - started)
