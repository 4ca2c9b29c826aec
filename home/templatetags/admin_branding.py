"""The admin calls itself by the project's name (WAGTAIL_SITE_NAME), not "Wagtail"."""

from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def site_name():
    """The name of this CMS, e.g. "Handlingsplan CMS"."""
    return settings.WAGTAIL_SITE_NAME
