"""The reference website in a real browser: every page type in every language, accessible."""

from axe_playwright_python.sync_playwright import Axe

from .conftest import BROWSER_TEST, website_ready

pytestmark = BROWSER_TEST

PLAN = "/nb/nordland/handlingsplan-2024-2025/"


def one_path_per_type_and_language(page):
    """From the API's sitemap: the first public path of each page type in each language."""
    sitemap = page.request.get("/api/v1/sitemap/?limit=100").json()
    paths = {}
    for entry in sitemap["results"]:
        paths.setdefault((entry["type"], entry["locale"]), entry["url"])
    return paths


def test_every_page_type_in_every_language_renders_with_no_axe_violations(new_page, screenshot):
    page = new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    paths = one_path_per_type_and_language(page)
    types = {"home", "branch", "plan", "strategy", "measure", "resource_index", "resource"}
    types |= {"event_index", "event"}
    assert {t for t, _ in paths} == types
    assert {language for _, language in paths} == {"nb", "en"}
    axe = Axe()
    report = {}
    for (page_type, language), path in sorted(paths.items()):
        page.goto(path)
        website_ready(page)
        assert page.locator("main").get_attribute("data-page-type") == page_type, path
        assert page.locator("html").get_attribute("lang") == language, path
        assert page.locator("h1").count() == 1, path
        results = axe.run(page)
        if results.violations_count:
            report[path] = results.generate_report()
    page.goto("/nb/nordland/finnes-ikke/")
    website_ready(page)
    assert page.locator("h1").inner_text() == "Fant ikke siden"
    results = axe.run(page)
    if results.violations_count:
        report["404"] = results.generate_report()
    screenshot(page)
    assert not report, "\n".join(f"{path}:\n{text}" for path, text in report.items())
    assert not errors


def test_the_plan_shows_strategies_measures_image_and_links_in_both_languages(new_page, screenshot):
    page = new_page()
    page.goto(PLAN)
    website_ready(page)
    assert page.title() == "Handlingsplan 2024–2025 – Norsk kulturskoleråd Nordland"
    strategies = page.locator(".strategy h3").all_inner_texts()
    assert strategies == ["Informere", "Samarbeide", "Arrangere"]
    arrangere = page.locator(".strategy").nth(2)
    assert arrangere.locator(".measure-item a").all_inner_texts()[:2] == [
        "Digital formiddagskaffe",
        "Lederkonferanse våren 2025",
    ]
    cover = page.locator("figure img").first
    assert cover.get_attribute("alt").startswith("Illustrasjon:")
    assert "Norsk kulturskoleråd" in page.locator("figure figcaption .credit").first.inner_text()
    assert page.evaluate("document.querySelector('figure img').naturalWidth") > 0

    # A measure opens in the page (no reload), with the breadcrumbs back to its plan.
    page.evaluate("window.notReloaded = true")
    arrangere.get_by_role("link", name="Lederkonferanse våren 2025").click()
    page.wait_for_url("**/arrangere/lederkonferanse-2025/")
    website_ready(page)
    assert page.locator("h1").inner_text() == "Lederkonferanse våren 2025"
    assert page.evaluate("window.notReloaded") is True
    assert "Strategi: Arrangere" in page.locator("main").inner_text()

    # The language switcher leads to the English measure.
    page.locator("[data-language-switcher]").get_by_role("link", name="English").click()
    page.wait_for_url(
        "/en/nordland/action-plan-2024-2025/organise/leaders-conference-in-spring-2025/"
    )
    website_ready(page)
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "Leaders' conference in spring 2025"
    assert page.locator(".skip-link").inner_text() == "Skip to content"

    # Back goes to the Bokmål measure.
    page.go_back()
    page.wait_for_url("**/nb/**/lederkonferanse-2025/")
    website_ready(page)
    assert page.locator("html").get_attribute("lang") == "nb"
    screenshot(page)
