"""Redis down: the API answers from the database, logs the cache errors, and recovers alone."""

import shutil
import socket
import subprocess
import time

import pytest
from django.core.cache import cache
from django.test import override_settings

from cms.settings.caches import redis_caches
from tests.factories import make_plan
from tests.operations.servers import TEST_PORTS, free_port

pytestmark = pytest.mark.django_db


def closed_port():
    """A test port nothing listens on, from the end of the range (servers take the start)."""
    return free_port(ports=reversed(TEST_PORTS))


class RedisServer:
    """A redis-server of our own on a test port, without persistence; start and stop it."""

    def __init__(self, port):
        self.port, self.process = port, None

    def start(self):
        self.process = subprocess.Popen(
            [shutil.which("redis-server"), "--port", str(self.port), "--bind", "127.0.0.1"]
            + ["--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )
        for _ in range(100):
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", self.port)) == 0:
                    return
            time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        self.process.terminate()
        self.process.wait(10)


@pytest.fixture
def plan():
    return make_plan().plan


def test_redis_at_a_closed_port_is_logged_and_ignored(client, plan, caplog):
    with override_settings(CACHES=redis_caches(f"redis://127.0.0.1:{closed_port()}/7")):
        for _ in range(2):
            response = client.get(f"/api/v1/plans/{plan.pk}/")
            assert response.status_code == 200
            assert response.json()["id"] == plan.pk
    assert any(record.name == "cms.cache" for record in caplog.records)


@pytest.mark.skipif(not shutil.which("redis-server"), reason="redis-server is not installed")
def test_the_cache_comes_back_when_redis_does(client, plan, django_assert_max_num_queries):
    redis = RedisServer(closed_port())
    url = f"/api/v1/plans/{plan.pk}/"
    with override_settings(CACHES=redis_caches(f"redis://127.0.0.1:{redis.port}/7")):
        redis.start()
        try:
            expected = client.get(url).content
            with django_assert_max_num_queries(1):  # the generation; the body from Redis
                assert client.get(url).content == expected
            redis.stop()
            assert client.get(url).content == expected  # from the database
            redis.start()  # empty: a fresh server
            assert client.get(url).content == expected
            with django_assert_max_num_queries(1):
                assert client.get(url).content == expected
        finally:
            if redis.process.poll() is None:
                redis.stop()
            cache.close()
