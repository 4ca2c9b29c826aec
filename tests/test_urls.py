"""Paths that are not pages answer 404 themselves; page paths get a language prefix."""

import pytest


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    ["/api/v1/no-such-endpoint/", "/api/v2/pages/999999/", "/documents/999999/missing.pdf"],
)
def test_a_missing_non_page_path_is_a_404_not_a_language_redirect(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "Location" not in response.headers


@pytest.mark.django_db
def test_a_page_path_without_language_is_redirected_to_the_default_language(client):
    from home.services.site import ensure_home_page

    ensure_home_page()
    response = client.get("/")
    assert response.status_code == 302
    assert response.headers["Location"] == "/nb/"


@pytest.mark.django_db
def test_the_admin_speaks_bokmal_to_an_english_browser(client):
    response = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.status_code == 200
    assert 'lang="nb"' in response.content.decode()


@pytest.mark.django_db
def test_an_editor_who_chose_english_gets_the_admin_in_english(client, django_user_model):
    from home.services.site import ensure_home_page

    ensure_home_page()
    editor = django_user_model.objects.create_superuser("editor", "editor@example.com", "pw")
    client.force_login(editor)
    assert 'lang="nb"' in client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en").content.decode()

    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "en"
    profile.save()
    assert 'lang="en"' in client.get("/admin/", HTTP_ACCEPT_LANGUAGE="nb").content.decode()
