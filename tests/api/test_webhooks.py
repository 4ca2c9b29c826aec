"""Webhooks: a signed JSON POST to the website after a publish, unpublish or delete commits."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from tests.receiver import Receiver
from webhooks.models import WebhookDelivery
from webhooks.signing import SIGNATURE_HEADER, TIMESTAMP_HEADER, verify

SECRET = "webhook-test-secret-of-at-least-32-chars"


@pytest.fixture
def receiver(db, settings, request):
    statuses = getattr(request, "param", ())
    with Receiver(statuses) as receiver:
        settings.WEBHOOK_URLS = [f"{receiver.url}/hooks/cms"]
        settings.WEBHOOK_SECRET = SECRET
        settings.WEBHOOK_RETRY_SECONDS = 0
        settings.WEBHOOK_MAX_ATTEMPTS = 3
        yield receiver


def publish(content, django_capture_on_commit_callbacks, page=None):
    measure = content.fresh(page or content.measures[1])
    with django_capture_on_commit_callbacks(execute=True):
        measure.save_revision().publish()
    return measure


def test_a_publish_sends_a_signed_json_post_naming_the_change(
    content, receiver, get, django_capture_on_commit_callbacks
):
    measure = publish(content, django_capture_on_commit_callbacks)
    [post] = receiver.requests
    assert (post.method, post.path) == ("POST", "/hooks/cms")
    assert post.headers["Content-Type"] == "application/json"
    assert verify(SECRET, post.headers[TIMESTAMP_HEADER], post.body, post.headers[SIGNATURE_HEADER])
    assert not verify(
        "another secret", post.headers[TIMESTAMP_HEADER], post.body, post.headers[SIGNATURE_HEADER]
    )
    body = json.loads(post.body)
    assert body["event"] == "page.published"
    assert (body["id"], body["key"], body["locale"], body["type"]) == (
        measure.pk,
        str(measure.translation_key),
        "nb",
        "measure",
    )
    assert body["urls"]["pages"]["nb"].endswith(
        "/nb/troms/handlingsplan-2024-2025/informere/nyhetsbrev/"
    )
    assert "en" in body["urls"]["pages"]
    assert f"http://testserver/api/v1/plans/{content.plan.pk}/" in body["urls"]["api"]
    assert body["cdn_tag"] in get(f"/api/v1/plans/{content.plan.pk}/")["Cache-Tag"].split(",")
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.response_status) == ("delivered", 1, 200)


@pytest.mark.parametrize("receiver", [(500,)], indirect=True)
def test_a_failed_delivery_is_retried(content, receiver, django_capture_on_commit_callbacks):
    publish(content, django_capture_on_commit_callbacks)
    assert [r.method for r in receiver.requests] == ["POST", "POST"]
    assert receiver.requests[0].body == receiver.requests[1].body
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts) == ("delivered", 2)


@pytest.mark.parametrize("receiver", [(500, 502, 503)], indirect=True)
def test_a_delivery_fails_after_the_last_attempt(
    content, receiver, django_capture_on_commit_callbacks
):
    publish(content, django_capture_on_commit_callbacks)
    assert len(receiver.requests) == 3
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.response_status) == ("failed", 3, 503)


def test_a_draft_save_sends_nothing(content, receiver, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        content.fresh(content.measures[1]).save_revision()
    assert receiver.requests == []
    assert not WebhookDelivery.objects.exists()


def test_unpublish_and_delete_are_sent(content, receiver, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        content.fresh(content.measures[1]).unpublish()
    with django_capture_on_commit_callbacks(execute=True):
        content.fresh(content.measures[0]).delete()
    events = [json.loads(r.body)["event"] for r in receiver.requests]
    assert events[0] == "page.unpublished"
    assert "page.deleted" in events


def test_nothing_is_sent_before_the_commit(content, receiver, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        content.fresh(content.measures[1]).save_revision().publish()
    assert callbacks and receiver.requests == []


def test_administrators_see_recent_deliveries_and_editors_do_not(
    content, receiver, django_capture_on_commit_callbacks
):
    publish(content, django_capture_on_commit_callbacks)
    users = get_user_model()
    admin = users.objects.create_superuser("webhook-admin", "a@example.org", "pw")
    editor = users.objects.create_user("webhook-editor", "e@example.org", "pw")
    editor.user_permissions.add(*_admin_access())
    client = Client()
    client.force_login(admin)
    page = client.get("/admin/webhooks/")
    assert page.status_code == 200
    assert "page.published" in page.content.decode()
    assert "/hooks/cms" in page.content.decode()
    client.force_login(editor)
    refused = client.get("/admin/webhooks/")  # Wagtail sends the editor back to the dashboard
    assert (refused.status_code, refused.url) == (302, "/admin/")


def _admin_access():
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
