"""Login throttling with django-axes: per user name and per client address.

Every login form (Wagtail's /admin/login/, Django's /django-admin/login/) authenticates
through ``LoginThrottleBackend``; after AXES_FAILURE_LIMIT failed attempts for a user name or
from an address, further attempts are answered 429 with a plain page in the admin's language
until AXES_COOLOFF_TIME has passed or an administrator resets the lock
(``python manage.py axes_reset_username NAME``, ``axes_reset_ip ADDRESS``, ``axes_reset``).
"""

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.utils.translation import gettext as _

from cms.availability import plain_page


class LoginThrottleBackend(AxesStandaloneBackend):
    """django-axes's backend; authentication without a request (no login form) passes by."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def minutes(delta):
    return max(1, round(delta.total_seconds() / 60))


def locked_out(request, original_response=None, credentials=None):
    """The 429 page of a locked login (AXES_LOCKOUT_CALLABLE)."""
    message = _(
        "Too many failed login attempts. Wait %(minutes)s minutes and try again, or ask an "
        "administrator to unlock the account."
    ) % {"minutes": minutes(settings.AXES_COOLOFF_TIME)}
    response = plain_page(_("Login locked"), message, 429)
    response["Retry-After"] = str(int(settings.AXES_COOLOFF_TIME.total_seconds()))
    return response


def client_ip(request):
    """The client's address: the peer, or the entry that the trusted proxies added to
    X-Forwarded-For (TRUSTED_PROXY_COUNT)."""
    count = settings.TRUSTED_PROXY_COUNT
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if count and len(forwarded) >= count:
        return forwarded[-count]
    return request.META.get("REMOTE_ADDR")
