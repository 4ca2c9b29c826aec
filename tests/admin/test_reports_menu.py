"""The "Reports" menu speaks each editor's language, whoever opened the admin first."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.admin.menu import reports_menu
from wagtail.users.models import UserProfile


def sidebar_labels(html):
    """The labels of the admin sidebar's menu items (from its JSON props)."""
    props = re.search(
        r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', html, re.S
    )
    return set(re.findall(r'"label": "([^"]*)"', props.group(1)))


@pytest.mark.django_db
def test_the_translations_report_item_follows_each_editors_language(client):
    reports_menu.__dict__.pop("registered_menu_items", None)  # built afresh, as after a restart
    users = get_user_model().objects
    english = users.create_superuser("english", "english@example.org", "x")
    profile = UserProfile.get_for_user(english)
    profile.preferred_language = "en"
    profile.save()
    norwegian = users.create_superuser("norsk", "norsk@example.org", "x")

    client.force_login(english)  # the first to build the reports menu
    assert "Translations" in sidebar_labels(
        client.get(reverse("wagtailadmin_home")).content.decode()
    )
    client.force_login(norwegian)
    labels = sidebar_labels(client.get(reverse("wagtailadmin_home")).content.decode())
    assert "Oversettelser" in labels
    assert "Translations" not in labels
