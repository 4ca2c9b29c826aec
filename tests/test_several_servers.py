"""Two gunicorn servers sharing PostgreSQL and Redis serve the same responses, and a change made
through one (an editor unpublishing a measure in its admin) is seen by the other at once.

Slow (two servers start), so it runs with ``make test-slow``; it needs PostgreSQL (the servers
share the test database) and a Redis server on 127.0.0.1:6379 (``.ci/run`` starts one).
"""

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
import requests
from django.contrib.auth import get_user_model
from django.db import connection

from tests.factories import make_plan, translate_tree
from tests.operations.servers import free_port

PROJECT_ROOT = Path(__file__).resolve().parent.parent
#: The Redis database (each run its own key prefix).
REDIS_URL = "redis://127.0.0.1:6379/8"
PASSWORD = "several-servers"

pytestmark = pytest.mark.slow


def _database_url():
    db = connection.settings_dict
    return (
        f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST'] or '127.0.0.1'}:"
        f"{db['PORT'] or 5432}/{db['NAME']}"
    )


def _wait_until_up(base, process):
    for _ in range(120):
        if process.poll() is not None:
            raise AssertionError(process.stderr.read().decode())
        try:
            requests.get(f"{base}/api/v1/", timeout=20)
            return
        except requests.RequestException:
            time.sleep(0.5)
    raise AssertionError(f"{base} did not start")


@pytest.fixture
def servers(transactional_db, tmp_path):
    """Two gunicorn servers on the test database and one Redis database (a fresh key prefix)."""
    if connection.vendor != "postgresql":
        pytest.skip("several servers need a database they can share: PostgreSQL")
    env = {
        "PATH": os.environ.get("PATH", ""),
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": _database_url(),
        "REDIS_URL": REDIS_URL,
        "CACHE_KEY_PREFIX": f"test-{uuid.uuid4().hex}",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "DB_CONN_MAX_AGE": "0",
    }
    processes, bases = [], []
    try:
        ports = []
        for _server in range(2):
            port = free_port(exclude=ports)
            ports.append(port)
            processes.append(
                subprocess.Popen(
                    [sys.executable, "-m", "gunicorn", "cms.wsgi", "--workers", "2"]
                    + ["--bind", f"127.0.0.1:{port}"],
                    cwd=PROJECT_ROOT,
                    env=env,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.PIPE,
                )
            )
            bases.append(f"http://127.0.0.1:{port}")
        for base, process in zip(bases, processes, strict=True):
            _wait_until_up(base, process)
        yield bases
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=30)


def _admin_session(base):
    session = requests.Session()
    session.get(f"{base}/admin/login/", timeout=10)
    response = session.post(
        f"{base}/admin/login/",
        data={
            "username": "several-admin",
            "password": PASSWORD,
            "csrfmiddlewaretoken": session.cookies["csrftoken"],
        },
        headers={"Referer": f"{base}/admin/login/"},
        timeout=10,
    )
    assert response.ok and "sessionid" in session.cookies
    return session


def _titles(plan):
    return [m["title"] for s in plan["strategies"] for m in s["measures"]]


def test_two_servers_serve_the_same_and_see_a_change_through_the_other_at_once(servers):
    tree = make_plan(strategies=2, measures_per_strategy=3)
    translate_tree(tree.branch)
    get_user_model().objects.create_superuser("several-admin", "a@example.org", PASSWORD)
    first, second = servers
    url = f"/api/v1/plans/{tree.plan.pk}/"

    for code in ("nb", "en"):
        responses = [requests.get(f"{base}{url}?locale={code}", timeout=30) for base in servers]
        responses += [requests.get(f"{base}{url}?locale={code}", timeout=30) for base in servers]
        assert all(r.status_code == 200 for r in responses)
        assert len({r.content for r in responses}) == 1
        assert len({r.headers["ETag"] for r in responses}) == 1
    before = requests.get(f"{second}{url}", timeout=30).json()
    measure = tree.measures[0]
    assert measure.title in _titles(before)

    session = _admin_session(first)
    unpublish = f"{first}/admin/pages/{measure.pk}/unpublish/"
    session.get(unpublish, timeout=10)
    response = session.post(
        unpublish,
        data={"csrfmiddlewaretoken": session.cookies["csrftoken"]},
        headers={"Referer": unpublish},
        timeout=30,
        allow_redirects=False,
    )
    assert response.status_code == 302, response.text[:500]

    after = requests.get(f"{second}{url}", timeout=30)
    assert after.status_code == 200
    assert measure.title not in _titles(after.json())
    same = requests.get(f"{first}{url}", timeout=30)
    assert same.content == after.content
