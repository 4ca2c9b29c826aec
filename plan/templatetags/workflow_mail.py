"""What the workflow e-mails say about a page: its plan, its branch and links to it.

Links use the configured hosts: the admin on WAGTAILADMIN_BASE_URL, the page on the website
(FRONTEND_BASE_URL, or the CMS itself, which serves the pages, when that is not set).
"""

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.urls import reverse

from core.links import page_url
from home.models import BranchPage
from plan.models import ActionPlanPage

register = template.Library()


def admin_url(name, *args):
    """An absolute admin URL on WAGTAILADMIN_BASE_URL."""
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{reverse(name, args=args)}"


def website_url(page):
    """The page's public URL on the website (or on the CMS when no website is configured)."""
    url = page_url(page.locale.language_code, page.url_path)
    if "://" not in url:
        url = f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{url}"
    return url


@dataclass
class PageFacts:
    """The plan and branch a page belongs to, and where to see and edit it."""

    title: str
    kind: str
    plan: str
    branch: str
    edit_url: str
    page_url: str
    live: bool


@register.simple_tag
def page_facts(page):
    """The ``PageFacts`` of ``page`` (the title of its latest draft)."""
    page = page.specific
    plan = ActionPlanPage.objects.ancestor_of(page, inclusive=True).first()
    branch = BranchPage.objects.ancestor_of(page, inclusive=True).first()
    return PageFacts(
        title=page.get_admin_display_title(),
        kind=str(page._meta.verbose_name),
        plan=plan.get_admin_display_title() if plan else "",
        branch=branch.title if branch else "",
        edit_url=admin_url("wagtailadmin_pages:edit", page.pk),
        page_url=website_url(page),
        live=page.live,
    )


@register.simple_tag
def workflow_preview_url(page, task):
    """The approver's preview of the page in a moderation task, in the admin."""
    return admin_url("wagtailadmin_pages:workflow_preview", page.pk, task.pk)


@register.simple_tag
def notification_settings_url():
    """Where a user turns the e-mails off (their account settings)."""
    return admin_url("wagtailadmin_account") + "#tab-notifications"
