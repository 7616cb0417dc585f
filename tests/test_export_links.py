"""Every list page links its CSV and JSON exports, with its filters and sort and the number of rows."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.test_export import csv_rows, json_body

pytestmark = pytest.mark.usefixtures("seed_archive")


def export_link_rows(html, kind):
    match = re.search(rf'class="export-{kind}" href="([^"]+)"[^>]*data-rows="(\d+)"', html)
    assert match, f"no {kind} export link"
    return match.group(1).replace("&amp;", "&"), int(match.group(2))


@pytest.mark.parametrize(
    ("path", "query"),
    [
        ("/quotes/", "country=RU&sort=speaker&page=2&per_page=2"),
        ("/quotes/", "year=2020"),
        ("/articles/", "country=IR&sort=title"),
        ("/officials/", "sort=quotes"),
        ("/agencies/", ""),
        ("/outlets/", ""),
    ],
)
def test_list_page_links_its_exports_with_its_filters_and_row_count(client, path, query):
    html = client.get(f"{path}?{query}").content.decode()
    for kind in ("csv", "json"):
        url, count = export_link_rows(html, kind)
        assert "page" not in parse_qs(urlsplit(url).query)
        for param in query.split("&"):
            if param and not param.startswith("page="):
                assert param in url
        response = client.get(url)
        rows = csv_rows(response) if kind == "csv" else json_body(response)["results"]
        assert len(rows) == count
