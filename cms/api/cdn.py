"""What a CDN in front of ``/api/`` needs: tags naming what a response contains.

Every public response carries ``Cache-Tag`` (comma-separated, e.g. Cloudflare, Akamai) and
``Surrogate-Key`` (space-separated, e.g. Fastly) with the tag ``api`` and one tag per page it
shows, ``<type>-<the first 12 hex digits of the page's translation key>`` (the same in every
language), e.g. ``plan-6f1c0d2e9a41``, ``measure-…``. On a change, the affected URLs are purged
through ``wagtail.contrib.frontend_cache`` (see ``cms.api.changes``); the tags let a CDN that
purges by tag do the same (each webhook names its object's tag, ``webhooks.services``).

Why a part of the key: a plan of 150 measures named with whole keys filled 7 KB of each header,
and every response paid for checking and parsing two such headers (in gunicorn, the CDN and any
client), and a plan of 200 measures lost tags beyond the 8,000 characters CDNs accept. Twelve
hex digits (48 random bits) tell a hundred thousand pages apart but for a chance of about one in
50,000 that two of them share a tag, and a shared tag only purges a response too many: it never
leaves one stale.
"""

#: The header lengths most CDNs accept; tags beyond it are left out (``api`` always stays).
MAX_HEADER_LENGTH = 8000
API_TAG = "api"
#: Hex digits of a page's translation key in its tag.
KEY_DIGITS = 12


def page_objects(data):
    """``(type, key)`` of every page object in serialized ``data``, in document order."""
    if isinstance(data, dict):
        if isinstance(data.get("type"), str) and data.get("key"):
            yield data["type"], str(data["key"])
        values = data.values()
    elif isinstance(data, list | tuple):
        values = data
    else:
        return
    for value in values:
        if isinstance(value, dict | list | tuple):  # a string or number holds no page object
            yield from page_objects(value)


def page_cdn_tag(type_name, key):
    """The CDN tag of a page of API type ``type_name`` with translation key ``key``."""
    return f"{type_name}-{str(key).replace('-', '')[:KEY_DIGITS]}"


def cdn_tags(data, pages=None):
    """The CDN tags of serialized response ``data``: ``api``, then each page once.

    ``pages``, when given, are the page objects of ``data`` found already (by
    :func:`cms.api.deferred.resolve`), which saves walking ``data`` again.
    """
    tags = {API_TAG: None}
    length = len(API_TAG)
    for type_name, key in page_objects(data) if pages is None else pages:
        tag = page_cdn_tag(type_name, key)
        if tag in tags:
            continue
        length += len(tag) + 1
        if length > MAX_HEADER_LENGTH:
            break
        tags[tag] = None
    return tuple(tags)


def set_cdn_headers(response, tags):
    response["Cache-Tag"] = ",".join(tags)
    response["Surrogate-Key"] = " ".join(tags)
    return response
