"""Sending committed changes to the website's webhooks: one delivery per URL, retried with
exponential backoff in the background."""

import json
import time
from datetime import timedelta

import requests
from django.conf import settings
from django.utils import timezone
from django_tasks import task

from cms.api.cdn import page_cdn_tag
from cms.api.changes import NOTIFIED_ACTIONS, api_urls

from .models import WebhookDelivery
from .signing import EVENT_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, signature

BACKGROUND = "background"


def payload(change):
    """The JSON body of a change: what changed, its key, locale and type, the CDN tag of the
    responses that show it, and the URLs that show it (the page on the website in every
    language and the API responses)."""
    return {
        "event": f"{change['object']}.{change['action']}",
        "object": change["object"],
        "id": change["id"],
        "key": change["key"],
        "locale": change["locale"],
        "type": change["type"],
        "cdn_tag": page_cdn_tag(change["type"], change["key"]),
        "urls": {
            "pages": change["page_urls"],
            "api": api_urls(change["api_paths"], languages=()),
        },
    }


def on_content_changed(sender, change, **kwargs):
    """Queue one delivery per webhook URL for a publish, unpublish or delete."""
    if change["action"] not in NOTIFIED_ACTIONS or not settings.WEBHOOK_URLS:
        return
    body = payload(change)
    for url in settings.WEBHOOK_URLS:
        delivery = WebhookDelivery.objects.create(url=url, event=body["event"], payload=body)
        deliver.enqueue(delivery.pk)


def backoff(attempts):
    """Seconds to wait after ``attempts`` failed attempts."""
    return settings.WEBHOOK_RETRY_SECONDS * 2 ** (attempts - 1)


def attempt(delivery):
    """POST the delivery once, signed; True when the receiver answered 2xx."""
    body = json.dumps(delivery.payload, ensure_ascii=False, sort_keys=True).encode()
    timestamp = int(time.time())
    headers = {
        "Content-Type": "application/json",
        EVENT_HEADER: delivery.event,
        TIMESTAMP_HEADER: str(timestamp),
        SIGNATURE_HEADER: signature(settings.WEBHOOK_SECRET, timestamp, body),
    }
    delivery.attempts += 1
    try:
        response = requests.post(
            delivery.url, data=body, headers=headers, timeout=settings.WEBHOOK_TIMEOUT_SECONDS
        )
    except requests.RequestException as error:
        delivery.response_status = None
        delivery.error = str(error)[:2000]
        ok = False
    else:
        delivery.response_status = response.status_code
        ok = 200 <= response.status_code < 300
        delivery.error = "" if ok else response.text[:2000]
    if ok:
        delivery.status = WebhookDelivery.Status.DELIVERED
    elif delivery.attempts >= settings.WEBHOOK_MAX_ATTEMPTS:
        delivery.status = WebhookDelivery.Status.FAILED
    delivery.save()
    return ok


@task(backend=BACKGROUND)
def deliver(delivery_id):
    """Deliver a webhook; on failure try again later, waiting twice as long each time.

    On a backend that can defer (the database backend) a retry is a new task run after the
    wait; otherwise (immediate) the task waits and retries itself.
    """
    delivery = WebhookDelivery.objects.filter(pk=delivery_id).first()
    while delivery is not None and delivery.status == WebhookDelivery.Status.PENDING:
        if attempt(delivery) or delivery.status == WebhookDelivery.Status.FAILED:
            return
        wait = backoff(delivery.attempts)
        if deliver.get_backend().supports_defer:
            deliver.using(run_after=timezone.now() + timedelta(seconds=wait)).enqueue(delivery_id)
            return
        time.sleep(wait)
