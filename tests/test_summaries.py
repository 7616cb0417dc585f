"""Agency pages' stored summaries (statements.summaries): kept across the archive's versions, forgotten
by each write that changes what the page counts."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from statements import summaries
from statements.ingest import Document, ingest_documents
from statements.models import Agency, Country, Official, Quote

pytestmark = pytest.mark.usefixtures("seed_archive")

DOJ = "department-of-justice"


def page_text(client, agency):
    response = client.get(agency.get_absolute_url())
    assert response.status_code == 200
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def quote_count(client, agency):
    return int(re.search(r"(\d+) quotes?\b", page_text(client, agency)).group(1))


def stored(agency):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {summaries.TABLE} WHERE agency_id = %s", [agency.pk])  # noqa: S608
        return cursor.fetchone()[0] == 1


def test_a_stored_summary_serves_the_next_first_visit_without_counting_again(client):
    agency = Agency.objects.get(slug=DOJ)
    first = page_text(client, agency)
    assert stored(agency)
    cache.clear()  # a new process: nothing in the versioned cache
    with CaptureQueriesContext(connection) as again:
        assert page_text(client, agency) == first
    assert not any("GROUP BY" in query["sql"] for query in again.captured_queries)


def test_a_quote_given_to_an_agency_or_taken_from_it_changes_its_page(client):
    agency = Agency.objects.get(slug=DOJ)
    before = quote_count(client, agency)
    quote = Quote.objects.exclude(agencies=agency).first()
    quote.agencies.add(agency)
    assert quote_count(client, agency) == before + 1
    agency.quotes.remove(quote)  # from the agency's side of the link
    assert quote_count(client, agency) == before
    quote.agencies.add(agency)
    quote.agencies.clear()
    assert quote_count(client, agency) == before


def test_a_quote_s_countries_and_its_deletion_change_its_agencies_pages(client):
    agency = Agency.objects.get(slug=DOJ)
    quote = agency.quotes.first()
    assert "Germany" not in page_text(client, agency)
    quote.countries.add(Country.objects.get(code="DE"))
    assert "Germany" in page_text(client, agency)
    before = quote_count(client, agency)
    quote.delete()
    assert quote_count(client, agency) == before - 1


def facets_html(client, agency):
    html = client.get(agency.get_absolute_url()).content.decode()
    return html[html.index('aria-labelledby="facets-heading"') :].split("</aside>")[0]


def test_renaming_an_official_relabels_every_agency_page_s_facets(client):
    agency = Agency.objects.get(slug=DOJ)
    official = Official.objects.filter(quotes__agencies=agency).first()
    assert official.name in facets_html(client, agency)
    official.name = "A Renamed Official"
    official.save()
    assert "A Renamed Official" in facets_html(client, agency)


def test_ingest_forgets_the_summaries_of_the_agencies_it_links(client, tmp_path):
    agency = Agency.objects.get(slug="federal-bureau-of-investigation")
    before = quote_count(client, agency)
    document = tmp_path / "new.txt"
    document.write_text(
        "FBI warns of fake ballots\n\n"
        "WASHINGTON (AP) — The FBI warned on Monday about fake ballots.\n\n"
        "“We are watching every report closely,” FBI Director Christopher Wray said.\n",
        encoding="utf-8",
    )
    ingest_documents([Document.from_path(document)])
    assert quote_count(client, agency) == before + 1


def test_a_summary_counted_before_a_write_is_not_stored_after_it(django_capture_on_commit_callbacks):
    agency = Agency.objects.get(slug=DOJ)

    def counted_while_a_write_commits():
        with django_capture_on_commit_callbacks(execute=True):
            summaries.forget([agency.pk])
        return {"count": 0}

    assert summaries.for_agency(agency, counted_while_a_write_commits) == {"count": 0}
    assert not stored(agency)
    summaries.for_agency(agency, lambda: {"count": 1})
    assert stored(agency)
