import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from statements import synthetic
from statements.models import Agency, Article, ArticleCountry, Official, OfficialTitle, Outlet, Quote

QUOTES = 2000


def generate(*args):
    call_command("generate_synthetic", "--quotes", str(QUOTES), *args, verbosity=0)


def snapshot():
    """Every synthetic record by its natural key and content, primary keys left out."""
    return {
        "articles": list(
            Article.objects.order_by("source_file").values_list(
                "source_file",
                "title",
                "published",
                "year",
                "outlet__slug",
                "body",
                "body_start",
                "content_hash",
            )
        ),
        "quotes": list(
            Quote.objects.order_by("article__source_file", "start").values_list(
                "article__source_file", "start", "end", "text", "speaker", "fragment"
            )
        ),
        # Read the link tables directly: an anti-join through the M2M is slow on PostgreSQL before ANALYZE.
        "quote_links": sorted(
            (source, start, kind, key)
            for kind, through, field in (
                ("o", Quote.officials.through, "official__slug"),
                ("a", Quote.agencies.through, "agency__slug"),
                ("c", Quote.countries.through, "country__code"),
            )
            for source, start, key in through.objects.values_list(
                "quote__article__source_file", "quote__start", field
            )
        ),
        "countries": list(
            ArticleCountry.objects.order_by("article__source_file", "country__code").values_list(
                "article__source_file", "country__code", "mentions"
            )
        ),
        "titles": list(
            OfficialTitle.objects.order_by("article__source_file", "official__slug").values_list(
                "article__source_file", "official__slug", "title", "agency__slug"
            )
        ),
        "people": list(Official.objects.order_by("slug").values_list("slug", "name")),
        "agencies": list(
            Agency.objects.order_by("slug").values_list("slug", "name", "kind", "country__code")
        ),
        "outlets": list(Outlet.objects.order_by("slug").values_list("slug", "name", "domain")),
    }


def test_the_same_seed_gives_the_same_archive(db):
    generate("--seed", "7")
    first = snapshot()
    generate("--seed", "7")  # replaces the earlier synthetic records
    assert snapshot() == first
    assert Quote.objects.count() == QUOTES
    generate("--seed", "8")
    assert snapshot()["quotes"] != first["quotes"]


def test_the_archive_is_realistic_and_every_table_is_filled(db):
    generate("--seed", "1")
    assert Quote.objects.count() == QUOTES
    assert 150 <= Article.objects.count() <= 260  # about ten quotes an article
    assert (Official.objects.count(), Agency.objects.count(), Outlet.objects.count()) == (5000, 300, 400)
    assert not Article.objects.exclude(source_file__startswith="synthetic/").exists()
    for model in (ArticleCountry, OfficialTitle, Quote.officials.through, Quote.agencies.through):
        assert model.objects.exists()
    top = [row["key"] for row in Quote.objects.country_counts()[:4]]
    assert sorted(top) == ["CN", "IR", "RU", "US"]
    assert len(Quote.objects.country_counts()) > 20  # the long tail
    assert {row["key"] for row in Quote.objects.year_counts()} == set(range(2016, 2027))


def test_every_agency_page_s_summary_is_stored_as_the_page_would_count_it(db):
    from django.db import connection

    from statements import summaries
    from statements.views import agency_summary

    generate("--seed", "3")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT agency_id, summary FROM {summaries.TABLE}")  # noqa: S608
        stored = dict(cursor.fetchall())
    agencies = list(Agency.objects.order_by("pk"))
    assert sorted(stored) == [agency.pk for agency in agencies]
    busiest = max(agencies, key=lambda agency: agency.quotes.count())
    assert json.loads(stored[busiest.pk]) == json.loads(json.dumps(agency_summary(busiest)))


def test_quotes_are_at_their_offsets_and_years_match_dates(db):
    generate("--seed", "2")
    for quote in Quote.objects.select_related("article").order_by("?")[:300]:
        assert quote.article.body[quote.start : quote.end] == quote.text
        quote.full_clean()
    for article in Article.objects.all()[:100]:
        assert article.year == article.published.year
        assert article.body_start > 0
        assert article.text.strip()


def test_a_database_with_real_records_is_refused_without_force(seed_archive):
    real = Article.objects.count()
    with pytest.raises(CommandError, match="real records"):
        generate()
    assert not Article.objects.filter(source_file__startswith="synthetic/").exists()
    generate("--force")
    assert Quote.objects.filter(article__source_file__startswith="synthetic/").count() == QUOTES
    call_command("generate_synthetic", "--clear", "--force", verbosity=0)
    assert Article.objects.count() == real
    assert not Official.objects.filter(slug__startswith="syn-").exists()


def test_generated_documents_can_be_ingested(db):
    ingest = pytest.importorskip("statements.ingest")
    documents = list(synthetic.Generator(10, seed=1).documents(3))
    assert len({name for name, _ in documents}) == 3
    result = ingest.ingest_documents([ingest.Document.from_text(name, text) for name, text in documents])
    assert len(result.created) == 3
    assert result.quotes > 0
