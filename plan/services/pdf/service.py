"""Render, cache and name the PDF of a plan."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils.text import slugify
from wagtail.models import Page

from cms.api.generation import current_generation
from plan.services.outline import plan_outline
from plan.services.plan_tree import primary_translation

from .document import plan_html

PDF_MEDIA_TYPE = "application/pdf"
#: Cached PDFs go stale with the content generation; the timeout only frees the cache.
CACHE_SECONDS = 24 * 60 * 60


class PdfUnavailable(RuntimeError):
    """No PDF can be rendered on this machine (WeasyPrint or pango is missing)."""


def _weasyprint():
    try:
        import weasyprint
    except (ImportError, OSError) as error:  # OSError: pango's shared library is missing
        raise PdfUnavailable(str(error)) from error
    return weasyprint


def _drafts_fingerprint(plan):
    """What changes whenever a draft of the plan's tree is saved."""
    rows = Page.objects.descendant_of(plan, inclusive=True).values_list("pk", "latest_revision_id")
    return hashlib.sha256(repr(sorted(rows)).encode()).hexdigest()[:16]


def _cache_key(plan, language, include_drafts):
    source = primary_translation(plan, include_drafts)
    key = f"plan-pdf:{source.pk}:{language}:{current_generation().value}"
    return f"{key}:draft-{_drafts_fingerprint(source)}" if include_drafts else key


def render_pdf(html, base_url):
    """PDF bytes of ``html``: A4, tagged (PDF/UA-1), fonts embedded, media read locally."""
    weasyprint = _weasyprint()
    from .fetcher import local_media_fetcher

    document = weasyprint.HTML(
        string=html, base_url=base_url, url_fetcher=local_media_fetcher(weasyprint)
    )
    return document.write_pdf(pdf_variant="pdf/ua-1")


def plan_pdf(plan, language, include_drafts=False):
    """The PDF (bytes) of ``plan`` in ``language``; public content unless ``include_drafts``.

    Served from the cache when this plan, language and content were rendered before.
    """
    plan = plan.specific
    key = _cache_key(plan, language, include_drafts)
    data = cache.get(key)
    if data is None:
        html = plan_html(plan_outline(plan, language, include_drafts))
        data = render_pdf(html, settings.WAGTAILADMIN_BASE_URL)
        cache.set(key, data, CACHE_SECONDS)
    return data


def pdf_filename(plan, language):
    """A download name such as ``handlingsplan-nordland-2024-2025-nb.pdf``."""
    branch = plan.get_parent().slug
    return f"{slugify(plan.slug)}-{slugify(branch)}-{language}.pdf"
