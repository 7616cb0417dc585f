"""The quote CSV written by PostgreSQL (statements.copy_export) is the very file the Python writer writes."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.http import QueryDict

from statements import copy_export, exports, filters
from statements.models import Agency, Article, Country, Official, OfficialTitle, Outlet, Quote
from tests.test_export import QUOTE_QUERIES

pytestmark = pytest.mark.usefixtures("seed_archive")

# The export tests' filter combinations, and two for the records below.
QUERIES = [*QUOTE_QUERIES, "official=hostile-official", "q=nothing-matches-this"]


def python_writer_csv(query):
    """The CSV as exports.csv_chunks writes it from the Python batches, whatever the database."""
    _, queryset = filters.filtered_quotes(QueryDict(query))
    table = exports.QuoteTable()
    batches = table.batches(queryset, lambda path: f"http://testserver{path}")
    return "".join(exports.csv_chunks(table, batches))


def served_csv(client, query):
    response = client.get(f"/quotes.csv?{query}")
    assert response.status_code == 200
    return b"".join(response.streaming_content).decode("utf-8")


@pytest.fixture
def hostile_records(seed_archive):
    """Records with every cell the writers must agree on: formulas, quotes, commas and newlines inside
    cells, several officials, agencies and countries, an article with no title, outlet or date, and an
    official whose title comes from an earlier article."""
    outlet = Outlet.objects.create(name='Hostile, "Daily"', slug="hostile-daily")
    earlier = Article.objects.create(
        title="Earlier",
        body="Earlier body.",
        source_file="earlier.txt",
        content_hash="a" * 64,
        published=datetime.date(2018, 3, 1),
    )
    text = '=cmd|"x", said\nthe ministry, “again”'
    body = f"Intro “{text}” and more."
    article = Article.objects.create(
        title='-Headline, with "quotes"',
        body=body,
        source_file="hostile.txt",
        content_hash="b" * 64,
        outlet=outlet,
        url="https://example.org/a?b=1,2",
        published=datetime.date(2019, 6, 2),
    )
    undated = Article.objects.create(
        title="", body="He said “plain words” today.", source_file="undated.txt", content_hash="c" * 64
    )
    start = body.index(text)
    quote = Quote.objects.create(article=article, text=text, start=start, end=start + len(text), speaker="+s")
    plain = Quote.objects.create(article=undated, text="plain words", start=9, end=20, speaker="he")
    zed = Official.objects.create(name="Zed Öztürk, Jr.", slug="hostile-official")
    amy = Official.objects.create(name="@Amy", slug="amy-hostile")
    agency = Agency.objects.create(name="Agency, The", acronym="A,T", slug="agency-the")
    OfficialTitle.objects.create(official=zed, title='chief, "red" team', agency=agency, article=earlier)
    OfficialTitle.objects.create(official=zed, title="adviser", article=earlier)
    OfficialTitle.objects.create(official=amy, title="director", agency=agency, article=article)
    quote.officials.add(zed, amy)
    quote.agencies.add(agency, Agency.objects.create(name="=Bad", slug="bad-agency"))
    quote.countries.add(*Country.objects.filter(code__in=["RU", "IR", "CN"]))
    plain.officials.add(zed)
    return quote, plain


def test_postgresql_writes_the_quote_csv_itself_and_sqlite_through_python():
    _, queryset = filters.filtered_quotes(QueryDict(""))
    assert copy_export.writes(exports.QuoteTable(), queryset) == (connection.vendor == "postgresql")
    assert not copy_export.writes(exports.ArticleTable(), Article.objects.all())
    assert not copy_export.writes(exports.QuoteTable(), queryset.distinct())


@pytest.mark.parametrize("query", QUERIES)
def test_quote_csv_is_the_same_file_whichever_writer_makes_it(client, hostile_records, query):
    served = served_csv(client, query)
    assert served == python_writer_csv(query)
    assert served.endswith("\r\n")


def test_hostile_cells_come_out_neutralised_quoted_and_whole(client, hostile_records):
    served = served_csv(client, "official=hostile-official")
    lines = served.split("\r\n")
    assert lines[0] == ",".join(exports.QuoteTable().column_names)
    assert '"\'=cmd|""x"", said\nthe ministry, “again”"' in served  # one cell, newline kept inside
    titles = '\'@Amy, director (A,T); Zed Öztürk, Jr., adviser; Zed Öztürk, Jr., chief, "red" team (A,T)'
    assert '"' + titles.replace('"', '""') + '"' in served  # its own title; Zed's from the earlier article
    assert '"\'@Amy; Zed Öztürk, Jr."' in served
    assert '"\'=Bad; Agency, The (A,T)"' in served
    assert ",CN; IR; RU," in served
    rows = {row["speaker"]: row for row in csv.DictReader(io.StringIO(served, newline=""))}
    assert set(rows) == {"'+s", "he"}
    # The undated article: no title, outlet or date, so no title at the time for its official either.
    undated = rows["he"]
    assert (undated["officials"], undated["official_titles"]) == ("Zed Öztürk, Jr.", "")
    assert (undated["article_title"], undated["outlet"], undated["published"]) == ("", "", "")
    dated = rows["'+s"]
    assert (dated["outlet"], dated["published"]) == ('Hostile, "Daily"', "2019-06-02")
    assert dated["article_title"] == '\'-Headline, with "quotes"'


def split_everywhere(data):
    """Every way of cutting `data` in two blocks, and in single bytes."""
    yield [data]
    for cut in range(1, len(data)):
        yield [data[:cut], data[cut:]]
    yield [data[i : i + 1] for i in range(len(data))]


def test_crlf_lines_end_records_with_crlf_and_keep_newlines_inside_cells_wherever_blocks_break():
    copy_output = 'id,text\n1,"a ""quoted""\nline, é"\n2,plain ü\n'.encode()
    expected = 'id,text\r\n1,"a ""quoted""\nline, é"\r\n2,plain ü\r\n'
    for blocks in split_everywhere(copy_output):
        assert "".join(copy_export.crlf_lines(blocks)) == expected
