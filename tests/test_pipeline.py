import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from statements.models import Agency, Article, ArticleCountry, Official, OfficialTitle, Outlet, Quote
from tests.conftest import REPO

ARCHIVE_MODELS = (Outlet, Agency, Official, Article, ArticleCountry, OfficialTitle, Quote)


def counts():
    return {model.__name__: model.objects.count() for model in ARCHIVE_MODELS}


def test_build_fixtures_gives_a_byte_identical_file_from_the_same_inputs(tmp_path):
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    call_command("build_fixtures", output=first, verbosity=0)
    call_command("build_fixtures", output=second, verbosity=0)
    assert first.read_bytes() == second.read_bytes()
    assert first.read_bytes() == (REPO / "fixtures" / "archive.json").read_bytes(), (
        "fixtures/archive.json is stale: run `make fixtures`"
    )


def test_build_fixtures_reports_progress_and_a_summary(tmp_path, capsys):
    call_command("build_fixtures", output=tmp_path / "out.json")
    out = capsys.readouterr().out
    assert "[1/5] 000_931bc58d955ca798.txt" in out
    assert "[5/5] 004_4f0e309be861a4ee.txt" in out
    assert "wrote" in out
    assert "quote" in out


def test_build_fixtures_refuses_a_folder_without_documents(tmp_path):
    with pytest.raises(CommandError, match="no .txt documents"):
        call_command("build_fixtures", documents=tmp_path, output=tmp_path / "out.json", verbosity=0)


def test_loading_the_seed_archive_twice_adds_nothing(seed_archive):
    loaded = counts()
    assert loaded["Article"] == 5
    assert loaded["Quote"] == 35
    call_command("loaddata", "archive", verbosity=0)
    assert counts() == loaded


def test_every_loaded_quote_is_exactly_its_articles_text_between_its_offsets(seed_archive):
    quotes = Quote.objects.select_related("article")
    assert quotes.count() == 35
    for quote in quotes:
        assert quote.article.body[quote.start : quote.end] == quote.text


def test_a_broken_fixture_is_refused_in_one_line_and_loads_nothing(db, tmp_path):
    records = json.loads((REPO / "fixtures" / "archive.json").read_text(encoding="utf-8"))
    for item in records:
        if item["model"] == "statements.quote":
            item["fields"]["text"] = "words nobody wrote"
            break
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(records), encoding="utf-8")
    with pytest.raises(CommandError, match="nothing was loaded") as error:
        call_command("loaddata", str(broken), verbosity=0)
    assert "\n" not in str(error.value)
    assert sum(counts().values()) == 0


def test_a_fixture_that_is_not_json_is_refused_in_one_line(db, tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text('[{"model": "statements.article", "fields": ', encoding="utf-8")
    with pytest.raises(CommandError, match="nothing was loaded"):
        call_command("loaddata", str(broken), verbosity=0)
    assert Article.objects.count() == 0
