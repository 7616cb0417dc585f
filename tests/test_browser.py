"""What a reader sees, in Debian's headless Chromium driven by Playwright."""

import shutil

import pytest
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


@pytest.fixture
def page(browser, live_server, transactional_db):
    call_command("loaddata", "archive", verbosity=0)
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def screenshot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"{name}.png", full_page=True)


def test_reader_opens_an_article_from_the_home_page_and_reads_its_quotes(page):
    page.goto("/")
    links = page.locator(".article-list a")
    assert links.count() == 5
    screenshot(page, "home")
    page.get_by_role("link", name="DoJ: No Evidence of Voting Infrastructure Compromise").click()
    assert page.get_by_role("heading", level=1).inner_text().startswith("DoJ: No Evidence")
    assert page.get_by_text("Sputnik").first.is_visible()
    assert page.locator(".quote-list li").count() == 7
    screenshot(page, "article")
