"""Guards for the archive at a million quotes (docs/scale.md), checked without timing anything: queries per
page stay few and constant, exports stream, the denormalised date follows every write, cached counts
follow the archive, and the synthetic archive is the same for the same seed."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from statements import search, summaries, synthetic, views
from statements.models import Article, Country, Official, Quote

MAX_QUERIES = 10


@pytest.fixture
def many_quotes(seed_archive):
    """One more article with 150 quotes, each by an official, mentioning two countries."""
    sentences = [f"“Statement number {i} on election security,” said the official." for i in range(150)]
    body = "\n".join(sentences)
    article = Article.objects.create(
        body=body, source_file="many.txt", content_hash="e" * 64, published=datetime.date(2020, 3, 1)
    )
    wray = Official.objects.get(slug="christopher-wray")
    russia, iran = Country.objects.filter(code__in=["RU", "IR"])
    for match in re.finditer(r"“([^”]+)”", body):
        quote = Quote.objects.create(
            article=article, text=match.group(1), start=match.start(1), end=match.end(1)
        )
        quote.officials.add(wray)
        quote.countries.add(russia, iran)
    return article


def queries(client, url, *, cold):
    if cold:  # nothing cached, nothing stored
        cache.clear()
        summaries.forget()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
        assert response.status_code == 200, url
        if getattr(response, "streaming", False):
            b"".join(response.streaming_content)
    return len(captured.captured_queries)


PAGES = [
    "/",
    "/quotes/",
    "/quotes/?year=2020&country=RU",
    "/quotes/?year=2020&country=RU&official=christopher-wray",
    "/quotes/?q=election",
    "/quotes/?q=election&year=2020",
    "/officials/christopher-wray/",
    "/countries/RU/",
    "/years/2020/",
    "/agencies/federal-bureau-of-investigation/",
    "/outlets/the-hill/",
    "/articles/",
    "/articles/?year=2020&country=RU&outlet=the-hill",
]


@pytest.mark.parametrize("url", PAGES)
def test_pages_run_a_few_queries_whatever_the_number_of_rows(client, many_quotes, url):
    joiner = "&" if "?" in url else "?"
    few, many = (queries(client, f"{url}{joiner}per_page={n}", cold=True) for n in (10, 100))
    assert few == many
    warm = queries(client, f"{url}{joiner}per_page=100", cold=False)
    assert warm <= MAX_QUERIES, f"{url}: {warm} queries once counts and facets are cached"
    # Cold too: counts computed, every facet in one statement, one lookup per named record.
    assert few <= MAX_QUERIES, f"{url}: {few} queries with nothing cached"


def test_detail_pages_run_a_few_queries(client, many_quotes):
    quote = many_quotes.quotes.order_by("start").first()
    for url in (quote.get_absolute_url(), many_quotes.get_absolute_url()):
        assert queries(client, url, cold=True) <= MAX_QUERIES, url


def test_the_official_page_is_paginated(client, many_quotes):
    response = client.get("/officials/christopher-wray/")
    assert response.context["quote_count"] == 155
    shown = sum(len(quotes) for _, quotes in response.context["quotes_by_year"])
    assert shown == views.OFFICIAL_QUOTES_PER_PAGE == 10
    assert client.get("/officials/christopher-wray/?page=16").status_code == 200  # 155 quotes, 10 a page
    assert client.get("/officials/christopher-wray/?page=17").status_code == 404


def test_same_words_candidates_come_from_the_search_index(many_quotes):
    quote = Quote.objects.get(
        article__source_file="001_9ac11eb682f3addc.txt", text__startswith="In an unprec"
    )
    others = Quote.objects.exclude(article=quote.article)
    with CaptureQueriesContext(connection) as captured:
        candidates = list(search.same_words_candidates(quote, others))
    assert len(captured.captured_queries) <= 2  # on PostgreSQL, the table's first pages, then the index
    assert len(candidates) <= search.CANDIDATE_LIMIT
    assert [c.article.outlet.name for c in search.carrying_same_words(quote, candidates)] == ["Sputnik"]


def test_same_words_candidates_are_the_same_at_every_visit(many_quotes):
    quote = Quote.objects.get(
        article__source_file="001_9ac11eb682f3addc.txt", text__startswith="In an unprec"
    )
    others = Quote.objects.exclude(article=quote.article)
    visits = [[c.pk for c in search.same_words_candidates(quote, others, limit=5)] for _ in range(3)]
    assert visits[0] == visits[1] == visits[2]
    if connection.vendor == "postgresql":
        # Unsorted candidates keep their order only if no scan starts where another one is.
        with connection.cursor() as cursor:
            cursor.execute("SHOW synchronize_seqscans")
            assert cursor.fetchone()[0] == "off"


def test_same_words_candidates_from_the_first_pages_are_the_index_s_first(many_quotes):
    """Reading the table's first pages before the index is a shortcut, never a different answer."""
    quotes = list(Quote.objects.filter(article__source_file="many.txt")[:3]) + [
        Quote.objects.get(article__source_file="001_9ac11eb682f3addc.txt", text__startswith="In an unprec")
    ]
    answered_by_pages_read = {1: 0, 2: 0}  # by the first pages, by the first and the next pages
    table_pages = 1
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_relation_size('statements_quote') / current_setting('block_size')::int")
            table_pages = cursor.fetchone()[0]
    # Every page where the first pages may end: the quotes of many.txt start on one of them.
    probe_pages_tried = [*range(1, table_pages + 2), search.PROBE_PAGES]
    for quote in quotes:
        others = Quote.objects.exclude(pk=quote.pk)
        for limit in (1, 3, 20, search.CANDIDATE_LIMIT):
            from_the_index = [c.pk for c in search.same_words_candidates(quote, others, limit, probe_pages=0)]
            for probe_pages in probe_pages_tried:
                with CaptureQueriesContext(connection) as captured:
                    probed = [c.pk for c in search.same_words_candidates(quote, others, limit, probe_pages)]
                assert probed == from_the_index, (quote.text, limit, probe_pages)
                statements = [query["sql"] for query in captured.captured_queries]
                if all("ctid" in sql for sql in statements):
                    answered_by_pages_read[len(statements)] += 1
    if connection.vendor == "postgresql":
        # Both shortcuts were taken, so the comparison above tested them.
        assert answered_by_pages_read[1], answered_by_pages_read
        assert answered_by_pages_read[2], answered_by_pages_read


def test_exports_stream_the_page_s_rows(client, many_quotes):
    response = client.get("/quotes.csv?year=2020&country=RU")
    assert response.streaming
    rows = b"".join(response.streaming_content).decode("utf-8-sig").strip().splitlines()
    assert len(rows) - 1 == Quote.objects.in_year(2020).mentioning("RU").count() >= 150
    page = client.get("/quotes/?year=2020&country=RU")
    assert page.context["paginator"].count == len(rows) - 1


def test_quotes_carry_their_article_s_date_through_every_write(many_quotes, seed_archive):
    for quote in Quote.objects.select_related("article"):
        assert (quote.published, quote.year) == (quote.article.published, quote.article.year), quote
    many_quotes.published = datetime.date(2021, 5, 6)
    many_quotes.save()
    assert set(many_quotes.quotes.values_list("published", "year")) == {(datetime.date(2021, 5, 6), 2021)}
    many_quotes.published = None
    many_quotes.save()
    assert set(many_quotes.quotes.values_list("published", "year")) == {(None, None)}


def test_cached_counts_follow_the_archive(client, many_quotes):
    in_2020, total = Quote.objects.in_year(2020).count(), Quote.objects.count()
    assert client.get("/quotes/?year=2020").context["paginator"].count == in_2020
    assert f"<strong>{total}</strong> quotes" in client.get("/").content.decode()
    many_quotes.quotes.order_by("start").first().delete()
    assert client.get("/quotes/?year=2020").context["paginator"].count == in_2020 - 1
    assert f"<strong>{total - 1}</strong> quotes" in client.get("/").content.decode()


@pytest.mark.django_db
def test_the_synthetic_archive_dates_its_quotes_like_the_models_do():
    synthetic.generate(300, seed=3)
    assert Quote.objects.count() == 300
    for quote in Quote.objects.select_related("article"):
        assert (quote.published, quote.year) == (quote.article.published, quote.article.year)
    assert Quote.objects.search("election").exists()  # full-text indexes rebuilt after the load
