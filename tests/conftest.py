import os
from pathlib import Path

import pytest
from django.core.management import call_command

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
GOLD_FILE = SHARED / "extraction" / "seeds.gold.json"
SCORER = SHARED / "extraction" / "score.py"
DOCUMENTS = REPO / "fixtures" / "documents"
ARTIFACTS = REPO / "test-artifacts"

# Playwright's sync API runs an event loop in the test thread; Django must allow ORM calls beside it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def _empty_cache():
    """Counts and facets are cached per archive version (statements.querysets.cached); a test's rolled
    back transaction does not change the version, so each test starts with an empty cache."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def seed_archive(db):
    """The seed archive, loaded the way a newcomer loads it."""
    call_command("loaddata", "archive", verbosity=0)


@pytest.fixture(scope="session")
def gold():
    import json

    return {doc["file"]: doc for doc in json.loads(GOLD_FILE.read_text(encoding="utf-8"))}
