"""The database goes away under a live server (a TCP proxy that the test cuts and restores).

The API answers a JSON 503 with Retry-After within seconds, serves what it had cached marked
as stale, /readyz says 503, the admin shows a plain error page, and the first requests after
the database returns (or after a short blip) succeed. PostgreSQL only; the shared server is
never restarted, only the proxy in front of it.
"""

import contextlib
import select
import socket
import threading
import time

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client

from tests.factories import make_plan
from tests.operations.live import LiveServer
from tests.operations.servers import free_port

pytestmark = [
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not settings.IS_POSTGRESQL, reason="needs PostgreSQL"),
]


class TcpProxy:
    """Forwards 127.0.0.1:port to the database. ``cut()`` drops every connection and closes
    new ones at once; ``hang()`` accepts new ones and never answers; ``restore()`` forwards."""

    def __init__(self, port, target):
        self.target, self.mode, self.sockets = target, "up", []
        self.listener = socket.create_server(("127.0.0.1", port))
        self.port = port
        self.lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                client, _address = self.listener.accept()
            except OSError:
                return
            if self.mode == "cut":
                client.close()
                continue
            with self.lock:
                self.sockets.append(client)
            if self.mode == "hang":
                continue
            upstream = socket.create_connection(self.target)
            with self.lock:
                self.sockets.append(upstream)
            threading.Thread(target=self._pipe, args=(client, upstream), daemon=True).start()

    def _pipe(self, a, b):
        try:
            while True:
                ready, _w, _x = select.select([a, b], [], [], 1)
                for source in ready:
                    data = source.recv(65536)
                    if not data:
                        raise OSError("closed")
                    (b if source is a else a).sendall(data)
        except OSError:
            for sock in (a, b):
                sock.close()

    def _drop_all(self):
        with self.lock:
            for sock in self.sockets:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                sock.close()
            self.sockets = []

    def cut(self):
        self.mode = "cut"
        self._drop_all()

    def hang(self):
        self.mode = "hang"
        self._drop_all()

    def restore(self):
        self.mode = "up"

    def close(self):
        self.listener.close()
        self._drop_all()


@pytest.fixture
def proxy():
    database = settings.DATABASES["default"]
    target = (database["HOST"] or "127.0.0.1", int(database["PORT"] or 5432))
    proxy = TcpProxy(free_port(), target)
    yield proxy
    proxy.close()


@pytest.fixture
def server(proxy, tmp_path):
    database = settings.DATABASES["default"]
    user = database["USER"] or "postgres"
    url = f"postgres://{user}@127.0.0.1:{proxy.port}/{database['NAME']}"
    with LiveServer(
        free_port(exclude={proxy.port}),
        DATABASE_URL=url,
        DB_CONN_MAX_AGE="60",
        DB_CONNECT_TIMEOUT="2",
        DATABASE_RETRY_AFTER="17",
        MEDIA_ROOT=str(tmp_path),
    ) as live:
        yield live


def test_outage_blip_and_recovery(proxy, server):
    plan = make_plan(strategies=1, measures_per_strategy=1).plan
    admin = get_user_model().objects.create_superuser("drift", "drift@example.org", "x" * 20)
    browser = Client()
    browser.force_login(admin)
    cookie = {"Cookie": f"sessionid={browser.cookies['sessionid'].value}"}
    detail = f"/api/v1/plans/{plan.pk}/"

    fresh = server.get(detail)
    assert fresh.status == 200 and "Warning" not in fresh.headers
    assert server.get(detail).body == fresh.body  # a hit the worker now remembers finished
    assert server.get("/readyz").status == 200
    assert server.get("/admin/", cookie).status == 200

    proxy.cut()
    stale = server.get(detail)
    assert stale.status == 200
    assert stale.body == fresh.body
    assert "111" in stale.headers["Warning"]
    failed = server.get("/api/v1/plans/")
    assert failed.status == 503
    assert failed.headers["Content-Type"] == "application/json"
    assert failed.headers["Retry-After"] == "17"
    assert failed.json()["status"] == 503 and failed.json()["errors"] == []
    assert failed.seconds < 3
    assert server.get("/readyz").status == 503
    admin_page = server.get("/admin/", cookie)
    assert admin_page.status == 503
    assert admin_page.headers["Content-Type"].startswith("text/html")
    assert b"<h1>" in admin_page.body and b"Traceback" not in admin_page.body

    proxy.hang()  # connections are accepted but never answered: connect_timeout ends the wait
    hung = server.get("/api/v1/strategies/")
    assert hung.status == 503
    assert hung.seconds < 6

    proxy.restore()
    assert server.get("/api/v1/plans/").status == 200
    assert server.get("/readyz").status == 200
    assert server.get("/admin/", cookie).status == 200

    # A one-second blip while idle: the worker's persistent connection died with it.
    proxy.cut()
    time.sleep(1)
    proxy.restore()
    after_blip = server.get("/api/v1/measures/")
    assert after_blip.status == 200
    assert "Warning" not in after_blip.headers
