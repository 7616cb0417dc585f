"""Adding documents to the database through the same extraction and loader as `build_fixtures`.

A batch is all-or-nothing: every file is read and extracted before anything is written, and the writes
happen in one transaction. The same document twice updates, never duplicates: documents are keyed by
their file name, and a file whose content hash is already stored is unchanged whatever its name.
"""

import contextlib
import gc
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction

from statements import history, summaries
from statements.extraction import DocumentError, extract_document, read_document
from statements.history import history_of
from statements.models import Agency, Article, ArticleCountry, Country, Official, OfficialTitle, Outlet, Quote
from statements.pipeline import ArchiveBuilder, CurationError, content_hash
from statements.querysets import archive_changed


class IngestError(ValueError):
    """A document of the batch cannot be ingested; the message names it."""


# Extraction time grows faster than a document's length (64 KB took seconds); news articles are far smaller.
MAX_DOCUMENT_BYTES = 128 * 1024


def check_size(name, size):
    if size > MAX_DOCUMENT_BYTES:
        raise IngestError(
            f"{name}: {size / 1024:,.0f} KB, over the {MAX_DOCUMENT_BYTES // 1024} KB limit for one document"
        )


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
            check_size(path.name, path.stat().st_size)
        except OSError:
            pass  # read_document says why the file cannot be read
        try:
            text = read_document(path)
        except DocumentError as error:
            raise IngestError(str(error)) from None
        return cls(name=path.name, text=text, digest=content_hash(path.read_bytes()))

    @classmethod
    def from_text(cls, name, text):
        if not text.strip():
            raise IngestError(f"{name}: the document is empty")
        check_size(name, len(text.encode("utf-8")))
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


@contextlib.contextmanager
def cyclic_collection_paused():
    """No automatic cyclic garbage collection inside the block; collection resumes as it was after.

    A batch keeps every extraction, record and model instance alive until it is written, so each full
    collection walks all of them and finds next to nothing to free (extraction and writes make almost no
    reference cycles): those collections took a tenth of an ingest's time.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def ingest_documents(documents, *, dry_run=False, progress=None, reason="ingest", user=None):
    """Extract and store `documents` (a list of Document) in one transaction; return an IngestResult."""
    with cyclic_collection_paused():
        return _ingest(documents, dry_run=dry_run, progress=progress, reason=reason, user=user)


def _ingest(documents, *, dry_run, progress, reason, user):
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
        store_records(records, replacing=result.updated, reason=current_reason() or reason, user=user)
        if dry_run:
            transaction.set_rollback(True)
    return result


def current_reason():
    """The change reason of an enclosing `history.change_reason` block, if any (the admin sets one)."""
    return history._reason.get()


def store_records(records, *, replacing=(), reason="ingest", user=None):
    """Write fixture-shaped records with bulk inserts, each new row with its history row.

    The deserializer's one-record-at-a-time saves (a natural-key lookup per reference, a history row per
    save, a query per many-to-many value) made ingest run at a few documents a second; this writes each
    kind of row in one statement. Articles in `replacing` are updated in place and lose the quotes,
    titles and country mentions of their earlier version. Offsets were checked by the pipeline.
    """
    rows = defaultdict(list)
    for item in records:
        rows[item["model"].removeprefix("statements.")].append(item["fields"])
    recorder = HistoryRecorder(reason, user)
    country_ids = dict(Country.objects.values_list("code", "id"))

    def ref(ids, key):
        return ids[key[0]] if key else None

    outlet_ids = upsert_by_slug(
        Outlet, rows["outlet"], lambda f: {"name": f["name"], "domain": f["domain"]}, recorder
    )
    agency_ids = upsert_by_slug(
        Agency,
        rows["agency"],
        lambda f: {
            "name": f["name"],
            "acronym": f["acronym"],
            "kind": f["kind"],
            "country_id": ref(country_ids, f["country"]),
        },
        recorder,
    )
    official_ids = upsert_by_slug(Official, rows["official"], lambda f: {"name": f["name"]}, recorder)

    replaced = {a.source_file: a for a in Article.objects.filter(source_file__in=list(replacing))}
    for article in replaced.values():
        for related in (article.quotes, article.official_titles, article.country_mentions):
            for record in related.all():
                recorder.delete(record)
    article_ids, new_articles = {}, []
    for fields in rows["article"]:
        values = {
            k: v for k, v in fields.items() if k not in {"outlet", "officials", "agencies", "source_file"}
        }
        values["outlet_id"] = ref(outlet_ids, fields["outlet"])
        article = replaced.get(fields["source_file"])
        if article is None:
            article = Article(source_file=fields["source_file"], **values)
            article.clean_fields(exclude=["outlet"])
            new_articles.append(article)
        else:
            for name, value in values.items():
                setattr(article, name, value)
            article.clean_fields(exclude=["outlet"])
            recorder.save(article)
        article.wanted_links = {
            "officials": [official_ids[key[0]] for key in fields["officials"]],
            "agencies": [agency_ids[key[0]] for key in fields["agencies"]],
        }
    Article.objects.bulk_create(new_articles)
    for article in [*new_articles, *replaced.values()]:
        article_ids[article.source_file] = article.pk
    recorder.created(Article, new_articles)
    recorder.links(Article, [*new_articles, *replaced.values()])

    recorder.bulk_created(
        ArticleCountry,
        [
            ArticleCountry(
                article_id=article_ids[f["article"][0]],
                country_id=country_ids[f["country"][0]],
                mentions=f["mentions"],
            )
            for f in rows["articlecountry"]
        ],
    )
    titles = [
        OfficialTitle(
            official_id=official_ids[f["official"][0]],
            title=f["title"],
            agency_id=ref(agency_ids, f["agency"]),
            article_id=article_ids[f["article"][0]],
        )
        for f in rows["officialtitle"]
    ]
    recorder.bulk_created(OfficialTitle, titles)
    dates = {f["source_file"]: (f["published"], f["year"]) for f in rows["article"]}
    quotes = []
    for f in rows["quote"]:
        # bulk_create sends no pre_save: copy the article's date onto the quote as the signal would.
        published, year = dates[f["article"][0]]
        quote = Quote(
            published=published,
            year=year,
            article_id=article_ids[f["article"][0]],
            start=f["start"],
            end=f["end"],
            text=f["text"],
            speaker=f["speaker"],
            fragment=f["fragment"],
        )
        quote.wanted_links = {
            "officials": [official_ids[key[0]] for key in f["officials"]],
            "agencies": [agency_ids[key[0]] for key in f["agencies"]],
            "countries": [country_ids[key[0]] for key in f["countries"]],
        }
        quotes.append(quote)
    Quote.objects.bulk_create(quotes)
    recorder.created(Quote, quotes)
    recorder.links(Quote, quotes)
    archive_changed()  # bulk writes send no signals: forget cached counts and facets
    summaries.forget(
        [agency for quote in quotes for agency in quote.wanted_links["agencies"]]
        + [title.agency_id for title in titles]
    )


def upsert_by_slug(model, rows, values_of, recorder):
    """{slug: pk} for `rows`, creating the missing records in bulk and updating changed ones."""
    existing = {obj.slug: obj for obj in model.objects.filter(slug__in=[f["slug"] for f in rows])}
    new = []
    for fields in rows:
        values = values_of(fields)
        obj = existing.get(fields["slug"])
        if obj is None:
            obj = model(slug=fields["slug"], **values)
            obj.clean_fields()
            new.append(obj)
            existing[obj.slug] = obj
        elif any(getattr(obj, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(obj, name, value)
            recorder.save(obj)
    model.objects.bulk_create(new)
    recorder.created(model, new)
    return {slug: obj.pk for slug, obj in existing.items()}


class HistoryRecorder:
    """History rows for bulk writes, which django-simple-history's signals never see.

    New records get one "+" row each (with their many-to-many values, as simple-history stores them);
    the few records that change or go away are saved or deleted normally, so its signals record them.
    """

    def __init__(self, reason, user):
        self.reason, self.user = reason, user

    def created(self, model, objs):
        rows = []
        if objs:
            rows = model.history.bulk_history_create(
                objs, default_change_reason=self.reason, default_user=self.user
            )
        # links() right after needs the history rows of exactly these objects.
        self.history_by_pk = {row.id: row for row in rows}

    def bulk_created(self, model, objs):
        model.objects.bulk_create(objs)
        self.created(model, objs)

    def save(self, obj):
        obj._change_reason, obj._history_user = self.reason, self.user
        obj.save()

    def delete(self, obj):
        obj._change_reason, obj._history_user = self.reason, self.user
        obj.delete()

    def links(self, model, objs):
        """Write the objects' `wanted_links` many-to-many rows, and the same rows into their history."""
        history = history_of(model)
        new_history = self.history_by_pk
        for m2m_field in history.get_m2m_fields_from_model(model):
            through = m2m_field.remote_field.through
            source, target = m2m_field.m2m_field_name(), m2m_field.m2m_reverse_field_name()
            for obj in objs:
                if obj.pk not in new_history:
                    getattr(obj, m2m_field.name).set(obj.wanted_links[m2m_field.name])
            pairs = [
                (obj.pk, target_id)
                for obj in objs
                if obj.pk in new_history
                for target_id in dict.fromkeys(obj.wanted_links[m2m_field.name])
            ]
            insert_rows(through, [source, target], pairs)
            link_ids = inserted_link_ids(through, source, target, {pk for pk, _ in pairs})
            insert_rows(
                history.m2m_models[m2m_field],
                ["history", "id", source, target],
                [(new_history[pk].pk, link_ids[pk, target_id], pk, target_id) for pk, target_id in pairs],
            )


# A batch links tens of thousands of rows; a model instance and the compiler's per-field work for each
# through row and its history row cost more than the rest of the writes together.
def insert_rows(model, field_names, rows):
    """INSERT `rows` (tuples of database values of `field_names`) into `model`'s table, many a statement."""
    if not rows:
        return
    fields = [model._meta.get_field(name) for name in field_names]
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    table = connection.ops.quote_name(model._meta.db_table)
    # the backend's parameter limit, and statements of a size that PostgreSQL parses quickly
    batch = min(1000, connection.ops.bulk_batch_size(fields, rows))
    row_sql = "(" + ", ".join(["%s"] * len(fields)) + ")"
    with connection.cursor() as cursor:
        for first in range(0, len(rows), batch):
            chunk = rows[first : first + batch]
            cursor.execute(
                f"INSERT INTO {table} ({columns}) VALUES {', '.join([row_sql] * len(chunk))}",  # noqa: S608
                [value for row in chunk for value in row],
            )


def inserted_link_ids(through, source, target, source_ids):
    """{(source id, target id): through row id} of the links of `source_ids`, records new in this batch."""
    if not source_ids:
        return {}
    # a range, not an IN list, whatever the batch's size: rows of other records in it are dropped here
    candidates = through.objects.filter(
        **{f"{source}_id__gte": min(source_ids), f"{source}_id__lte": max(source_ids)}
    ).values_list(f"{source}_id", f"{target}_id", "pk")
    return {(s, t): pk for s, t, pk in candidates if s in source_ids}
