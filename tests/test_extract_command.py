import json
import subprocess
import sys

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.conftest import DOCUMENTS, GOLD_FILE, SCORER


def test_extract_prints_the_standard_json_that_scores_on_the_seeds(tmp_path, capsys):
    call_command("extract", *map(str, sorted(DOCUMENTS.glob("*.txt"))))
    documents = json.loads(capsys.readouterr().out)
    assert [d["document"] for d in documents] == sorted(p.name for p in DOCUMENTS.glob("*.txt"))
    for document in documents:
        text = (DOCUMENTS / document["document"]).read_text(encoding="utf-8")
        for quote in document["quotes"]:
            assert text[quote["start"] : quote["end"]] == quote["text"]
    out = tmp_path / "out.json"
    out.write_text(json.dumps(documents), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(SCORER), str(GOLD_FILE), str(out), "--min-f1", "0.97"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    print(result.stdout)
    assert result.returncode == 0, result.stdout
    assert "quotes: precision 1.000 recall 1.000" in result.stdout


def test_extract_refuses_an_unreadable_file_in_one_line(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00binary")
    with pytest.raises(CommandError, match="bad.txt"):
        call_command("extract", str(bad))
