"""An editor's and an approver's day in the admin, in a real browser (issue 10's scenarios)."""

from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from playwright.sync_api import expect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from home.models import BranchPage, ContactPerson
from plan.models import ActionPlanPage, MeasurePage, StrategyPage

from .conftest import BROWSER_TEST, TROMS_EDITOR, log_in, website_ready

pytestmark = BROWSER_TEST

PLAN_PATH = "/nb/nordland/handlingsplan-2024-2025/"


def choose(page, panel, name):
    """Pick ``name`` in the chooser modal of the inline form ``panel``."""
    page.click(f"{panel} [data-chooser-action-choose]")
    modal = page.locator(".modal-dialog")
    modal.locator("a[data-chooser-modal-choice]", has_text=name).click()
    modal.wait_for(state="hidden")


def website_frame(page):
    """The website's preview route framed inside the admin page (once it has rendered)."""
    for _ in range(100):
        for frame in page.frames:
            if "/preview/?content_type=" in frame.url:
                frame.wait_for_selector("body[data-ready=true]")
                return frame
        page.wait_for_timeout(150)
    raise AssertionError(f"no preview frame in {[frame.url for frame in page.frames]}")


def api_measure_titles(page, **params):
    query = "&".join(f"{name}={value}" for name, value in {"limit": 100, **params}.items())
    return [m["title"] for m in page.request.get(f"/api/v1/measures/?{query}").json()["results"]]


def test_1_editor_adds_a_measure_the_approver_previews_and_approves_it(new_page, screenshot):
    title = "Sommerskole i samhandling"
    arrangere = StrategyPage.objects.get(slug="arrangere", locale__language_code="nb")
    editor = new_page()
    log_in(editor, "redaktor")

    editor.goto(f"/admin/pages/{arrangere.pk}/add_subpage/")
    editor.fill("#id_title", title)
    editor.locator("#id_title").press("Tab")  # leaving the title fills in the slug
    # (No wait_for_function: the admin's Content-Security-Policy forbids evaluating strings.)
    expect(editor.locator("#id_slug")).to_have_value("sommerskole-i-samhandling")
    editor.locator("[contenteditable=true]").first.click()  # the summary
    editor.keyboard.type("Utkast: en sommerskole for kulturskoleledere.")
    editor.click("#id_partners-ADD")
    choose(editor, "#inline_child_partners-0-panel-content", "KS Nord")
    editor.select_option("#id_partners-0-role", "co_organiser")
    editor.click("#id_target_groups-ADD")
    choose(editor, "#inline_child_target_groups-0-panel-content", "Kulturskoleledere")
    editor.get_by_role("button", name="Lagre kladd").click()
    editor.wait_for_url("**/edit/")
    assert title in editor.locator(".messages").inner_text()
    measure = MeasurePage.objects.get(title=title)
    assert not measure.live
    assert title not in api_measure_titles(editor, search="Sommerskole")
    assert editor.request.get(f"/api/v1/measures/{measure.pk}/").status == 404

    # The preview panel shows the draft as the website will.
    editor.get_by_role("button", name="Vis/skjul forhåndsvisning").click()
    preview = website_frame(editor)
    text = preview.locator("main").inner_text()
    assert title in text and "Utkast: en sommerskole" in text
    assert "KS Nord (Medarrangør)" in text and "Kulturskoleledere" in text
    assert preview.locator(".preview-banner").is_visible()
    axe = Axe().run(preview)  # the website's frame
    assert axe.violations_count == 0, axe.generate_report()

    editor.locator("footer [data-w-dropdown-target=toggle]").click()
    editor.locator("button[name=action-submit]").click()
    editor.wait_for_url(f"**/admin/pages/{arrangere.pk}/")
    assert "sendt til godkjenning" in editor.locator(".messages").inner_text()

    # The approver previews the page from the dashboard, then approves it.
    approver = new_page()
    log_in(approver, "godkjenner")
    review = approver.locator("tr", has_text=title).filter(
        has=approver.locator("[data-workflow-action-url]")
    )
    preview_href = review.locator("a", has_text="Forhåndsvis").get_attribute("href")
    approver.goto(preview_href)
    preview = website_frame(approver)
    assert "Utkast: en sommerskole" in preview.locator("main").inner_text()
    approver.goto("/admin/")
    review.locator("[data-w-dropdown-target=toggle]").click()
    with approver.expect_navigation():
        review.get_by_role("button", name="Godkjenn", exact=True).click()
    measure.refresh_from_db()
    assert measure.live

    # The measure is in the plan on the website, under "Arrangere", with its partner.
    approver.goto(PLAN_PATH)
    website_ready(approver)
    strategy = approver.locator(".strategy", has_text="Arrangere")
    assert title in strategy.locator(".measure-item a").all_inner_texts()
    strategy.get_by_role("link", name=title).click()
    approver.wait_for_url(f"**/arrangere/{measure.slug}/")
    website_ready(approver)
    assert "KS Nord (Medarrangør)" in approver.locator("main").inner_text()
    assert title in api_measure_titles(approver, search="Sommerskole")
    screenshot(approver)


def test_4_a_troms_editor_cannot_see_or_open_nordlands_content(new_page, screenshot):
    nordland = BranchPage.objects.get(slug="nordland", locale__language_code="nb")
    plan = ActionPlanPage.objects.descendant_of(nordland).get(locale=nordland.locale)
    contact = ContactPerson.objects.get(name="Sigrun E. Fostad", locale=nordland.locale)
    image = get_image_model().objects.get(title__startswith="Forsidebilde")
    document = get_document_model().objects.get(title="Styrereferat Nordland")
    page = new_page()
    log_in(page, TROMS_EDITOR)

    listings = {
        f"/admin/pages/{nordland.get_parent().pk}/": "Nordland",
        # Wagtail opens the explorer of any page, but lists none of Nordland's pages in it.
        f"/admin/pages/{nordland.pk}/": plan.title,
        "/admin/pages/search/?q=Nordland": "Handlingsplan 2024–2025",
        "/admin/images/": image.title,
        "/admin/documents/": document.title,
    }
    for url, nordland_text in listings.items():
        page.goto(url)
        assert nordland_text not in page.locator("main").inner_text(), url
    # Contact persons are public and listed for every branch (they are chosen across
    # branches; see tests/branches), but another branch's cannot be opened.
    refused = [
        f"/admin/pages/{plan.pk}/edit/",
        f"/admin/pages/{nordland.pk}/edit/",
        reverse(
            f"wagtailsnippets_{ContactPerson._meta.app_label}_contactperson:edit", args=[contact.pk]
        ),
        reverse("wagtailimages:edit", args=[image.pk]),
        reverse("wagtaildocs:edit", args=[document.pk]),
    ]
    for url in refused:
        response = page.goto(url)
        assert response.status in (403, 404) or not page.url.endswith(url), url
        main = page.locator("main").inner_text()
        assert plan.title not in main and contact.email not in main, url
        assert document.title not in main and image.title not in main, url
    screenshot(page)


def test_5_a_troms_editor_starts_the_2026_2027_plan_from_nordlands(new_page, screenshot):
    troms = BranchPage.objects.get(slug="troms", locale__language_code="nb")
    page = new_page()
    log_in(page, TROMS_EDITOR)

    page.goto(f"/admin/pages/{troms.pk}/")
    page.get_by_role("button", name="Handlinger").click()
    page.get_by_role("link", name="Ny plan basert på …").click()
    page.wait_for_url(f"**/admin/plans/fork/{troms.pk}/")
    page.get_by_label("Basert på").select_option(
        label="Norsk kulturskoleråd Nordland: Handlingsplan 2024–2025"
    )
    page.get_by_label("Periode").fill("2026-2027")
    # Copying a plan of some 40 pages in two languages takes a while on a busy machine.
    page.get_by_role("button", name="Opprett utkast til plan").click(timeout=120_000)
    page.wait_for_url("**/edit/", timeout=120_000)

    plan = ActionPlanPage.objects.descendant_of(troms).get(locale=troms.locale)
    assert (plan.period_start, plan.period_end, plan.live) == (2026, 2027, False)
    assert page.locator("#id_title").input_value() == plan.title
    assert "Opprettet utkastet" in page.locator(".messages").inner_text()
    strategies = [s.title for s in StrategyPage.objects.child_of(plan).order_by("path")]
    assert strategies == ["Informere", "Samarbeide", "Arrangere"]
    # A draft: not on the API.
    plans = page.request.get("/api/v1/plans/?branch=troms").json()
    assert plans["count"] == 0
    screenshot(page)
