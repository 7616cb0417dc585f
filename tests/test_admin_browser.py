"""A researcher corrects a quote's speaker in the admin, in Debian's headless Chromium, and reverts it."""

import importlib
import re
import shutil

import pytest
from django.apps import apps
from django.core.management import call_command
from playwright.sync_api import expect

from statements.models import Country, Quote
from tests.conftest import ARTIFACTS

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
PASSWORD = "x-Rays-42!"

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import expect

    expect.set_options(timeout=10_000)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
        )
        yield browser
        browser.close()


@pytest.fixture
def archive(live_server, transactional_db):
    """The seed archive and a researcher, in a database an earlier transactional test may have emptied
    (so the data migrations' rows, countries and the Researchers group, are made again)."""
    if not Country.objects.exists():
        importlib.import_module("statements.migrations.0002_countries_from_pycountry").add_countries(
            apps, None
        )
    importlib.import_module("statements.migrations.0006_researchers_group").create_group(apps, None)
    call_command("loaddata", "archive", verbosity=0)
    call_command("create_researcher", "ada", "--password", PASSWORD, verbosity=0)
    return live_server


@pytest.fixture
def page(browser, archive):
    context = browser.new_context(base_url=archive.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def screenshot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"{name}.png", full_page=True)


def test_researcher_corrects_a_speaker_sees_it_public_and_in_the_history_then_reverts_it(page):
    quote = Quote.objects.filter(speaker__gt="").order_by("pk").first()
    original = quote.speaker
    corrected = "a senior election security official"

    page.goto(f"/admin/statements/quote/{quote.pk}/change/")
    assert "/admin/login/" in page.url
    page.fill("#id_username", "ada")
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(f"/admin/statements/quote/{quote.pk}/change/$"))

    page.fill("#id_speaker", corrected)
    page.fill("#id_change_reason", "speaker as the article's fourth paragraph names them")
    screenshot(page, "admin-quote-change")
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist .success")).to_have_count(1)

    page.goto(quote.get_absolute_url())
    assert corrected in page.locator(".the-quote").inner_text()
    screenshot(page, "admin-corrected-quote-public")

    page.goto(f"/admin/statements/quote/{quote.pk}/history/")
    rows = page.locator("#change-history tbody tr")
    assert rows.count() == 2
    newest = rows.nth(0).inner_text()
    assert "ada" in newest
    assert "fourth paragraph" in newest
    assert re.search(r"speaker", newest)
    assert "loaddata archive" in rows.nth(1).inner_text()
    screenshot(page, "admin-quote-history")

    rows.nth(1).locator("a").first.click()
    expect(page.locator("#id_speaker")).to_have_value(original)
    page.get_by_role("button", name="Revert").click()
    expect(page.locator(".messagelist .success")).to_have_count(1)

    page.goto(quote.get_absolute_url())
    assert corrected not in page.locator(".the-quote").inner_text()
    assert original in page.locator(".the-quote").inner_text()
    page.goto(f"/admin/statements/quote/{quote.pk}/history/")
    assert page.locator("#change-history tbody tr").count() == 3
    assert "revert to the version of" in page.locator("#change-history tbody tr").nth(0).inner_text()
    screenshot(page, "admin-quote-history-reverted")


def test_researcher_ingests_a_pasted_document_correcting_a_speaker_in_the_preview(page):
    from statements.models import Article
    from tests.conftest import DOCUMENTS

    Article.objects.filter(source_file="000_931bc58d955ca798.txt").first().quotes.all().delete()
    Article.objects.filter(source_file="000_931bc58d955ca798.txt").delete()
    document = DOCUMENTS / "000_931bc58d955ca798.txt"
    page.goto("/admin/login/?next=/admin/statements/article/")
    page.fill("#id_username", "ada")
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("link", name="Ingest a document").click()
    page.fill("#id_name", document.name)
    page.fill("#id_text", document.read_text(encoding="utf-8"))
    page.get_by_role("button", name="Preview").click()
    expect(page.get_by_role("button", name="Save to the archive")).to_be_visible()
    rows = page.locator("tr.quote-row")
    assert rows.count() > 0
    rows.first.locator("input[name$='-speaker']").fill("the corrected speaker")
    screenshot(page, "admin-ingest-preview")
    page.get_by_role("button", name="Save to the archive").click()
    expect(page.locator(".messagelist .success")).to_have_count(1)
    article = Article.objects.get(source_file=document.name)
    assert article.quotes.order_by("start").first().speaker == "the corrected speaker"
    screenshot(page, "admin-ingested-article")
