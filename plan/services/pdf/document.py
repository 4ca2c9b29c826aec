"""The HTML of a plan's printed document, in the requested language."""

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

#: The cover image's rendition: large enough for A4 at print quality, no larger.
COVER_RENDITION = "max-1800x1200"


def css_string(text):
    """``text`` as a CSS string literal (for the running header)."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ")
    return f'"{escaped}"'


def full_title(outline):
    """The plan's full title as on the original, e.g. "Handlingsplan for … Nordland 2024–2025"."""
    return _("Action plan for %(branch)s %(period)s") % {
        "branch": outline.branch_name,
        "period": outline.plan.period_label,
    }


def _quote_sources(plan):
    quotes = []
    for block in plan.quotes:
        resource = block.value["resource"]
        resource = resource.specific if resource else None
        quotes.append(
            {
                "text": block.value["text"],
                "page_number": block.value["page_number"],
                "title": getattr(resource, "publication_title", "")
                or getattr(resource, "title", ""),
                "url": getattr(resource, "external_url", ""),
            }
        )
    return quotes


def plan_html(outline):
    """The document's HTML; every heading and label from the catalogues in its language."""
    plan = outline.plan
    with translation.override(outline.language):
        title = full_title(outline)
        cover = plan.cover_image
        context = {
            "outline": outline,
            "plan": plan,
            "language": outline.language,
            "full_title": title,
            "header_title": css_string(title),
            "cover": cover,
            "cover_url": cover.get_rendition(COVER_RENDITION).url if cover else "",
            # The plan's own alt text in its language, else the image library's.
            "cover_alt": (plan.cover_image_alt or cover.alt_text) if cover else "",
            "quotes": _quote_sources(plan),
            "contact": plan.contact_person,
        }
        return render_to_string("plan/pdf/plan.html", context)
