"""What a reader sees, in Debian's headless Chromium driven by Playwright; screenshots in test-artifacts/."""

import importlib
import shutil

import pytest
from django.apps import apps
from django.core.management import call_command

from tests.conftest import ARTIFACTS

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"

pytestmark = pytest.mark.browser


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
        )
        yield browser
        browser.close()


def load_seed_archive():
    """The seed archive in a transactional test's database, which the previous such test emptied,
    countries (a data migration's rows) included."""
    from statements.models import Country

    if not Country.objects.exists():
        countries = importlib.import_module("statements.migrations.0002_countries_from_pycountry")
        countries.add_countries(apps, None)
    call_command("loaddata", "archive", verbosity=0)


def new_page(browser, live_server, **options):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False, **options)
    return context, context.new_page()


@pytest.fixture
def page(browser, live_server, transactional_db):
    load_seed_archive()
    # Every page must work without JavaScript, so the reader here has none.
    context, page = new_page(browser, live_server, viewport={"width": 1280, "height": 900})
    yield page
    context.close()


@pytest.fixture
def phone(browser, live_server, transactional_db):
    load_seed_archive()
    context, page = new_page(browser, live_server, viewport={"width": 390, "height": 844}, is_mobile=True)
    yield page
    context.close()


def screenshot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"{name}.png", full_page=True)


def facet_link(page, facet, label):
    return page.locator(f"section[aria-labelledby='facet-{facet}']").get_by_role(
        "link", name=label, exact=True
    )


def test_reader_opens_an_article_from_the_home_page_and_reads_its_quotes(page):
    page.goto("/")
    assert page.locator(".article-list a").count() == 5
    assert page.locator("svg[role=img] rect").count() > 0
    screenshot(page, "home")
    page.get_by_role("link", name="DoJ: No Evidence of Voting Infrastructure Compromise").first.click()
    assert page.get_by_role("heading", level=1).inner_text().startswith("DoJ: No Evidence")
    assert page.get_by_text("Sputnik").first.is_visible()
    assert page.locator(".quote-list li").count() == 7
    screenshot(page, "article")


def test_reader_narrows_quotes_by_facets_opens_one_and_finds_it_highlighted_in_its_article(page):
    page.goto("/quotes/")
    assert page.get_by_role("status").inner_text() == "35 quotes"
    facet_link(page, "countries", "Russian Federation").click()
    assert page.get_by_role("status").inner_text() == "5 quotes"
    facet_link(page, "years", "2019").click()
    assert page.get_by_role("status").inner_text() == "2 quotes"
    assert "country=RU" in page.url
    assert "year=2019" in page.url
    screenshot(page, "quotes-russia-2019")

    page.locator(".quote-item blockquote a").filter(has_text="Our adversaries").click()
    assert page.locator(".the-quote blockquote").inner_text().startswith("“Our adversaries")
    assert page.get_by_role("heading", name="Cite this quote").is_visible()
    screenshot(page, "quote")

    page.locator("#source-heading + p a").first.click()
    assert "#quote-" in page.url
    anchor = page.url.split("#")[1]
    highlighted = page.locator(f"#{anchor} mark")
    assert highlighted.inner_text().startswith("Our adversaries want to undermine")
    assert highlighted.evaluate("el => getComputedStyle(el).backgroundColor") != "rgba(0, 0, 0, 0)"


def test_reader_compares_the_joint_statement_across_outlets(page):
    page.goto("/quotes/?q=unprecedented+coordination")
    assert page.get_by_role("status").inner_text().startswith("2 quotes")
    assert page.locator(".quote-item mark").count() >= 2
    screenshot(page, "search")
    page.locator(".quote-item blockquote a").filter(has_text="U.S. government").click()
    other = page.locator(".same-words a").first
    assert "Sputnik" in page.locator(".same-words").inner_text()
    other.click()
    assert "US government" in page.locator(".the-quote").inner_text()


def test_reader_on_a_phone_gets_one_column_and_every_main_page(phone):
    for url, name in [
        ("/", "phone-home"),
        ("/quotes/?country=RU", "phone-quotes"),
        ("/officials/christopher-krebs/", "phone-official"),
    ]:
        phone.goto(url)
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= 400, (url, width)
        screenshot(phone, name)


def test_main_pages_are_screenshotted_for_review(page):
    for url, name in [
        ("/articles/", "articles"),
        ("/officials/christopher-krebs/", "official"),
        ("/countries/RU/", "country"),
        ("/years/2019/", "year"),
        ("/outlets/sputnik/", "outlet"),
        ("/agencies/department-of-justice/", "agency"),
        ("/quotes/?year=abc", "bad-input"),
    ]:
        page.goto(url)
        assert page.get_by_role("heading", level=1).count() == 1, url
        screenshot(page, name)


def test_keyboard_focus_is_visible(page):
    page.goto("/quotes/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert skip.evaluate("el => el === document.activeElement")
    page.keyboard.press("Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"
