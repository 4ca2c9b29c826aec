"""Login throttling on every login form: per user name and per address, Norwegian message, reset."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery-staple"
LOGIN_FORMS = ["/admin/login/", "/django-admin/login/"]


@pytest.fixture
def users(settings):
    settings.AXES_FAILURE_LIMIT = 3
    model = get_user_model()
    return [
        model.objects.create_superuser(name, f"{name}@example.org", PASSWORD)
        for name in ("kari", "ola")
    ]


def attempt(path, username, password, address="192.0.2.10"):
    return Client(REMOTE_ADDR=address).post(
        path, {"username": username, "password": password}, follow=False
    )


@pytest.mark.parametrize("path", LOGIN_FORMS)
def test_failed_logins_lock_the_user_name_with_a_norwegian_message(users, path):
    for _ in range(2):
        assert attempt(path, "kari", "wrong").status_code == 200  # the form again
    assert attempt(path, "kari", "wrong").status_code == 429  # the third failure locks
    locked = attempt(path, "kari", PASSWORD)
    assert locked.status_code == 429
    body = locked.content.decode()
    assert "For mange mislykkede innlogginger" in body
    assert int(locked["Retry-After"]) > 0
    # The user name is locked from every address; another user is not.
    assert attempt(path, "kari", PASSWORD, address="198.51.100.7").status_code == 429
    assert attempt(path, "ola", PASSWORD, address="198.51.100.7").status_code == 302


def test_failed_logins_lock_the_address_for_every_user_name(users):
    for name in ("per", "paal", "espen"):
        attempt("/admin/login/", name, "wrong")
    assert attempt("/admin/login/", "ola", PASSWORD).status_code == 429
    assert attempt("/admin/login/", "ola", PASSWORD, address="198.51.100.7").status_code == 302


def test_the_reset_commands_unlock(users):
    for _ in range(3):
        attempt("/admin/login/", "kari", "wrong")
    assert attempt("/admin/login/", "kari", PASSWORD, address="198.51.100.7").status_code == 429
    call_command("axes_reset_username", "kari", stdout=StringIO())
    call_command("axes_reset_ip", "192.0.2.10", stdout=StringIO())
    assert attempt("/admin/login/", "kari", PASSWORD).status_code == 302


def test_a_success_before_the_limit_starts_the_count_again(users):
    for _ in range(2):
        attempt("/admin/login/", "kari", "wrong")
    assert attempt("/admin/login/", "kari", PASSWORD).status_code == 302
    for _ in range(2):
        attempt("/admin/login/", "kari", "wrong")
    assert attempt("/admin/login/", "kari", PASSWORD).status_code == 302


def test_the_address_behind_trusted_proxies(users, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for name in ("per", "paal", "espen"):
        Client(REMOTE_ADDR="10.0.0.2").post(
            "/admin/login/",
            {"username": name, "password": "wrong"},
            headers={"x-forwarded-for": "203.0.113.5"},
        )
    other_client = Client(REMOTE_ADDR="10.0.0.2", headers={"x-forwarded-for": "203.0.113.6"})
    response = other_client.post("/admin/login/", {"username": "ola", "password": PASSWORD})
    assert response.status_code == 302  # another client behind the same proxy
    locked = Client(REMOTE_ADDR="10.0.0.2", headers={"x-forwarded-for": "203.0.113.5"})
    response = locked.post("/admin/login/", {"username": "ola", "password": PASSWORD})
    assert response.status_code == 429
