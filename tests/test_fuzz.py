"""Hostile input: Hypothesis-generated query strings and path segments against every list, search, detail
and export address. Whatever is asked, the archive answers without a 5xx and without a traceback.

CI runs FUZZ_EXAMPLES (default 30) examples per address family, derandomized so a run is repeatable. A
longer, random run: `FUZZ_EXAMPLES=2000 .venv/bin/python -m pytest tests/test_fuzz.py -q` (see
docs/hardening.md); a failure prints the example and `@reproduce_failure` to replay it.
"""

import os
from urllib.parse import quote, quote_from_bytes

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from statements import exports

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "30"))
LONG_RUN = "FUZZ_EXAMPLES" in os.environ

fuzz = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    derandomize=not LONG_RUN,
    print_blob=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Parameters the lists read, and values that are valid somewhere in the seed archive.
PARAMETERS = [
    "q",
    "year",
    "year_from",
    "year_to",
    "country",
    "country_mode",
    "official",
    "agency",
    "outlet",
    "fragment",
    "sort",
    "page",
    "per_page",
    "more",
    "bom",
]
KNOWN_VALUES = [
    "RU",
    "ru",
    "IR",
    "US",
    "ZZ",
    "2019",
    "2020",
    "all",
    "any",
    "yes",
    "no",
    "-date",
    "date",
    "relevance",
    "speaker",
    "quotes",
    "name",
    "countries",
    "officials",
    "christopher-krebs",
    "fbi",
    "sputnik",
    "1",
    "0",
    "-1",
    "100",
    "101",
    "1e9",
    "99999999999999999999999",
    "ballots",
    "paper ballots",
    '"election" OR 1=1 --',
    "NEAR(a b)",
    "*",
    "'; DROP TABLE statements_quote; --",
    "<script>alert(1)</script>",
]

raw_bytes = st.binary(max_size=40).map(lambda data: quote_from_bytes(data, safe=""))
any_text = st.text(max_size=60).map(lambda text: quote(text, safe="", errors="surrogatepass"))
known = st.sampled_from(KNOWN_VALUES).map(lambda value: quote(value, safe=""))
value = st.one_of(known, any_text, raw_bytes, st.integers().map(str))
name = st.one_of(st.sampled_from(PARAMETERS), any_text, raw_bytes)
pair = st.tuples(name, value).map(lambda kv: f"{kv[0]}={kv[1]}")
# Mostly well-formed name=value pairs; sometimes raw junk between them, or no "=" at all.
query_strings = st.lists(st.one_of(pair, pair, pair, raw_bytes, any_text), max_size=8).map("&".join)
segments = st.one_of(
    st.sampled_from(["RU", "ru", "2019", "0", "-1", "99999999999999999999999", "christopher-krebs", ".."]),
    st.integers().map(str),
    any_text.filter(bool),
    raw_bytes.filter(bool),
)

LISTS = ["quote-list", "article-list", "official-list", "agency-list", "outlet-list", "country-list"]
LIST_URLS = [reverse(f"statements:{page}") for page in [*LISTS, "year-list"]] + ["/"]
EXPORT_URLS = [
    reverse(f"exports:{exported.page}-{fmt}")
    for exported in exports.EXPORTED_LISTS
    for fmt in exports.FORMATS
]
DETAIL_PREFIXES = ["quotes", "articles", "officials", "agencies", "outlets", "countries", "years"]


def assert_answered_without_a_server_error(response, url):
    body = b"".join(response.streaming_content) if getattr(response, "streaming", False) else response.content
    assert response.status_code < 500, url
    text = body.decode("utf-8", errors="replace")
    assert "Traceback" not in text, url
    assert "Exception Value" not in text, url


@pytest.mark.parametrize("path", LIST_URLS)
@fuzz
@given(query=query_strings)
def test_list_and_search_pages_never_fail_whatever_the_query_string(client, seed_archive, path, query):
    url = f"{path}?{query}"
    assert_answered_without_a_server_error(client.get(url), url)


@pytest.mark.parametrize("path", EXPORT_URLS)
@fuzz
@given(query=query_strings)
def test_exports_never_fail_whatever_the_query_string(client, seed_archive, path, query):
    url = f"{path}?{query}"
    assert_answered_without_a_server_error(client.get(url), url)


@pytest.mark.parametrize("prefix", DETAIL_PREFIXES)
@fuzz
@given(segment=segments, query=query_strings)
def test_detail_pages_never_fail_whatever_the_path_segment(client, seed_archive, prefix, segment, query):
    url = f"/{prefix}/{segment}/?{query}"
    assert_answered_without_a_server_error(client.get(url), url)


@fuzz
@given(words=st.text(max_size=250))
def test_search_never_fails_whatever_the_words(client, seed_archive, words):
    for path in (reverse("statements:quote-list"), reverse("statements:article-list"), "/quotes.json"):
        response = client.get(path, {"q": words})
        assert_answered_without_a_server_error(response, f"{path}?q={words!r}")
        assert response.status_code in (200, 400)
