"""/healthz (the process answers) and /readyz (the database answers) for load balancers."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_healthz_and_readyz_answer_when_all_is_well():
    client = Client()
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in ready["Cache-Control"]
