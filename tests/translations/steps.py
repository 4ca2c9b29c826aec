"""What editors do in the admin, step by step, through Wagtail's and wagtail-localize's views."""

from django.contrib.auth import get_user_model
from django.test import TestCase
from django.urls import reverse
from wagtail.models import Locale, Page, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text
from wagtail_localize.models import StringSegment, Translation, TranslationSource


def user(username):
    return get_user_model().objects.get(username=username)


def login(client, username):
    client.force_login(user(username))


def add_measure(client, strategy, title, slug, summary, **inlines):
    """As the logged-in editor: a new measure under ``strategy``, submitted for moderation."""
    formsets = {
        name: inline_formset(inlines.get(name, []))
        for name in (
            "status_updates",
            "partners",
            "target_groups",
            "contacts",
            "related_events",
            "related_resources",
            "goals",
        )
    }
    data = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "summary": rich_text(summary),
            "body": rich_text(""),
            **formsets,
            "action-submit": "1",
        }
    )
    url = reverse("wagtailadmin_pages:add", args=["plan", "measurepage", strategy.pk])
    response = client.post(url, data)
    assert response.status_code == 302, form_errors(response)
    return Page.objects.child_of(strategy).get(title=title).specific


def form_errors(response):
    """The errors of the admin form in ``response``."""
    form = response.context and response.context.get("form")
    if form is None:
        return response.status_code
    errors = dict(form.errors)
    for name, formset in getattr(form, "formsets", {}).items():
        errors.update({name: formset.errors, f"{name}-non-form": formset.non_form_errors()})
    return errors


def approve(client, page, username="godkjenner"):
    """As ``username``: approve the page's moderation task (which publishes it)."""
    state = WorkflowState.objects.active().get(object_id=str(page.pk))
    login(client, username)
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.pk, "approve", state.current_task_state.pk],
    )
    response = client.post(url, {"comment": ""})
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    return page


def translate_page(client, page, language_code, **data):
    """ "Translate this page" into ``language_code`` (wagtail-localize's submit view)."""
    locale = Locale.objects.get(language_code=language_code)
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"locales": [locale.pk], **data})
    assert response.status_code == 302, response.content.decode()[:2000]
    return Translation.objects.get(
        source=TranslationSource.objects.get_for_instance(page), target_locale=locale
    )


def translate_strings(client, translation, texts):
    """In the translation editor: translate the source strings ``texts`` maps to their text."""
    segments = StringSegment.objects.filter(source=translation.source).select_related("string")
    done = 0
    for segment in segments:
        if segment.string.data in texts:
            url = reverse(
                "wagtail_localize:edit_string_translation",
                args=[translation.pk, segment.pk],
            )
            response = client.put(
                url,
                f"value={_quote(texts[segment.string.data])}",
                content_type="application/x-www-form-urlencoded",
            )
            assert response.status_code in (200, 201), response.content[:500]
            done += 1
    assert done >= len(texts), f"only {done} of {len(texts)} strings found"


def _quote(text):
    from urllib.parse import quote

    return quote(text)


def publish_translation(client, translation):
    """ "Publish in <language>" in the translation editor."""
    target = translation.get_target_instance()
    url = reverse("wagtailadmin_pages:edit", args=[target.pk])
    # wagtail-localize publishes when the transaction commits.
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(url, {"action": "publish"})
    assert response.status_code in (200, 302), response.status_code
    return target


def untranslated(translation):
    """The source strings of ``translation`` that have no translation in its target locale."""
    return list(
        StringSegment.objects.filter(source=translation.source)
        .annotate_translation(translation.target_locale)
        .filter(translation__isnull=True)
        .values_list("string__data", flat=True)
    )
