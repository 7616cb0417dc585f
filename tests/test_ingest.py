import shutil

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from statements.models import Agency, Article, Official, Outlet, Quote
from tests.conftest import DOCUMENTS

SEEDS = sorted(DOCUMENTS.glob("*.txt"))


def ingest(*paths, **options):
    call_command("ingest", *[str(p) for p in paths], verbosity=0, **options)


def snapshot():
    return {
        model.__name__: sorted(map(str, model.objects.values_list("pk", flat=True)))
        for model in (Article, Quote, Official, Agency, Outlet)
    }


def test_ingest_adds_documents_and_prints_counts(db, capsys):
    call_command("ingest", *map(str, SEEDS))
    out = capsys.readouterr().out
    assert "[1/5] 000_931bc58d955ca798.txt: created" in out
    assert "5 created, 0 updated, 0 unchanged" in out
    assert Article.objects.count() == 5
    assert Quote.objects.count() > 0


def test_the_same_document_twice_is_unchanged_not_duplicated(db, capsys):
    ingest(*SEEDS)
    before = snapshot()
    call_command("ingest", *map(str, SEEDS))
    assert "0 created, 0 updated, 5 unchanged" in capsys.readouterr().out
    assert snapshot() == before


def test_a_copy_under_another_name_is_the_same_document(db, tmp_path, capsys):
    ingest(SEEDS[0])
    copy = tmp_path / "renamed.txt"
    shutil.copy(SEEDS[0], copy)
    call_command("ingest", str(copy))
    assert "1 unchanged" in capsys.readouterr().out
    assert Article.objects.count() == 1


def test_an_edited_document_updates_its_article_in_place(db, tmp_path, capsys):
    edited = tmp_path / SEEDS[4].name
    edited.write_text(SEEDS[4].read_text(encoding="utf-8") + '\n"We are watching," a spokesman said.\n')
    ingest(SEEDS[4])
    article_pk = Article.objects.get().pk
    call_command("ingest", str(edited))
    assert "0 created, 1 updated" in capsys.readouterr().out
    article = Article.objects.get()
    assert article.pk == article_pk
    assert article.quotes.filter(text="We are watching,").exists()
    for quote in article.quotes.all():
        assert article.body[quote.start : quote.end] == quote.text


def test_officials_already_stored_are_matched_not_duplicated(db):
    ingest(SEEDS[0])
    ingest(SEEDS[1])
    assert Official.objects.filter(name__endswith="Krebs").count() == 1
    assert Official.objects.filter(name__endswith="Wray").count() == 1
    assert Agency.objects.filter(acronym="FBI").count() == 1


def test_a_malformed_file_fails_the_whole_batch_in_one_line_and_writes_nothing(db, tmp_path):
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    with pytest.raises(CommandError, match="scan.txt") as error:
        ingest(*SEEDS, binary)
    assert "\n" not in str(error.value)
    assert Article.objects.count() == 0


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"", "empty"), (b"caf\xe9 au lait, said the minister", "UTF-8"), (b"\x00\x01\x02binary", "binary")],
)
def test_empty_binary_and_non_utf8_files_get_a_clear_error(db, tmp_path, content, reason):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    with pytest.raises(CommandError, match="bad.txt"):
        ingest(bad)
    assert Article.objects.count() == 0


def test_dry_run_shows_what_would_change_and_writes_nothing(db, capsys):
    call_command("ingest", *map(str, SEEDS), dry_run=True)
    out = capsys.readouterr().out
    assert "would have 5 created" in out
    assert Article.objects.count() == 0
    assert Official.objects.count() == 0


def test_ingest_and_build_fixtures_store_the_same_archive(db):
    ingest(*SEEDS)
    ingested = {
        (q.article.source_file, q.start, q.text, q.speaker) for q in Quote.objects.select_related("article")
    }
    Quote.objects.all().delete()
    call_command("loaddata", "archive", verbosity=0)
    loaded = {
        (q.article.source_file, q.start, q.text, q.speaker) for q in Quote.objects.select_related("article")
    }
    assert ingested == loaded


def test_a_document_over_the_size_limit_is_refused_with_its_size(db, tmp_path):
    from statements.ingest import MAX_DOCUMENT_BYTES

    huge = tmp_path / "huge.txt"
    huge.write_text('"Words," she said.\n\n' * (MAX_DOCUMENT_BYTES // 10), encoding="utf-8")
    with pytest.raises(CommandError, match="huge.txt: .* KB, over the 128 KB limit"):
        ingest(huge)
    assert Article.objects.count() == 0


def test_ingested_quotes_carry_their_articles_date_and_show_in_the_year_filter(db, client):
    ingest(SEEDS[4])
    article = Article.objects.get()
    assert article.published is not None
    assert set(article.quotes.values_list("year", flat=True)) == {article.published.year}
    response = client.get(f"/quotes/?year={article.published.year}")
    assert response.status_code == 200
    assert response.context["paginator"].count == article.quotes.count()
