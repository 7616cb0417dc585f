"""Adding documents to the database through the same extraction and loader as `build_fixtures`.

A batch is all-or-nothing: every file is read and extracted before anything is written, and the writes
happen in one transaction. The same document twice updates, never duplicates: documents are keyed by
their file name, and a file whose content hash is already stored is unchanged whatever its name.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core import serializers
from django.db import transaction

from statements.extraction import DocumentError, extract_document, read_document
from statements.history import recording_raw_saves
from statements.models import Agency, Article, Official, Outlet
from statements.pipeline import ArchiveBuilder, CurationError, content_hash


class IngestError(ValueError):
    """A document of the batch cannot be ingested; the message names it."""


@dataclass
class IngestResult:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    new_officials: list = field(default_factory=list)
    new_agencies: list = field(default_factory=list)
    new_outlets: list = field(default_factory=list)
    quotes: int = 0

    def summary(self):
        return (
            f"{len(self.created)} created, {len(self.updated)} updated, {len(self.unchanged)} unchanged; "
            f"{self.quotes} quotes; new: {len(self.new_officials)} officials, "
            f"{len(self.new_agencies)} agencies, {len(self.new_outlets)} outlets"
        )


@dataclass
class Document:
    name: str
    text: str
    digest: str

    @classmethod
    def from_path(cls, path):
        path = Path(path)
        try:
            text = read_document(path)
        except DocumentError as error:
            raise IngestError(str(error)) from None
        return cls(name=path.name, text=text, digest=content_hash(path.read_bytes()))

    @classmethod
    def from_text(cls, name, text):
        if not text.strip():
            raise IngestError(f"{name}: the document is empty")
        return cls(name=name, text=text, digest=content_hash(text.encode("utf-8")))


def load_curation():
    path = Path(settings.CURATION_FILE)
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def builder_from_database():
    """An ArchiveBuilder that knows the officials, agencies and outlets already stored, to match them."""
    builder = ArchiveBuilder(curation=load_curation())
    for name, slug in Official.objects.values_list("name", "slug"):
        builder.know_official(name, slug)
    for name, acronym, slug, kind, country in Agency.objects.values_list(
        "name", "acronym", "slug", "kind", "country__code"
    ):
        builder.know_agency(name, acronym, slug, kind, country)
    for name, slug, domain in Outlet.objects.values_list("name", "slug", "domain"):
        builder.know_outlet(name, slug, domain)
    return builder


def ingest_documents(documents, *, dry_run=False, progress=None):
    """Extract and store `documents` (a list of Document) in one transaction; return an IngestResult."""
    result = IngestResult()
    by_name = dict(
        Article.objects.filter(source_file__in=[d.name for d in documents]).values_list(
            "source_file", "content_hash"
        )
    )
    known_hashes = set(
        Article.objects.filter(content_hash__in=[d.digest for d in documents]).values_list(
            "content_hash", flat=True
        )
    )
    builder = builder_from_database()
    known_people = {p.slug for p in builder.people}
    known_agencies, known_outlets = set(builder.agencies), set(builder.outlets)
    seen = set()
    for number, document in enumerate(documents, 1):
        if document.digest in known_hashes or document.digest in seen:
            result.unchanged.append(document.name)
            status = "unchanged"
        else:
            extraction = extract_document(document.text, document.name)
            try:
                builder.add(extraction, document.text, document.digest)
            except CurationError as error:
                raise IngestError(str(error)) from None
            status = "updated" if document.name in by_name else "created"
            getattr(result, status).append(document.name)
            result.quotes += len(extraction["quotes"])
        seen.add(document.digest)
        if progress:
            progress(number, len(documents), document.name, status)
    try:
        records = builder.records()
    except CurationError as error:
        raise IngestError(str(error)) from None
    result.new_officials = sorted({p.slug for p in builder.people} - known_people)
    result.new_agencies = sorted(set(builder.agencies) - known_agencies)
    result.new_outlets = sorted(set(builder.outlets) - known_outlets)
    with transaction.atomic():
        # Raw saves: recording_raw_saves gives each stored record its history row (reason "ingest").
        with recording_raw_saves("ingest"):
            # An updated document replaces what was extracted from its earlier version.
            for article in Article.objects.filter(source_file__in=result.updated):
                article.quotes.all().delete()
                article.official_titles.all().delete()
                article.country_mentions.all().delete()
            for item in serializers.deserialize("python", records, handle_forward_references=True):
                item.save()
        if dry_run:
            transaction.set_rollback(True)
    return result
