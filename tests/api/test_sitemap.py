"""The sitemap: every public URL with its last change and alternates."""

from wagtail.models import Page

from core.visibility import public_pages


def all_entries(get):
    entries, offset = [], 0
    while True:
        body = get("/api/v1/sitemap/", limit=100, offset=offset).json()
        entries += body["results"]
        if not body["next"]:
            return entries
        offset += 100


def test_sitemap_lists_every_public_url_once(get, content):
    entries = all_entries(get)
    urls = [entry["url"] for entry in entries]
    assert len(urls) == len(set(urls)) == public_pages().count()
    assert "/nb/troms/handlingsplan-2024-2025/" in urls
    assert "/en/troms/handlingsplan-2024-2025/" in urls
    assert "/nb/" in urls and "/en/" in urls
    assert not any("utkast" in url or "intern" in url for url in urls)
    hidden = {content.draft_measure.pk, content.restricted_measure.pk}
    assert not hidden & {entry["id"] for entry in entries}
    assert Page.objects.count() > len(entries)


def test_sitemap_entry_has_lastmod_and_alternates(get, content):
    entries = {entry["id"]: entry for entry in all_entries(get)}
    plan = entries[content.plan.pk]
    assert plan["type"] == "plan" and plan["locale"] == "nb"
    assert plan["lastmod"]
    assert plan["translations"] == {
        "en": {
            "id": content.en(content.plan).pk,
            "url": "/en/troms/handlingsplan-2024-2025/",
        },
        "nb": {"id": content.plan.pk, "url": "/nb/troms/handlingsplan-2024-2025/"},
    }
    untranslated = entries[content.untranslated_measure.pk]
    assert list(untranslated["translations"]) == ["nb"]
