"""Ingest writes link rows in bulk: each one exactly once, and the same row in its record's first history."""

import pytest

from statements.history import history_of
from statements.ingest import Document, ingest_documents
from statements.models import Article, Quote
from tests.conftest import DOCUMENTS

SEEDS = sorted(DOCUMENTS.glob("*.txt"))


def link_tables(model):
    history = history_of(model)
    for field in history.get_m2m_fields_from_model(model):
        yield field, field.remote_field.through, history.m2m_models[field]


def assert_links_match_their_history(model, records):
    for field, through, m2m_history in link_tables(model):
        source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
        pks = [record.pk for record in records]
        rows = set(
            through.objects.filter(**{f"{source}_id__in": pks}).values_list(
                "pk", f"{source}_id", f"{target}_id"
            )
        )
        history_rows = set(
            m2m_history.objects.filter(**{f"{source}_id__in": pks}).values_list(
                "id", f"{source}_id", f"{target}_id"
            )
        )
        assert rows == history_rows, field
        for record in records:
            first = record.history.get()
            assert set(getattr(first, field.name).values_list(f"{target}_id", flat=True)) == set(
                getattr(record, field.name).values_list("pk", flat=True)
            ), (record, field)


@pytest.mark.django_db
def test_ingest_links_each_new_record_once_with_the_same_rows_in_its_history(seed_archive, tmp_path):
    documents = []
    for n, path in enumerate(SEEDS):
        copy = tmp_path / f"copy_{n}.txt"
        copy.write_text(path.read_text(encoding="utf-8") + f"\n\nArchive copy {n}.\n", encoding="utf-8")
        documents.append(Document.from_path(copy))
    ingest_documents(documents)
    articles = list(Article.objects.filter(source_file__startswith="copy_"))
    quotes = list(Quote.objects.filter(article__in=articles))
    assert len(articles) == len(SEEDS)
    assert quotes
    assert any(quote.officials.exists() for quote in quotes)
    assert any(quote.agencies.exists() for quote in quotes)
    assert_links_match_their_history(Article, articles)
    assert_links_match_their_history(Quote, quotes)
