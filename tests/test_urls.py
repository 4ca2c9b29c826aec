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
