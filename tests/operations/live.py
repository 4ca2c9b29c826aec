"""A live gunicorn of the project (production settings, gunicorn.conf.py) for outage tests."""

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent.parent
#: A test-only key that passes the production checks.
TEST_SECRET_KEY = "t3st-0nly-9Qx7vLk2Pz8RmW4nYb6Hc1Jd5Fg0Ts3Ua7Ve2Xi4Oq8Nr6Kp1Ml9Sj"
#: Requests go straight to the server, never through a proxy of the environment.
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


class Answer:
    """status, headers, body and the seconds the request took."""

    def __init__(self, status, headers, body, seconds):
        self.status, self.headers, self.body, self.seconds = status, headers, body, seconds

    def json(self):
        return json.loads(self.body)


class LiveServer:
    """gunicorn (one sync worker) on a test port with ``environ`` added to a clean environment."""

    def __init__(self, port, **environ):
        self.url = f"http://127.0.0.1:{port}"
        self.environ = {
            "PATH": os.environ.get("PATH", ""),
            "DJANGO_SETTINGS_MODULE": "tests.operations.live_settings",
            "SECRET_KEY": TEST_SECRET_KEY,
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "false",
            "GUNICORN_BIND": f"127.0.0.1:{port}",
            "WEB_CONCURRENCY": "1",
            "GUNICORN_ACCESS_LOG": "/dev/null",
            **environ,
        }
        self.process = None

    def __enter__(self):
        gunicorn = Path(sys.executable).parent / "gunicorn"
        self.process = subprocess.Popen(
            [str(gunicorn), "--config", "gunicorn.conf.py"],
            cwd=PROJECT_ROOT,
            env=self.environ,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if self.get("/healthz").status == 200:
                    return self
            except OSError:
                time.sleep(0.2)
        self.__exit__()
        raise RuntimeError("gunicorn did not start")

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(30)

    def get(self, path, headers=None):
        request = urllib.request.Request(self.url + path, headers=headers or {})
        started = time.monotonic()
        try:
            with OPENER.open(request, timeout=30) as response:
                body = response.read()
                status, response_headers = response.status, response.headers
        except urllib.error.HTTPError as error:
            body, status, response_headers = error.read(), error.code, error.headers
        return Answer(status, response_headers, body, time.monotonic() - started)
