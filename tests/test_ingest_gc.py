"""Ingest pauses the cyclic garbage collector for its batch only, whatever the outcome."""

import gc

import pytest

from statements.ingest import Document, IngestError, ingest_documents
from tests.conftest import DOCUMENTS


@pytest.fixture
def collector_enabled():
    was_enabled = gc.isenabled()
    gc.enable()
    yield
    if not was_enabled:
        gc.disable()


@pytest.mark.django_db
def test_ingest_collects_garbage_again_after_its_batch(collector_enabled):
    seen = []
    ingest_documents(
        [Document.from_path(sorted(DOCUMENTS.glob("*.txt"))[0])],
        progress=lambda *args: seen.append(gc.isenabled()),
    )
    assert seen == [False]
    assert gc.isenabled()


@pytest.mark.django_db
def test_ingest_collects_garbage_again_after_a_failed_batch(collector_enabled):
    def fail(*args):
        raise IngestError("stop")

    with pytest.raises(IngestError):
        ingest_documents([Document.from_path(sorted(DOCUMENTS.glob("*.txt"))[0])], progress=fail)
    assert gc.isenabled()
