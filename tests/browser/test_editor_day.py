"""An editor's and an approver's day in the admin, in a real browser (issue 10's scenarios)."""

import re
from collections import Counter

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from django.utils import timezone, translation
from playwright.sync_api import expect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale

from home.models import BranchPage, ContactPerson
from plan.models import ActionPlanPage, MeasurePage, MeasureStatus, StrategyPage
from tests.factories import MeasurePageFactory
from tests.translations.snapshots import content

from .conftest import BROWSER_TEST, TROMS_EDITOR, log_in, website_ready

pytestmark = BROWSER_TEST

PLAN_PATH = "/nb/nordland/handlingsplan-2024-2025/"
ENGLISH_PLAN_PATH = "/en/nordland/action-plan-2024-2025/"


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


def review_row(approver, title):
    """The dashboard's row of the page ``title`` waiting for ``approver``'s review."""
    return approver.locator("tr", has_text=title).filter(
        has=approver.locator("[data-workflow-action-url]")
    )


def approve_on_dashboard(approver, title):
    """Approve the page ``title`` from the approver's dashboard."""
    approver.goto("/admin/")
    review = review_row(approver, title)
    review.locator("[data-w-dropdown-target=toggle]").click()
    with approver.expect_navigation():
        review.get_by_role("button", name="Godkjenn", exact=True).click()


def submit_for_approval(editor):
    """Submit the page open in the editor to its branch's approval workflow."""
    editor.locator("footer [data-w-dropdown-target=toggle]").click()
    editor.locator("button[name=action-submit]").click()


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

    submit_for_approval(editor)
    editor.wait_for_url(f"**/admin/pages/{arrangere.pk}/")
    assert "sendt til godkjenning" in editor.locator(".messages").inner_text()

    # The approver previews the page from the dashboard, then approves it.
    approver = new_page()
    log_in(approver, "godkjenner")
    preview_href = review_row(approver, title).locator("a", has_text="Forhåndsvis")
    approver.goto(preview_href.get_attribute("href"))
    preview = website_frame(approver)
    assert "Utkast: en sommerskole" in preview.locator("main").inner_text()
    approve_on_dashboard(approver, title)
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


def nordland_page(model, slug):
    """Nordland's Bokmål page ``slug`` of type ``model`` (scenario 5 copies Nordland's plan to
    Troms, slugs and all)."""
    nordland = BranchPage.objects.get(slug="nordland", locale__language_code="nb")
    return model.objects.descendant_of(nordland).get(slug=slug, locale=nordland.locale)


def api_json(page, path):
    response = page.request.get(path)
    assert response.ok, (path, response.status)
    return response.json()


def measure_in_plan(plan, key):
    """The measure with the key ``key`` (the same in every language) as the plan endpoint
    lists it under its strategy."""
    for strategy in plan["strategies"]:
        for measure in strategy["measures"]:
            if measure["key"] == key:
                return measure
    raise AssertionError(f"no measure {key} in {[s['measures'] for s in plan['strategies']]}")


def test_2_a_status_update_is_approved_and_shown_in_both_languages(new_page, screenshot):
    measure = nordland_page(MeasurePage, "digital-formiddagskaffe")
    plan = measure.get_parent().get_parent()
    today = timezone.localdate()
    editor = new_page()
    log_in(editor, "redaktor")
    before = api_json(editor, f"/api/v1/measures/{measure.pk}/?locale=nb")["status"]
    assert before != MeasureStatus.COMPLETED

    editor.goto(f"/admin/pages/{measure.pk}/edit/")
    row = measure.status_updates.count()  # the index of the new inline form
    editor.click("#id_status_updates-ADD")
    date = editor.locator(f"#id_status_updates-{row}-date")
    date.fill(today.strftime("%d.%m.%Y"))
    # The date picker opens when the field takes focus and can cover the footer's buttons; the
    # editor leaves the field with Tab, which closes it (Escape does not).
    picker = editor.locator(".xdsoft_datetimepicker:visible")
    expect(picker).to_have_count(1)
    date.press("Tab")
    expect(picker).to_have_count(0)
    editor.select_option(f"#id_status_updates-{row}-status", MeasureStatus.COMPLETED.value)
    editor.fill(f"#id_status_updates-{row}-note", "Gjennomført gjennom hele perioden.")
    submit_for_approval(editor)
    editor.wait_for_url(f"**/admin/pages/{measure.get_parent().pk}/")
    assert "sendt til godkjenning" in editor.locator(".messages").inner_text()
    # Submitted, not approved: the API still shows the published status.
    assert api_json(editor, f"/api/v1/measures/{measure.pk}/")["status"] == before

    approver = new_page()
    log_in(approver, "godkjenner")
    approve_on_dashboard(approver, measure.title)
    assert measure.status_updates.filter(date=today, status=MeasureStatus.COMPLETED).exists()

    for language, label in (("nb", "Fullført"), ("en", "Completed")):
        data = api_json(approver, f"/api/v1/measures/{measure.pk}/?locale={language}")
        assert (data["status"], data["status_label"]) == ("completed", label), language
        latest = max(data["status_updates"], key=lambda update: update["date"])
        assert (latest["date"], latest["status"]) == (today.isoformat(), "completed"), language
        listed = measure_in_plan(
            api_json(approver, f"/api/v1/plans/{plan.pk}/?locale={language}"), data["key"]
        )
        assert (listed["status"], listed["status_label"]) == ("completed", label), language

    # The website shows the new status in the English plan and on the English measure.
    approver.goto(ENGLISH_PLAN_PATH)
    website_ready(approver)
    item = approver.locator(".measure-item", has_text="Digital mid-morning coffee")
    assert item.locator(".status").inner_text() == "Completed"
    item.get_by_role("link", name="Digital mid-morning coffee").click()
    english_slug = measure.get_translation(Locale.objects.get(language_code="en")).slug
    approver.wait_for_url(f"**/en/**/{english_slug}/")
    website_ready(approver)
    assert approver.locator("main .status-completed").first.inner_text() == "Completed"
    screenshot(approver)


#: The Bokmål texts of the untranslated measure and the English the editor types in.
ENGLISH = {
    "Kulturskoledagen i Nordland": "Culture school day in Nordland",
    "kulturskoledagen-i-nordland": "culture-school-day-in-nordland",
    "En felles dag for kulturskolene i fylket.": "A shared day for the schools of the county.",
    "høsten 2025": "autumn 2025",
}


@pytest.fixture(scope="module")
def untranslated_measure(live_site, django_db_blocker):
    """A published Bokmål measure without an English translation, committed for the server
    (module fixtures are set up before a test's rolled-back transaction begins)."""
    with django_db_blocker.unblock():
        strategy = nordland_page(StrategyPage, "samarbeide")
        return MeasurePageFactory(
            parent=strategy,
            title="Kulturskoledagen i Nordland",
            summary="<p>En felles dag for kulturskolene i fylket.</p>",
            timing_text="høsten 2025",
        )


def translate_segments(editor):
    """Fill in every untranslated segment of wagtail-localize's translation editor, tab by tab."""
    expect(editor.locator("li.incomplete").first).to_be_attached()
    tabs = editor.locator("main").get_by_role("tab")
    for index in range(tabs.count()):
        tabs.nth(index).click()
        segments = editor.locator("li.incomplete:visible")
        while segments.count():
            segment = segments.first
            source = segment.locator("p").first.inner_text().strip()
            assert source in ENGLISH, f"an unexpected segment: {source!r}"
            segment.get_by_role("button", name="Oversett", exact=True).click()
            segment.locator("textarea").fill(ENGLISH[source])
            segment.get_by_role("button", name="Lagre", exact=True).click()
            expect(editor.locator("li.complete", has_text=ENGLISH[source])).to_have_count(1)
    expect(editor.locator("li.incomplete")).to_have_count(0)


def test_3_the_editor_translates_a_measure_and_only_it_changes_in_english(
    untranslated_measure, new_page, screenshot
):
    measure = untranslated_measure
    english_locale = Locale.objects.get(language_code="en")
    assert not measure.has_translation(english_locale)
    before = content(["en"])
    editor = new_page()
    log_in(editor, "redaktor")

    # "Oversett denne siden" on the measure → English → the translation editor.
    editor.goto(f"/admin/pages/{measure.pk}/edit/")
    editor.get_by_role("button", name="Handlinger", exact=True).click()
    editor.get_by_role("link", name="Oversett denne siden").click()
    editor.wait_for_url(f"**/localize/submit/page/{measure.pk}/**")
    editor.locator("input[name=locales]").check()
    editor.locator("main form input[type=submit]").click()
    english = measure.get_translation(english_locale)
    editor.wait_for_url(f"**/admin/pages/{english.pk}/edit/")
    assert "er sendt til oversetting til engelsk" in editor.locator(".messages").inner_text()
    # The texts wagtail-localize's editor writes without gettext are in Bokmål too.
    expect(
        editor.get_by_role("heading", name="Oversettelse fra norsk bokmål til engelsk")
    ).to_have_count(1)
    expect(editor.get_by_text("More actions")).to_have_count(0)
    translate_segments(editor)
    # A branch editor may not publish: wagtail-localize offers them no publish button.
    expect(editor.get_by_role("button", name=re.compile("^Publiser på"))).to_have_count(0)

    # The approver publishes the translation in the same editor.
    approver = new_page()
    log_in(approver, "godkjenner")
    approver.goto(f"/admin/pages/{english.pk}/edit/")
    approver.get_by_role("button", name=re.compile("^Publiser på")).click()
    approver.wait_for_load_state()
    english.refresh_from_db()
    assert english.live and english.title == ENGLISH["Kulturskoledagen i Nordland"]

    # Only the new English page is new; no other English page or snippet changed.
    after = content(["en"])
    assert set(after) - set(before) == {("page", english.pk)}
    assert {key: after[key] for key in before} == before

    data = api_json(approver, f"/api/v1/measures/{measure.pk}/?locale=en")
    assert data["title"] == "Culture school day in Nordland" and not data["fallback"]
    approver.goto(ENGLISH_PLAN_PATH)
    website_ready(approver)
    strategy = approver.locator(".strategy", has_text="Collaborate")
    strategy.get_by_role("link", name="Culture school day in Nordland").click()
    approver.wait_for_url(f"**/en/**/{english.slug}/")
    website_ready(approver)
    assert approver.locator("h1").inner_text() == "Culture school day in Nordland"
    assert "A shared day for the schools" in approver.locator("main").inner_text()
    screenshot(approver)


def test_4_a_troms_editor_cannot_see_or_open_nordlands_content(new_page, screenshot):
    nordland = BranchPage.objects.get(slug="nordland", locale__language_code="nb")
    troms = BranchPage.objects.get(slug="troms", locale__language_code="nb")
    plan = ActionPlanPage.objects.descendant_of(nordland).get(locale=nordland.locale)
    contact = ContactPerson.objects.get(name="Sigrun E. Fostad", locale=nordland.locale)
    image = get_image_model().objects.get(title__startswith="Forsidebilde")
    document = get_document_model().objects.get(title="Styrereferat Nordland")
    page = new_page()
    log_in(page, TROMS_EDITOR)

    listings = {
        f"/admin/pages/{nordland.get_parent().pk}/": "Nordland",
        "/admin/pages/search/?q=Nordland": "Handlingsplan 2024–2025",
        reverse("wagtailsnippets_home_contactperson:list"): contact.name,
        "/admin/images/": image.title,
        "/admin/documents/": document.title,
    }
    for url, nordland_text in listings.items():
        page.goto(url)
        assert nordland_text not in page.locator("main").inner_text(), url
    # Opening Nordland's pages in the explorer leads to Troms instead.
    for explored in (nordland, plan):
        page.goto(f"/admin/pages/{explored.pk}/")
        assert page.url.endswith(f"/admin/pages/{troms.pk}/"), page.url
        assert plan.title not in page.locator("main").inner_text()
    refused = [
        f"/admin/pages/{plan.pk}/edit/",
        f"/admin/pages/{nordland.pk}/edit/",
        reverse("wagtailsnippets_home_contactperson:edit", args=[contact.pk]),
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
    # The fork runs as a background job; its page leads to the new plan when it is done.
    page.wait_for_url("**/admin/plans/jobs/*/", timeout=120_000)
    expect(page.locator(".plan-job")).to_contain_text("Ferdig:", timeout=120_000)
    page.get_by_role("link", name=re.compile("^Rediger den nye planen")).click()
    page.wait_for_url("**/edit/")

    plan = ActionPlanPage.objects.descendant_of(troms).get(locale=troms.locale)
    assert (plan.period_start, plan.period_end, plan.live) == (2026, 2027, False)
    assert page.locator("#id_title").input_value() == plan.title
    strategies = [s.title for s in StrategyPage.objects.child_of(plan).order_by("path")]
    assert strategies == ["Informere", "Samarbeide", "Arrangere"]
    # A draft: not on the API.
    plans = page.request.get("/api/v1/plans/?branch=troms").json()
    assert plans["count"] == 0
    screenshot(page)


def plan_line_text(plan):
    """The dashboard's line of ``plan``, from the API: "title: planlagt 2, pågår 3"."""
    labels = dict(MeasureStatus.choices)
    counts = Counter(
        measure["status"] for strategy in plan["strategies"] for measure in strategy["measures"]
    )
    with translation.override("nb"):
        parts = [f"{str(labels[s]).lower()} {counts[s]}" for s in labels if counts[s]]
    return f"{plan['title']}: {', '.join(parts)}"


def test_6_the_dashboard_shows_the_status_counts_and_an_out_of_date_translation(
    new_page, screenshot
):
    measure = nordland_page(MeasurePage, "ks-nord")
    english = measure.get_translation(Locale.objects.get(language_code="en"))
    plan = ActionPlanPage.objects.ancestor_of(measure).get()
    editor = new_page()
    log_in(editor, "redaktor")
    panel = editor.locator(".plan-dashboard")
    expect(panel).to_be_visible()
    line = panel.locator(".plan-dashboard__plans li", has_text=plan.title)
    expected = plan_line_text(api_json(editor, f"/api/v1/plans/{plan.pk}/?locale=nb"))
    assert " ".join(line.inner_text().split()) == expected
    assert line.get_by_role("link").get_attribute("href") == f"/admin/pages/{plan.pk}/edit/"
    outdated = panel.locator(".plan-dashboard__translations li", has_text=english.title)
    expect(outdated).to_have_count(0)

    # The editor changes the Bokmål measure; its English translation is now out of date.
    editor.goto(f"/admin/pages/{measure.pk}/edit/")
    summary = editor.locator("[contenteditable=true]").first
    summary.click()
    editor.keyboard.press("Control+End")
    editor.keyboard.type(" Nytt møte i desember.")
    editor.get_by_role("button", name="Lagre kladd").click()
    editor.wait_for_url("**/edit/")
    assert measure.title in editor.locator(".messages").inner_text()

    editor.goto("/admin/")
    expect(outdated).to_have_count(1)
    assert "engelsk" in outdated.inner_text()
    link = outdated.get_by_role("link", name=english.title)
    assert link.get_attribute("href") == f"/admin/pages/{english.pk}/edit/"
    screenshot(editor)
    link.click()
    editor.wait_for_url(f"**/admin/pages/{english.pk}/edit/")
