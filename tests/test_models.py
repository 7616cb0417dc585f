import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from statements.models import Agency, Article, Country, Official, Outlet, Quote


@pytest.fixture
def article(db):
    return Article.objects.create(
        title="Officials warn of interference",
        body="Headline\n\n“We are ready,” the director said.",
        body_start=10,
        source_file="test.txt",
        content_hash="0" * 64,
    )


def test_every_iso_country_comes_from_pycountry(db):
    import pycountry

    assert Country.objects.count() == len(pycountry.countries)
    assert Country.objects.get(code="IR").name == "Iran"


def test_quote_whose_text_matches_its_offsets_is_saved(article):
    quote = Quote.objects.create(article=article, text="We are ready,", start=11, end=24)
    assert quote.article.body[quote.start : quote.end] == quote.text


def test_quote_whose_text_does_not_match_its_offsets_is_refused(article):
    with pytest.raises(ValidationError, match="does not match"):
        Quote.objects.create(article=article, text="We are steady,", start=11, end=24)
    assert not Quote.objects.exists()


def test_quote_clean_reports_the_mismatch_on_the_text_field(article):
    quote = Quote(article=article, text="We are steady,", start=11, end=24)
    with pytest.raises(ValidationError) as error:
        quote.full_clean()
    assert "text" in error.value.message_dict


def test_database_refuses_a_quote_that_ends_before_it_starts(article):
    with pytest.raises(IntegrityError), transaction.atomic():
        Quote.objects.bulk_create([Quote(article=article, text="", start=5, end=5)])


def test_article_year_follows_its_publication_date(article):
    import datetime

    article.published = datetime.date(2019, 11, 6)
    article.save()
    assert Article.objects.get(pk=article.pk).year == 2019


def test_natural_keys_round_trip(db, article):
    outlet = Outlet.objects.create(name="Sputnik", slug="sputnik", domain="sputniknews.com")
    agency = Agency.objects.create(name="Federal Bureau of Investigation", acronym="FBI", slug="fbi")
    official = Official.objects.create(name="Christopher Wray", slug="christopher-wray")
    for record in (outlet, agency, official, article, Country.objects.get(code="RU")):
        assert type(record).objects.get_by_natural_key(*record.natural_key()) == record
        assert record.get_absolute_url().startswith("/")
        assert str(record)


def test_duplicate_slugs_are_refused_by_a_named_constraint(db):
    Official.objects.create(name="Christopher Wray", slug="christopher-wray")
    with pytest.raises(IntegrityError, match="official_slug_unique|UNIQUE"), transaction.atomic():
        Official.objects.create(name="Chris Wray", slug="christopher-wray")
