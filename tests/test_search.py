"""Full-text search (PostgreSQL's, or SQLite FTS5) and matching the same words across articles."""

import json

import pytest
from django.db import connection

from statements.models import Article, Quote
from statements.search import carrying_same_words, same_words_score, search_terms
from statements.templatetags.archive import highlight


def test_search_terms_keep_only_words():
    assert search_terms("'; DROP TABLE quotes; --") == ["drop", "table", "quotes"]
    assert search_terms('"NEAR(ballots*" OR ballots') == ["near", "ballots", "or"]


def test_highlight_marks_the_searched_words_and_their_forms_and_escapes_the_rest():
    html = highlight("Paper ballots & a <ballot> box", "ballots")
    assert html == "Paper <mark>ballots</mark> &amp; a &lt;<mark>ballot</mark>&gt; box"
    assert highlight("<b>", "") == "&lt;b&gt;"


def test_same_words_ignore_case_punctuation_and_hyphens():
    c4isrnet = (
        "conducting disruptive or destructive cyberattacks on state and local infrastructure, the U.S. said"
    )
    sputnik = (
        "conducting disruptive or destructive cyber-attacks on state and local infrastructure. The US said"
    )
    assert same_words_score(c4isrnet, sputnik) == 1.0
    assert same_words_score(c4isrnet, "Russia denies any interference in the elections of 2016") == 0.0


@pytest.mark.usefixtures("seed_archive")
def test_search_finds_quotes_by_their_words_in_any_form(client):
    response = client.get("/quotes/", {"q": "ballot"})
    assert response.status_code == 200
    quotes = list(response.context["object_list"])
    assert quotes
    assert all("ballot" in q.text.lower() for q in quotes)
    assert "<mark>ballot" in response.content.decode().lower()


@pytest.mark.usefixtures("seed_archive")
def test_search_words_combine_with_and_and_with_the_filters():
    both = Quote.objects.search("Iran Russia")
    assert {q.pk for q in both} == {q.pk for q in Quote.objects.search("Iran") if "Russia" in q.text}
    assert Quote.objects.search("unprecedented coordination").count() == 2
    assert Quote.objects.search("unprecedented coordination").in_outlets("sputnik").count() == 1
    assert Quote.objects.search("zzzyzzx").count() == 0


@pytest.mark.usefixtures("seed_archive")
def test_search_results_come_best_match_first(client):
    response = client.get("/quotes/", {"q": "Iran"})
    quotes = list(response.context["object_list"])
    assert response.context["sort"] == "relevance"
    ranks = [q.search_rank for q in quotes]
    assert ranks == sorted(ranks, reverse=True)
    assert "relevance" in response.content.decode()


@pytest.mark.usefixtures("seed_archive")
def test_search_reaches_the_speaker_as_printed(client):
    quotes = list(Quote.objects.search("coalition"))
    assert quotes
    assert all("coalition" in (q.text + q.speaker).lower() for q in quotes)


@pytest.mark.usefixtures("seed_archive")
def test_article_search_looks_in_titles_and_text(client):
    response = client.get("/articles/", {"q": "Wisconsin recounts"})
    assert [a.source_file for a in response.context["object_list"]] == ["000_931bc58d955ca798.txt"]
    assert Article.objects.search("Sputnik OR").count() == 0 or connection.vendor == "postgresql"


@pytest.mark.django_db
def test_search_index_follows_edits_and_deletions():
    article = Article.objects.create(
        body="“Gerrymander talk,” he said.", source_file="t.txt", content_hash="d" * 64
    )
    quote = Quote.objects.create(article=article, text="Gerrymander talk,", start=1, end=18)
    assert list(Quote.objects.search("gerrymander")) == [quote]
    quote.speaker = "the zanzibar spokesman"
    quote.save()
    assert list(Quote.objects.search("zanzibar")) == [quote]
    quote.delete()
    assert Quote.objects.search("gerrymander").count() == 0


@pytest.mark.usefixtures("seed_archive")
def test_same_words_link_the_2019_joint_statement_in_c4isrnet_and_sputnik():
    others = Quote.objects.exclude(article__source_file="001_9ac11eb682f3addc.txt").select_related("article")
    c4isrnet = Quote.objects.filter(article__source_file="001_9ac11eb682f3addc.txt", fragment=False)
    matched = {q.text[:20]: [m.article.outlet.name for m in carrying_same_words(q, others)] for q in c4isrnet}
    assert matched == {
        "In an unprecedented ": ["Sputnik"],
        "We remain firm in ou": ["Sputnik"],
        "Adversaries may try ": ["Sputnik"],
    }


@pytest.mark.usefixtures("seed_archive")
def test_a_search_matching_too_many_to_rank_lists_the_newest_first_and_says_so(client, monkeypatch):
    from statements import filters

    matches = client.get("/quotes/", {"q": "election"}).context["paginator"].count
    assert matches > 3
    monkeypatch.setattr(filters, "RANKED_MATCHES_LIMIT", 3)
    response = client.get("/quotes/", {"q": "election"})
    page = response.content.decode()
    assert response.context["sort"] == "-date"
    assert "Too many matches to rank by relevance" in page
    dates = [q.published for q in response.context["object_list"]]
    assert dates == sorted(dates, reverse=True)
    assert response.context["paginator"].count == matches  # every match is still listed
    # Asked for by name, relevance still ranks them all; the export follows the page's sort either way.
    ranked = client.get("/quotes/", {"q": "election", "sort": "relevance"})
    assert ranked.context["sort"] == "relevance"
    assert "Too many matches to rank" not in ranked.content.decode()
    exported = json.loads(b"".join(client.get("/quotes.json", {"q": "election"}).streaming_content))
    assert exported["filters"]["sort"] == "-date"
    listed = client.get("/quotes/", {"q": "election", "per_page": 100}).context["object_list"]
    assert [row["id"] for row in exported["results"]][:100] == [q.pk for q in listed]
