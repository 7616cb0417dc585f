"""The seed archive, as loaded, against the hand-annotated gold file."""

import re

import pytest

from statements.models import Article, Quote

pytestmark = pytest.mark.usefixtures("seed_archive")


def surname(name):
    return re.findall(r"[a-z]+", name.lower())[-1]


def agency_keys(agency):
    return {key.lower() for key in (agency.name, agency.acronym) if key}


def gold_agency_matches(gold_name, agencies):
    return any(gold_name.lower() in agency_keys(agency) for agency in agencies)


def articles_with_gold(gold):
    return [(Article.objects.get(source_file=name), doc) for name, doc in sorted(gold.items())]


def test_every_gold_quote_is_in_the_archive_at_its_exact_offsets(gold):
    for article, doc in articles_with_gold(gold):
        stored = {(q.start, q.end): q.text for q in article.quotes.all()}
        expected = {(q["start"], q["end"]): q["text"] for q in doc["quotes"]}
        assert stored == expected, article.source_file


def test_every_gold_quote_has_the_gold_speakers(gold):
    for article, doc in articles_with_gold(gold):
        for expected in doc["quotes"]:
            quote = Quote.objects.get(article=article, start=expected["start"])
            officials = {surname(o.name) for o in quote.officials.all()}
            assert officials == {surname(n) for n in expected["speaker_officials"]}, quote
            agencies = list(quote.agencies.all())
            for name in expected["speaker_agencies"]:
                assert gold_agency_matches(name, agencies), (quote, name)
            assert quote.fragment == expected["fragment"], quote
            assert quote.speaker, quote


def test_officials_of_each_article_have_their_gold_titles(gold):
    for article, doc in articles_with_gold(gold):
        titles = {}
        for title in article.official_titles.select_related("official"):
            titles.setdefault(surname(title.official.name), set()).add(title.title.lower())
        assert set(titles) == {surname(o["name"]) for o in doc["officials"]}, article.source_file
        for official in doc["officials"]:
            expected = {t.lower() for t in official["titles"]}
            assert expected <= titles[surname(official["name"])], (article.source_file, official["name"])


def test_each_article_mentions_the_gold_agencies(gold):
    for article, doc in articles_with_gold(gold):
        names = {key for agency in article.agencies.all() for key in agency_keys(agency)}
        for agency in doc["agencies"]:
            keys = {agency["name"].lower(), (agency["acronym"] or "").lower()} - {""}
            assert keys & names, f"{article.source_file} lacks agency {agency['name']}"


def test_each_article_names_the_gold_officials(gold):
    for article, doc in articles_with_gold(gold):
        names = {surname(official.name) for official in article.officials.all()}
        assert names == {surname(o["name"]) for o in doc["officials"]}, article.source_file


def test_each_article_mentions_exactly_the_gold_countries(gold):
    for article, doc in articles_with_gold(gold):
        codes = sorted(article.countries.values_list("code", flat=True))
        assert codes == sorted(doc["countries_mentioned"]), article.source_file


def test_georgia_the_us_state_is_not_counted_as_a_country():
    assert not Article.objects.filter(countries__code="GE").exists()
    assert not Quote.objects.filter(countries__code="GE").exists()


def test_quotes_carry_the_countries_their_own_words_mention():
    quote = Quote.objects.get(text__startswith="Some foreign actors, such as Iran and Russia")
    assert set(quote.countries.values_list("code", flat=True)) == {"IR", "RU"}


def test_every_article_has_the_gold_date_and_outlet(gold):
    for article, doc in articles_with_gold(gold):
        expected_date = doc["published"] or doc["published_inferred"]["date"]
        assert article.published.isoformat() == expected_date, article.source_file
        if not doc["published"]:
            assert article.published_note, f"{article.source_file}: an inferred date needs its reason"
        if doc["outlet"]:
            assert article.outlet is not None, article.source_file
            assert article.outlet.name.lower() == doc["outlet"].lower(), article.source_file
        else:
            assert article.outlet is None, article.source_file


def test_one_person_with_two_titles_over_time_is_one_official():
    from statements.models import Official

    krebs = Official.objects.get(name__endswith="Krebs")
    articles = set(krebs.titles.values_list("article__source_file", flat=True))
    assert articles == {"000_931bc58d955ca798.txt", "001_9ac11eb682f3addc.txt"}
    assert krebs.titles.count() >= 2
