"""Filters, facets, sorting, pagination and bad input on the quote and article lists.

Expected numbers are counted by hand from the five seed documents: in 2019 only the Sputnik article
(004) quotes words naming Russia (its "Our adversaries ... Russia, China, Iran" and the deputy minister's
"so-called Russian interference"); in 2021 the intelligence report (002) has three such quotes.
"""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from statements.filters import filtered_articles, filtered_quotes
from statements.models import Article, Country, Official, Quote

pytestmark = pytest.mark.usefixtures("seed_archive")


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return response


def listed_quotes(response):
    return list(response.context["object_list"])


def facet(response, name):
    return {
        value.label: value.count
        for value in next(f for f in response.context["facets"] if f.name == name).values
    }


def test_quotes_mentioning_russia_in_2019_are_the_two_sputnik_quotes(client):
    response = get(client, "/quotes/?country=RU&year=2019")
    quotes = listed_quotes(response)
    assert len(quotes) == 2
    assert {q.article.outlet.name for q in quotes} == {"Sputnik"}
    assert "2 quotes" in response.content.decode()


def test_the_read_api_agrees_with_the_page():
    assert Quote.objects.in_year(2019).mentioning("ru").count() == 2
    assert Quote.objects.mentioning("RU").count() == 5
    assert Quote.objects.in_year(2021).mentioning("RU", "IR").count() == 5
    assert Quote.objects.in_year(2021).mentioning_all("RU", "IR").count() == 1


def test_several_countries_mean_any_of_them_unless_country_mode_is_all(client):
    assert len(listed_quotes(get(client, "/quotes/?country=RU&country=IR&year=2021"))) == 5
    assert len(listed_quotes(get(client, "/quotes/?country=RU&country=IR&year=2021&country_mode=all"))) == 1


def test_a_quote_mentioning_two_countries_is_listed_once_and_counted_under_each(client):
    response = get(client, "/quotes/?country=RU&country=US&year=2019")
    quotes = listed_quotes(response)
    assert len(quotes) == len({q.pk for q in quotes}) == 5  # 4 naming the US, 2 Russia, one of them both
    countries = facet(response, "countries")
    assert countries["United States"] == 4
    assert countries["Russian Federation"] == 2


def test_year_facet_counts_under_the_other_filters(client):
    years = facet(get(client, "/quotes/?country=RU&year=2019"), "years")
    assert years == {"2021": 3, "2019": 2}


def test_country_facet_counts_the_year_s_quotes_per_country(client):
    countries = facet(get(client, "/quotes/?country=RU&year=2019"), "countries")
    assert countries == {"United States": 4, "Russian Federation": 2, "China": 1, "Iran": 1}


def test_outlet_and_official_facets_count_quotes(client):
    response = get(client, "/quotes/")
    outlets = facet(response, "outlets")
    assert outlets == {"Sputnik": 7, "USA TODAY": 7, "C4ISRNET": 5, "The Hill": 5}
    assert facet(response, "officials")["Christopher Wray"] == 5
    assert facet(get(client, "/quotes/?more=officials"), "officials")["Avril Haines"] == 2


def test_facet_links_add_and_remove_their_filter(client):
    response = get(client, "/quotes/?year=2019")
    russia = next(v for v in response.context["facets"][1].values if v.label == "Russian Federation")
    assert not russia.selected
    narrowed = get(client, f"/quotes/?{russia.query}")
    assert len(listed_quotes(narrowed)) == 2
    selected = next(v for v in narrowed.context["facets"][1].values if v.label == "Russian Federation")
    assert selected.selected
    assert QueryDict(selected.query).getlist("country") == []
    assert QueryDict(selected.query)["year"] == "2019"


def test_long_facets_are_cut_with_a_link_to_all_values(client):
    response = get(client, "/quotes/")
    officials = next(f for f in response.context["facets"] if f.name == "officials")
    assert len(officials.values) == 8
    assert officials.more_query
    everyone = get(client, f"/quotes/?{officials.more_query}")
    assert len(next(f for f in everyone.context["facets"] if f.name == "officials").values) > 8


def test_agency_official_outlet_and_fragment_filters_combine_with_and(client):
    assert len(listed_quotes(get(client, "/quotes/?agency=department-of-justice"))) == 10
    assert len(listed_quotes(get(client, "/quotes/?agency=department-of-justice&outlet=sputnik"))) == 5
    quotes = listed_quotes(get(client, "/quotes/?official=christopher-wray&fragment=yes"))
    assert len(quotes) == 2
    assert all(q.fragment for q in quotes)


def test_year_range_filters(client):
    assert len(listed_quotes(get(client, "/quotes/?year_from=2019&year_to=2020"))) == 19
    assert len(listed_quotes(get(client, "/quotes/?year_from=2021"))) == 11
    assert len(listed_quotes(get(client, "/articles/?year_to=2019"))) == 3


def test_article_filters(client):
    articles = listed_quotes(get(client, "/articles/?country=IR&year=2019"))
    assert {a.source_file for a in articles} == {"001_9ac11eb682f3addc.txt", "004_4f0e309be861a4ee.txt"}
    assert len(listed_quotes(get(client, "/articles/?outlet=sputnik"))) == 1
    assert [a.year for a in listed_quotes(get(client, "/articles/?sort=date"))] == [
        2018,
        2019,
        2019,
        2020,
        2021,
    ]


def test_quotes_sort_by_date_speaker_and_article(client):
    newest = listed_quotes(get(client, "/quotes/"))
    assert newest[0].article.year == 2021
    oldest = listed_quotes(get(client, "/quotes/?sort=date"))
    assert oldest[0].article.year == 2018
    speakers = [q.speaker for q in listed_quotes(get(client, "/quotes/?sort=speaker&per_page=100"))]
    assert speakers == sorted(speakers)
    titles = [q.article.title for q in listed_quotes(get(client, "/quotes/?sort=article&per_page=100"))]
    assert titles == sorted(titles)


def test_pagination_keeps_the_filters(client):
    response = get(client, "/quotes/?country=US&per_page=5")
    html = response.content.decode()
    assert len(listed_quotes(response)) == 5
    assert 'href="?country=US&amp;per_page=5&amp;page=2"' in html
    second = get(client, "/quotes/?country=US&per_page=5&page=2")
    assert not {q.pk for q in listed_quotes(second)} & {q.pk for q in listed_quotes(response)}


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/quotes/?country=XX", "Unknown country codes: XX"),
        ("/quotes/?year=abc", "year: Enter a whole number."),
        ("/quotes/?year_from=20199", "year_from: Ensure this value is less than or equal to 2100."),
        ("/quotes/?page=999999", "There is no such page; the last page is 2."),
        ("/quotes/?page=abc", "page: Enter a whole number."),
        ("/quotes/?per_page=1000", "per_page: Ensure this value is less than or equal to 100."),
        ("/quotes/?per_page=0", "per_page: Ensure this value is greater than or equal to 1."),
        ("/quotes/?official=nobody", "Unknown officials: nobody"),
        ("/quotes/?agency=x&outlet=y", "Unknown agencies: x"),
        ("/quotes/?sort=price", "sort: Select a valid choice."),
        # Past 2,000 characters the whole query string is refused first (414, tests/test_hardening.py).
        ("/quotes/?q=" + "a" * 1_000, "q: Ensure this value has at most 200 characters"),
        ("/articles/?country=RU&country=QQ", "Unknown country codes: QQ"),
        ("/articles/?year=nineteen", "year: Enter a whole number."),
        ("/officials/?page=50", "There is no such page"),
    ],
)
def test_bad_input_answers_400_and_says_what_was_wrong(client, url, message):
    response = get(client, url, status=400)
    assert message in response.content.decode().replace("&#x27;", "'")
    assert "Start again without filters" in response.content.decode() or url.startswith("/officials/")


@pytest.mark.parametrize(
    "q", ["'; DROP TABLE statements_quote; --", '"unbalanced', "ballots OR 1=1", "NEAR(", "*", "a AND"]
)
def test_quotes_and_sql_looking_searches_never_fail(client, q):
    response = client.get("/quotes/", {"q": q})
    assert response.status_code == 200
    assert Quote.objects.count() == 35


def test_a_search_with_no_words_is_an_explained_empty_result(client):
    html = get(client, "/quotes/?q=%22%27%3B--").content.decode()
    assert "0 quotes" in html
    assert "No quote matches" in html


@pytest.fixture
def many_quotes(seed_archive):
    """An article with 150 quotes, each by an official, for an agency, mentioning two countries."""
    sentences = [f"“Statement number {i} on election security,” said the official." for i in range(150)]
    body = "\n".join(sentences)
    article = Article.objects.create(body=body, source_file="many.txt", content_hash="e" * 64)
    wray = Official.objects.get(slug="christopher-wray")
    russia, iran = Country.objects.filter(code__in=["RU", "IR"])
    for match in re.finditer(r"“([^”]+)”", body):
        quote = Quote.objects.create(
            article=article, text=match.group(1), start=match.start(1), end=match.end(1)
        )
        quote.officials.add(wray)
        quote.countries.add(russia, iran)


def queries_for(client, url):
    cache.clear()  # cold: counts and facets computed, not read from the cache
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize(
    "url", ["/quotes/", "/quotes/?country=RU&official=christopher-wray&q=election&year_from=2019"]
)
def test_quote_list_runs_as_many_queries_for_100_rows_as_for_10(
    client, many_quotes, url, django_assert_max_num_queries
):
    joiner = "&" if "?" in url else "?"
    ten = queries_for(client, f"{url}{joiner}per_page=10")
    hundred = queries_for(client, f"{url}{joiner}per_page=100")
    assert ten == hundred
    with django_assert_max_num_queries(15):
        client.get(f"{url}{joiner}per_page=100")


def test_article_list_and_other_lists_run_a_bounded_number_of_queries(
    client, many_quotes, django_assert_max_num_queries
):
    for url, most in [("/articles/?per_page=100", 10), ("/officials/", 4), ("/countries/", 4), ("/", 12)]:
        with django_assert_max_num_queries(most):
            assert client.get(url).status_code == 200


def test_filtered_quotes_is_the_one_source_for_page_and_exports(client):
    filterset, quotes = filtered_quotes(QueryDict("country=RU&year=2019"))
    assert filterset.is_valid()
    page = listed_quotes(get(client, "/quotes/?country=RU&year=2019"))
    assert [q.pk for q in quotes] == [q.pk for q in page]
    filterset, articles = filtered_articles(QueryDict("country=XX"))
    assert not filterset.is_valid()
    assert list(articles) == []


@pytest.mark.usefixtures("seed_archive")
def test_quotes_of_an_official_or_agency_are_the_same_whichever_form_the_filter_takes(monkeypatch):
    from statements import querysets

    def listed():
        return [
            list(
                Quote.objects.by_officials("christopher-krebs")
                .sorted_by("-date")
                .values_list("pk", flat=True)
            ),
            list(Quote.objects.by_agencies("federal-bureau-of-investigation").year_counts()),
        ]

    by_list = listed()  # on SQLite: the linked quotes' ids, read by index
    monkeypatch.setattr(querysets, "SQLITE_LINKED_LIST_LIMIT", -1)
    assert listed() == by_list  # EXISTS, as on PostgreSQL
    assert by_list[0]
    assert by_list[1]
