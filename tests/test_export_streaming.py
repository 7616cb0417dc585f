"""Exports stream: the header leaves before any row is read, and thousands of rows pass through memory
one batch at a time (tracemalloc), on a few thousand quotes written in bulk."""

import csv
import datetime
import io
import json
import tracemalloc

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from statements import exports
from statements.models import Agency, Article, Country, Official, Outlet, Quote

QUOTES = 6000


@pytest.fixture
def thousands_of_quotes(db):
    """QUOTES quotes in articles of ten, each with an official, an agency, Russia, every other one Iran."""
    outlet = Outlet.objects.create(name="Daily Ledger", slug="daily-ledger")
    agency = Agency.objects.create(name="Election Assistance Commission", acronym="EAC", slug="eac")
    officials = Official.objects.bulk_create(
        Official(name=f"Official Number {n}", slug=f"official-{n}") for n in range(50)
    )
    russia, iran = Country.objects.get(code="RU"), Country.objects.get(code="IR")
    sentences = [f"Statement {n}, on foreign interference in the election, said “again”." for n in range(10)]
    body = " ".join(sentences)
    articles = Article.objects.bulk_create(
        Article(
            title=f"Article {n}",
            outlet=outlet,
            published=datetime.date(2016 + n % 10, 1 + n % 12, 1 + n % 28),
            year=2016 + n % 10,
            body=body,
            source_file=f"bulk/{n}.txt",
            content_hash=f"{n:064d}",
        )
        for n in range(QUOTES // len(sentences))
    )
    quotes = Quote.objects.bulk_create(
        Quote(article=article, text=text, start=body.index(text), end=body.index(text) + len(text))
        for article in articles
        for text in sentences
    )
    Quote.officials.through.objects.bulk_create(
        Quote.officials.through(quote=quote, official=officials[n % len(officials)])
        for n, quote in enumerate(quotes)
    )
    Quote.agencies.through.objects.bulk_create(Quote.agencies.through(quote=q, agency=agency) for q in quotes)
    mentions = [(quote, russia) for quote in quotes] + [(quote, iran) for quote in quotes[::2]]
    Quote.countries.through.objects.bulk_create(
        Quote.countries.through(quote=quote, country=country) for quote, country in mentions
    )
    return Quote.objects.count()


def peak_memory(work):
    """(what work() returns, the peak of memory allocated while it ran)."""
    tracemalloc.start()
    try:
        result = work()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def streamed_size(client, url):
    """Stream an export, keeping nothing: (bytes, chunks) under the peak memory it took."""
    response = client.get(url)
    assert response.streaming

    def consume():
        size = chunks = 0
        for chunk in response.streaming_content:
            size, chunks = size + len(chunk), chunks + 1
        return size, chunks

    return peak_memory(consume)


def test_the_header_leaves_before_any_row_is_read_then_every_row_in_order(client, thousands_of_quotes):
    chunks = iter(client.get("/quotes.csv?sort=speaker").streaming_content)
    with CaptureQueriesContext(connection) as queries:
        header = next(chunks)
    assert header.startswith(b"id,permalink,text,")
    assert len(queries) == 0
    text = (header + b"".join(chunks)).decode()
    ids = [int(row["id"]) for row in csv.DictReader(io.StringIO(text, newline=""))]
    assert ids == list(Quote.objects.sorted_by("speaker").values_list("pk", flat=True))
    assert len(ids) == thousands_of_quotes > 5 * exports.BATCH_SIZE


def test_an_export_of_thousands_of_rows_never_holds_them_all(client, thousands_of_quotes):
    (size, chunks), peak = streamed_size(client, "/quotes.csv")
    (half_size, _), half_peak = streamed_size(client, "/quotes.csv?country=IR")
    _, holding_peak = peak_memory(lambda: list(Quote.objects.for_list()))

    assert chunks >= thousands_of_quotes // exports.BATCH_SIZE  # a chunk per batch, not per row
    assert size > 1.8 * half_size
    assert peak < 1.3 * half_peak, "memory grows with the number of rows"
    assert peak < holding_peak / 8, (peak, holding_peak)


def test_json_streams_a_chunk_per_batch_and_holds_every_row(client, thousands_of_quotes):
    response = client.get("/quotes.json")
    assert response.streaming
    chunks = list(response.streaming_content)
    assert len(chunks) >= thousands_of_quotes // exports.BATCH_SIZE
    body = json.loads(b"".join(chunks))
    assert body["count"] == len(body["results"]) == thousands_of_quotes
