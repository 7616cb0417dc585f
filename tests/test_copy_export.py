"""The quote CSV written by PostgreSQL (statements.copy_export) is the very file the Python writer writes."""

import csv
import datetime
import io

import pytest
from django.apps import apps
from django.db import connection
from django.http import QueryDict

from statements import copy_export, export_lines, exports, filters
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


# ------------------------------------------------------------------------------ the cached lines
def exported_rows(client, query="official=hostile-official"):
    served = served_csv(client, query)
    assert served == python_writer_csv(query)  # whichever path made each line
    return {row["id"]: row for row in csv.DictReader(io.StringIO(served, newline=""))}


# The filtered export (a selection, each line looked up) and the whole list's (its lines read in order).
EXPORTS_OF_THE_RECORDS = ["official=hostile-official", ""]


def cached_lines():
    if connection.vendor != "postgresql":
        return 0
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {export_lines.TABLE}")  # noqa: S608
        return cursor.fetchone()[0]


def test_the_first_export_fills_the_lines_the_second_reads_them(client, hostile_records):
    first = served_csv(client, "")
    if connection.vendor == "postgresql":
        assert cached_lines() == Quote.objects.count()
    assert served_csv(client, "") == first == python_writer_csv("")


def test_a_line_missing_from_the_cache_is_computed_in_the_export(client, hostile_records, monkeypatch):
    """The fallback (a line dropped between the fill and the export's statement): the same file."""
    monkeypatch.setattr(export_lines, "fill", lambda using="default": 0)
    assert cached_lines() == 0
    for query in QUERIES:
        assert served_csv(client, query) == python_writer_csv(query), query


@pytest.mark.parametrize("query", EXPORTS_OF_THE_RECORDS)
def test_edits_reach_the_export(client, hostile_records, query):
    quote, plain = hostile_records
    exported_rows(client, query)  # the lines are cached now
    zed = Official.objects.get(slug="hostile-official")
    zed.name = "Zed Renamed"
    zed.save()
    assert exported_rows(client, query)[str(plain.pk)]["officials"] == "Zed Renamed"
    row = exported_rows(client, query)[str(quote.pk)]
    assert row["officials"] == "'@Amy; Zed Renamed"
    assert row["official_titles"] == (
        '\'@Amy, director (A,T); Zed Renamed, adviser; Zed Renamed, chief, "red" team (A,T)'
    )
    title = OfficialTitle.objects.get(official=zed, title="adviser")
    title.title = "senior adviser"
    title.save()
    assert "Zed Renamed, senior adviser" in exported_rows(client, query)[str(quote.pk)]["official_titles"]
    agency = Agency.objects.get(slug="agency-the")
    agency.acronym = "AT"
    agency.save()
    row = exported_rows(client, query)[str(quote.pk)]
    assert "Agency, The (AT)" in row["agencies"]
    assert 'Zed Renamed, chief, "red" team (AT)' in row["official_titles"]  # a title at the agency
    quote.agencies.remove(agency)  # from the quote's side
    assert exported_rows(client, query)[str(quote.pk)]["agencies"] == "'=Bad"
    Agency.objects.get(slug="bad-agency").quotes.remove(quote)  # from the agency's side
    agency.quotes.add(quote)
    assert exported_rows(client, query)[str(quote.pk)]["agencies"] == "Agency, The (AT)"
    quote.countries.clear()
    Country.objects.filter(code="FR").get().quotes.add(quote)
    assert exported_rows(client, query)[str(quote.pk)]["country_codes"] == "FR"
    outlet = Outlet.objects.get(slug="hostile-daily")
    outlet.name = "Calm Daily"
    outlet.save()
    assert exported_rows(client, query)[str(quote.pk)]["outlet"] == "Calm Daily"
    article = quote.article
    article.title = "New headline"
    article.save()
    assert exported_rows(client, query)[str(quote.pk)]["article_title"] == "New headline"
    quote.speaker = "the ministry"
    quote.save()
    assert exported_rows(client, query)[str(quote.pk)]["speaker"] == "the ministry"
    # A bulk update sends no signal: the writer says so, as for the cached counts.
    Quote.objects.filter(pk=quote.pk).update(speaker="updated in bulk")
    export_lines.forget_quotes("%s", [quote.pk])
    assert exported_rows(client, query)[str(quote.pk)]["speaker"] == "updated in bulk"


@pytest.mark.parametrize("query", EXPORTS_OF_THE_RECORDS)
def test_titles_from_other_articles_follow_their_dates_and_bulk_writes(client, hostile_records, query):
    """A quote whose article gives its official no title prints the latest earlier one: an article's
    date change and a title written in bulk (ingest's bulk_create sends no signal) both reach it."""
    zed = Official.objects.get(slug="hostile-official")
    article = Article.objects.create(
        title="Later",
        body="Zed said “more words” then.",
        source_file="later.txt",
        content_hash="d" * 64,
        published=datetime.date(2020, 1, 1),
    )
    later = Quote.objects.create(article=article, text="more words", start=10, end=20)
    later.officials.add(zed)
    titles = exported_rows(client, query)[str(later.pk)]["official_titles"]
    assert titles == 'Zed Öztürk, Jr., adviser; Zed Öztürk, Jr., chief, "red" team (A,T)'
    between = Article.objects.create(
        title="Between",
        body="x",
        source_file="between.txt",
        content_hash="f" * 64,
        published=datetime.date(2019, 1, 1),
    )
    OfficialTitle.objects.bulk_create([OfficialTitle(official=zed, title="envoy", article=between)])
    assert exported_rows(client, query)[str(later.pk)]["official_titles"] == "Zed Öztürk, Jr., envoy"
    between.published = datetime.date(2021, 1, 1)  # now after the quote's article: not its title then
    between.save()
    assert exported_rows(client, query)[str(later.pk)]["official_titles"] == titles


@pytest.mark.parametrize("query", EXPORTS_OF_THE_RECORDS)
def test_deleted_quotes_leave_the_export_and_the_cache(client, hostile_records, query):
    quote, plain = hostile_records
    exported_rows(client, query)
    before = cached_lines()
    plain.delete()
    rows = exported_rows(client, query)
    assert str(quote.pk) in rows
    assert str(plain.pk) not in rows
    if connection.vendor == "postgresql":
        assert cached_lines() == before - 1


def test_the_whole_list_and_only_it_reads_the_lines_in_their_own_order():
    for query, whole in [("", True), ("year=2020", False), ("sort=date", False), ("q=election", False)]:
        _, queryset = filters.filtered_quotes(QueryDict(query))
        assert copy_export.is_whole_list(queryset) == whole, query


# The cached lines and the two ways of reading them exist on PostgreSQL only (SQLite's file is written by
# Python, and the tests above compare it with the same expected file).
postgresql_only = pytest.mark.skipif(
    "connection.vendor != 'postgresql'", reason="the export's cached lines are PostgreSQL's"
)


def corrupt_line(quote, cells, **place):
    """Overwrite `quote`'s cached line, as a write that bypassed the signals would leave it."""
    assignments = ", ".join(["cells = %s", *(f"{column} = %s" for column in place)])
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {export_lines.TABLE} SET {assignments} WHERE quote_id = %s",  # noqa: S608
            [cells, *place.values(), quote.pk],
        )
        assert cursor.rowcount == 1


@postgresql_only
def test_the_whole_list_uses_a_line_only_where_it_still_stands(client, hostile_records):
    """The whole list's export uses a cached line while its recorded place is its quote's; a line whose
    place is out of date is computed again, and a line whose quote is gone is not printed."""
    quote, plain = hostile_records
    expected = python_writer_csv("")
    assert served_csv(client, "") == expected  # the lines are cached now
    corrupt_line(quote, ",stale cells")
    assert ",stale cells" in served_csv(client, "")  # read from the cache, as it stands
    corrupt_line(quote, ",stale cells", start=quote.start + 1)
    assert served_csv(client, "") == expected  # out of place: computed again
    assert ",stale cells" in served_csv(client, "official=hostile-official")  # a selection looks up by id
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {export_lines.TABLE} (quote_id, published, article_id, start, cells) "  # noqa: S608
            "SELECT %s, published, article_id, start, ',orphan' FROM statements_quote WHERE id = %s",
            [Quote.objects.order_by("pk").last().pk + 1000, plain.pk],
        )
    assert served_csv(client, "") == expected


@postgresql_only
def test_many_undated_quotes_send_the_whole_list_through_the_selection(client, hostile_records, monkeypatch):
    """Undated quotes match no line by place (NULL = NULL is not true): past UNDATED_LIMIT of them, the
    whole list is exported as a selection, the same file."""
    _, queryset = filters.filtered_quotes(QueryDict(""))
    assert copy_export.few_undated(queryset)
    monkeypatch.setattr(copy_export, "UNDATED_LIMIT", 0)
    assert not copy_export.few_undated(queryset)
    served_csv(client, "official=hostile-official")  # the lines are cached now
    quote, _ = hostile_records
    corrupt_line(quote, ",stale cells", start=quote.start + 1)
    assert ",stale cells" in served_csv(client, "")  # looked up by id: the selection's path


@postgresql_only
def test_migrating_computes_the_lines_so_that_the_first_export_need_not(client, hostile_records):
    served_csv(client, "")  # the lines are cached now
    migrated = io.StringIO()
    export_lines.migrated(apps.get_app_config("statements"), plan=[("a migration", False)], stdout=migrated)
    assert f"Export lines: {Quote.objects.count():,} computed" in migrated.getvalue()
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {export_lines.TABLE}")  # noqa: S608
        assert cursor.fetchone()[0] == Quote.objects.count()
    assert export_lines.fill() == 0  # nothing left for the export to compute
    assert served_csv(client, "") == python_writer_csv("")
