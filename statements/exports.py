"""CSV and JSON exports of the archive's lists: exactly a list page's rows, every page of it, streamed.

An export starts from the same queryset as its page (`filters.filtered_quotes` and `filtered_articles`; for
officials, agencies, outlets and countries, the list view's own `get_queryset()`), so the two cannot
disagree. Rows are read in batches: one query streams the list's own columns in the page's order
(`.iterator(chunk_size=...)`), and each many-valued column (officials, titles, agencies, countries) costs
one query per batch, by the batch's ids. Each batch becomes one chunk of CSV or JSON text, so memory holds
one batch, whatever the size of the list.

CSV cells are neutralised against formula injection (OWASP): a text cell starting with = + - @, a tab or
a carriage return gets a leading single quote. JSON values are left exactly as stored.

docs/export.md documents the columns, the JSON shape and the file names.
"""

import csv
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from django.db import connections, transaction
from django.db.models import F, Lookup
from django.http import HttpResponse, JsonResponse, StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header

from statements import filters, views
from statements.models import Agency, Article, ArticleCountry, Country, Official, OfficialTitle, Outlet, Quote
from statements.querysets import with_counts

BATCH_SIZE = 1000
LIST_SEPARATOR = "; "
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
BYTE_ORDER_MARK = "\ufeff"
FORMATS = {"csv": "text/csv; charset=utf-8", "json": "application/json; charset=utf-8"}
MAX_FILE_STEM = 150
# Officials' titles in the order they were held; a title from an undated article last.
EARLIEST_FIRST = F("article__published").asc(nulls_last=True)


# ------------------------------------------------------------------------------------------------ cells
def neutralised(text):
    """`text` made inert for spreadsheets: a leading single quote when it could start a formula."""
    if text and text.startswith(FORMULA_TRIGGERS):
        return "'" + text
    return text


def joined(values):
    return neutralised(LIST_SEPARATOR.join(map(str, values)))


def iso_date(value):
    return value.isoformat() if value else ""


def true_or_false(value):
    return "true" if value else "false"


@dataclass(frozen=True)
class Column:
    """One column of an export: its name (CSV header, JSON key), kind and meaning (docs/export.md)."""

    name: str
    kind: str  # "id", "url", "text", "int", "bool", "date" or "list"
    help: str


# How a value of each kind becomes a CSV cell; None: as it is (csv writes None as an empty cell).
CSV_CELL = {
    "id": None,
    "int": None,
    "url": None,  # built by the archive from reverse(): never starts a formula
    "text": neutralised,
    "list": joined,
    "bool": true_or_false,
    "date": iso_date,
}


def json_value(value):
    """Values json cannot write by itself: dates, as ISO 8601."""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not exported")


# ------------------------------------------------------------------------------------------------ tables
def batched(iterable, size):
    iterator = iter(iterable)
    while batch := list(islice(iterator, size)):
        yield batch


def links_to(absolute_uri, url_name):
    """A function from a record's URL key to the absolute URL of its page: one reverse() per export."""
    marker = "987654321"
    head, tail = absolute_uri(reverse(url_name, args=[marker])).split(marker)
    return lambda key: f"{head}{key}{tail}"


class AnyOf(Lookup):
    """`column` is one of `ids`, the ids passed as one parameter (a PostgreSQL array, a JSON array on
    SQLite) rather than one parameter each: a batch's thousands of ids cost neither Django's per-value
    preparation of `__in` nor SQLite's limit on parameters."""

    lookup_name = "any_of"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, params = self.process_lhs(compiler, connection)
        return f"{lhs} = ANY(%s::bigint[])", [*params, list(self.rhs)]

    def as_sqlite(self, compiler, connection):
        lhs, params = self.process_lhs(compiler, connection)
        return f"{lhs} IN (SELECT value FROM json_each(%s))", [*params, json.dumps(list(self.rhs))]


def among(column, ids):
    return AnyOf(F(column), ids)


def grouped(pairs):
    """{key: [values]} from (key, value) rows, keeping their order."""
    groups = defaultdict(list)
    for key, value in pairs:
        groups[key].append(value)
    return groups


def agency_label(name, acronym):
    """As the site prints an agency: `Federal Bureau of Investigation (FBI)`."""
    return f"{name} ({acronym})" if acronym else name


def ensure_counts(queryset, **paths):
    """The `<name>_count` annotations a table reads, added unless the queryset (a list page's) has them."""
    present = queryset.query.annotations
    missing = {name: path for name, path in paths.items() if f"{name}_count" not in present}
    return with_counts(queryset, **missing) if missing else queryset


class Table:
    """The columns of one list's export and how to read them, a batch of records at a time."""

    name = ""  # "quotes": the URL (/quotes.csv) and the file name
    url_name = ""  # the page of one record, e.g. "statements:quote-detail"
    columns = ()
    fields = ()  # what the list's own query reads, the primary key first

    @property
    def column_names(self):
        return [column.name for column in self.columns]

    def prepared(self, queryset):
        """The queryset with what `fields` read; prefetches dropped (the batches fetch their own)."""
        return queryset.prefetch_related(None)

    def batches(self, queryset, absolute_uri):
        """Lists of rows (tuples in column order), BATCH_SIZE records at a time, in the queryset's order."""
        link = links_to(absolute_uri, self.url_name)
        queryset = self.prepared(queryset)
        records = queryset.values_list(*self.fields).iterator(chunk_size=BATCH_SIZE)
        for batch in batched(records, BATCH_SIZE):
            yield self.rows(batch, link)

    def rows(self, batch, link):
        raise NotImplementedError


class QuoteTable(Table):
    name = "quotes"
    url_name = "statements:quote-detail"
    columns = (
        Column("id", "id", "The quote's number in the archive."),
        Column("permalink", "url", "The quote's page in the archive: cite this."),
        Column("text", "text", "The quote exactly as printed, between its quotation marks."),
        Column("speaker", "text", "The speaker as the article names them, e.g. “the coalition”."),
        Column("officials", "list", "The officials the quote is attributed to, by name."),
        Column(
            "official_titles",
            "list",
            "Each official's titles at the time, as `Name, title (agency)`: the titles the article gives, "
            "else the latest ones an earlier article gives (as on the quote's page).",
        ),
        Column("agencies", "list", "The agencies the quote is attributed to, as `Name (ACRONYM)`."),
        Column("fragment", "bool", "true when the quote is a partial sentence inside the reporter's own."),
        Column("article_id", "id", "The number of the article that carries the quote."),
        Column("article_title", "text", "The article's headline; empty when it has none."),
        Column("outlet", "text", "The outlet that published the article; empty when unknown."),
        Column("published", "date", "The article's publication date, YYYY-MM-DD; empty when unknown."),
        Column(
            "published_precision",
            "text",
            "How much of `published` is known: day, month (the day is 01) or year (01-01).",
        ),
        Column("article_url", "text", "The article's original address."),
        Column("country_codes", "list", "ISO 3166 alpha-2 codes of the countries the quote's words mention."),
        Column("country_names", "list", "Their names, in the same order as the codes."),
    )
    fields = (
        "pk",
        "text",
        "speaker",
        "fragment",
        "article_id",
        "article__title",
        "article__outlet__name",
        "article__published",
        "article__published_precision",
        "article__url",
    )

    def rows(self, batch, link):
        ids = [record[0] for record in batch]
        officials = grouped(
            (quote_id, (official_id, name))
            for quote_id, official_id, name in Quote.officials.through.objects.filter(among("quote_id", ids))
            .order_by("quote_id", "official__name", "official__slug")
            .values_list("quote_id", "official_id", "official__name")
        )
        agencies = grouped(
            (quote_id, agency_label(name, acronym))
            for quote_id, name, acronym in Quote.agencies.through.objects.filter(among("quote_id", ids))
            .order_by("quote_id", "agency__name", "agency__slug")
            .values_list("quote_id", "agency__name", "agency__acronym")
        )
        countries = grouped(
            (quote_id, (code, name))
            for quote_id, code, name in Quote.countries.through.objects.filter(among("quote_id", ids))
            .order_by("quote_id", "country__name", "country__code")
            .values_list("quote_id", "country__code", "country__name")
        )
        published = {record[4]: record[7] for record in batch}
        titles = titles_at_the_time(
            {(official_id, record[4]) for record in batch for official_id, _ in officials.get(record[0], ())},
            published,
        )
        rows = []
        for pk, text, speaker, fragment, article_id, title, outlet, date, precision, url in batch:
            speakers = officials.get(pk, ())
            mentioned = countries.get(pk, ())
            rows.append(
                (
                    pk,
                    link(pk),
                    text,
                    speaker,
                    [name for _, name in speakers],
                    [
                        f"{name}, {held}"
                        for official_id, name in speakers
                        for held in titles.get((official_id, article_id), ())
                    ],
                    agencies.get(pk, []),
                    fragment,
                    article_id,
                    title,
                    outlet,
                    date,
                    precision,
                    url,
                    [code for code, _ in mentioned],
                    [name for _, name in mentioned],
                )
            )
        return rows


def title_label(title, acronym, agency):
    """As the quote's page prints a title held: `director of the Cybersecurity … Agency (CISA)`."""
    agency = acronym or agency
    return f"{title} ({agency})" if agency else title


def titles_at_the_time(pairs, published):
    """{(official id, article id): [title labels]} for every pair: the titles the official held when the
    article was published, as `querysets.titles_at_the_time` decides for one quote's page: the article's own
    titles when it gives any, else those of the latest earlier (or same-day) article that gives some.
    Two queries at most, whatever the number of pairs; `published` maps article ids to their dates."""
    if not pairs:
        return {}
    fields = ("official_id", "article_id", "title", "agency__acronym", "agency__name")
    held = defaultdict(list)
    own = OfficialTitle.objects.filter(
        among("official_id", {official for official, _ in pairs}),
        among("article_id", {article for _, article in pairs}),
    )
    own_titles = sorted(
        (title, title_label(title, acronym, agency), official_id, article_id)
        for official_id, article_id, title, acronym, agency in own.values_list(*fields)
    )  # by title, then label: the order the PostgreSQL writer (copy_export) gives too
    for _, label, official_id, article_id in own_titles:
        if (official_id, article_id) in pairs:
            held[official_id, article_id].append(label)
    undated = [(official, article) for official, article in pairs if (official, article) not in held]
    pending = [(official, article) for official, article in undated if published.get(article)]
    if not pending:
        return held
    earlier = OfficialTitle.objects.filter(
        among("official_id", {official for official, _ in pending}),
        article__published__lte=max(published[article] for _, article in pending),
    )
    attested = defaultdict(list)  # official id -> [(date, title, label)], newest first
    earlier = earlier.order_by("-article__published", "title").values_list(
        "official_id", "article__published", "title", "agency__acronym", "agency__name"
    )
    for official_id, date, title, acronym, agency in earlier:
        attested[official_id].append((date, title, title_label(title, acronym, agency)))
    for official_id, article_id in pending:
        when = published[article_id]
        candidates = [entry for entry in attested.get(official_id, ()) if entry[0] <= when]
        if candidates:
            latest = candidates[0][0]
            labels = sorted({(title, label) for date, title, label in candidates if date == latest})
            held[official_id, article_id] = [label for _, label in labels]
    return held


class ArticleTable(Table):
    name = "articles"
    url_name = "statements:article-detail"
    columns = (
        Column("id", "id", "The article's number in the archive."),
        Column("permalink", "url", "The article's page in the archive."),
        Column("title", "text", "The headline; empty when the document has none."),
        Column("outlet", "text", "The outlet that published it; empty when unknown."),
        Column("published", "date", "The publication date, YYYY-MM-DD; empty when unknown."),
        Column("published_precision", "text", "How much of `published` is known: day, month or year."),
        Column("url", "text", "The article's original address."),
        Column("source_file", "text", "The source document's file name in the archive."),
        Column("quote_count", "int", "How many quotes the archive takes from it."),
        Column("officials", "list", "The officials it names."),
        Column("agencies", "list", "The agencies it names, as `Name (ACRONYM)`."),
        Column("country_codes", "list", "Countries it mentions, most mentioned first (ISO 3166 alpha-2)."),
        Column("country_names", "list", "Their names, in the same order."),
        Column("country_mentions", "list", "How many times it mentions each, in the same order."),
        Column("years_mentioned", "list", "Years its text mentions."),
    )
    fields = (
        "pk",
        "title",
        "outlet__name",
        "published",
        "published_precision",
        "url",
        "source_file",
        "quote_count",
        "years_mentioned",
    )

    def prepared(self, queryset):
        return ensure_counts(super().prepared(queryset), quote="quotes")

    def rows(self, batch, link):
        ids = [record[0] for record in batch]
        officials = grouped(
            Article.officials.through.objects.filter(among("article_id", ids))
            .order_by("article_id", "official__name", "official__slug")
            .values_list("article_id", "official__name")
        )
        agencies = grouped(
            (article_id, agency_label(name, acronym))
            for article_id, name, acronym in Article.agencies.through.objects.filter(among("article_id", ids))
            .order_by("article_id", "agency__name", "agency__slug")
            .values_list("article_id", "agency__name", "agency__acronym")
        )
        countries = grouped(
            (article_id, (code, name, mentions))
            for article_id, code, name, mentions in ArticleCountry.objects.filter(among("article_id", ids))
            .order_by("article_id", "-mentions", "country__name", "country__code")
            .values_list("article_id", "country__code", "country__name", "mentions")
        )
        rows = []
        for pk, title, outlet, date, precision, url, source_file, quote_count, years in batch:
            mentioned = countries.get(pk, ())
            rows.append(
                (
                    pk,
                    link(pk),
                    title,
                    outlet,
                    date,
                    precision,
                    url,
                    source_file,
                    quote_count,
                    officials.get(pk, []),
                    agencies.get(pk, []),
                    [code for code, _, _ in mentioned],
                    [name for _, name, _ in mentioned],
                    [mentions for _, _, mentions in mentioned],
                    years or [],
                )
            )
        return rows


class OfficialTable(Table):
    name = "officials"
    url_name = "statements:official-detail"
    columns = (
        Column("id", "id", "The official's number in the archive."),
        Column("permalink", "url", "The official's page in the archive."),
        Column("name", "text", "The fullest form of the name the sources give."),
        Column("slug", "text", "The official's key in the archive's addresses and filters (?official=)."),
        Column("quote_count", "int", "How many quotes are attributed to them."),
        Column("article_count", "int", "How many articles give them a title."),
        Column("titles", "list", "Every title the articles give them, as `title (agency)`, earliest first."),
        Column("agencies", "list", "The agencies of those titles, as `Name (ACRONYM)`."),
    )
    fields = ("pk", "slug", "name", "quote_count", "article_count")

    def prepared(self, queryset):
        return ensure_counts(super().prepared(queryset), quote="quotes", article="titles__article")

    def rows(self, batch, link):
        ids = [record[0] for record in batch]
        titles, agencies = defaultdict(dict), defaultdict(dict)
        held = (
            OfficialTitle.objects.filter(among("official_id", ids))
            .order_by("official_id", EARLIEST_FIRST, "title", "pk")
            .values_list("official_id", "title", "agency__acronym", "agency__name")
        )
        for official_id, title, acronym, agency in held:
            titles[official_id][title_label(title, acronym, agency)] = None
            if agency:
                agencies[official_id][agency_label(agency, acronym)] = None
        return [
            (pk, link(slug), name, slug, quote_count, article_count, list(titles[pk]), list(agencies[pk]))
            for pk, slug, name, quote_count, article_count in batch
        ]


class AgencyTable(Table):
    name = "agencies"
    url_name = "statements:agency-detail"
    columns = (
        Column("id", "id", "The agency's number in the archive."),
        Column("permalink", "url", "The agency's page in the archive."),
        Column("name", "text", "The full name."),
        Column("acronym", "text", "The acronym; empty when none is used."),
        Column("slug", "text", "The agency's key in the archive's addresses and filters (?agency=)."),
        Column("kind", "text", "federal_agency, military, intelligence, legislature, executive_office, …"),
        Column("country_code", "text", "The agency's country (ISO 3166 alpha-2); empty when not recorded."),
        Column("country_name", "text", "Its name."),
        Column("quote_count", "int", "How many quotes are attributed to the agency."),
        Column("official_count", "int", "How many officials hold a title in it."),
    )
    fields = ("pk", "slug", "name", "acronym", "kind", "country__code", "country__name")
    fields += ("quote_count", "official_count")

    def prepared(self, queryset):
        return ensure_counts(super().prepared(queryset), quote="quotes", official="official_titles__official")

    def rows(self, batch, link):
        return [
            (pk, link(slug), name, acronym, slug, kind, code, country, quotes, officials)
            for pk, slug, name, acronym, kind, code, country, quotes, officials in batch
        ]


class OutletTable(Table):
    name = "outlets"
    url_name = "statements:outlet-detail"
    columns = (
        Column("id", "id", "The outlet's number in the archive."),
        Column("permalink", "url", "The outlet's page in the archive."),
        Column("name", "text", "The outlet's name."),
        Column("slug", "text", "The outlet's key in the archive's addresses and filters (?outlet=)."),
        Column("domain", "text", "Its web domain."),
        Column("article_count", "int", "How many of its articles the archive holds."),
        Column("quote_count", "int", "How many quotes those articles carry."),
    )
    fields = ("pk", "slug", "name", "domain", "article_count", "quote_count")

    def prepared(self, queryset):
        return ensure_counts(super().prepared(queryset), quote="articles__quotes", article="articles")

    def rows(self, batch, link):
        return [
            (pk, link(slug), name, slug, domain, articles, quotes)
            for pk, slug, name, domain, articles, quotes in batch
        ]


class CountryTable(Table):
    name = "countries"
    url_name = "statements:country-detail"
    columns = (
        Column("code", "text", "ISO 3166 alpha-2 code (the filters' ?country=)."),
        Column("permalink", "url", "The country's page in the archive."),
        Column("name", "text", "The country's name."),
        Column("quote_count", "int", "How many quotes mention it."),
        Column("article_count", "int", "How many articles mention it."),
    )
    fields = ("pk", "code", "name", "quote_count", "article_count")

    def prepared(self, queryset):
        return ensure_counts(super().prepared(queryset), quote="quotes", article="articles")

    def rows(self, batch, link):
        return [(code, link(code), name, quotes, articles) for _, code, name, quotes, articles in batch]


# -------------------------------------------------------------------------------------------- selection
@dataclass
class Selection:
    """What a list page shows for a query string: its queryset, the filters as applied, or its errors."""

    queryset: object
    filters: dict  # every filter in effect and the sort, as the FilterSet read them
    errors: list


def selected_by_filterset(filtered):
    """A selection function over a FilterSet function (`filters.filtered_quotes`)."""

    def select(request):
        filterset, queryset = filtered(request.GET)
        applied = {
            name: value
            for name, value in filterset.cleaned.items()
            if name not in ("sort", "per_page") and value not in (None, "", [])
        }
        if filterset.is_valid():
            applied["sort"] = filterset.sort_key()
        return Selection(queryset, applied, filterset.error_messages())

    return select


def selected_by_list_view(view_class):
    """A selection function over a list page's view: the page's own `get_queryset()`, for the lists that
    have no FilterSet (yet); when the view gains one (`view.filterset`), its errors and filters count."""

    def select(request):
        view = view_class()
        view.setup(request)
        queryset = view.get_queryset()
        filterset = getattr(view, "filterset", None)
        if filterset is not None:
            return selected_by_filterset(lambda params: (filterset, queryset))(request)
        return Selection(queryset, {"sort": view.sort_key()}, [])

    return select


@dataclass(frozen=True)
class ExportedList:
    table: Table
    select: Callable  # request -> Selection
    page: str  # the list page's URL name, e.g. "quote-list"; the exports are "exports:quote-list-csv"


EXPORTED_LISTS = (
    ExportedList(QuoteTable(), selected_by_filterset(filters.filtered_quotes), "quote-list"),
    ExportedList(ArticleTable(), selected_by_filterset(filters.filtered_articles), "article-list"),
    ExportedList(OfficialTable(), selected_by_list_view(views.OfficialListView), "official-list"),
    ExportedList(AgencyTable(), selected_by_list_view(views.AgencyListView), "agency-list"),
    ExportedList(OutletTable(), selected_by_list_view(views.OutletListView), "outlet-list"),
    ExportedList(CountryTable(), selected_by_list_view(views.CountryListView), "country-list"),
)
TABLES = {Quote: QuoteTable(), Article: ArticleTable(), Official: OfficialTable()}
TABLES |= {Agency: AgencyTable(), Outlet: OutletTable(), Country: CountryTable()}


# ---------------------------------------------------------------------------------------------- writers
class ChunkBuffer:
    """A pseudo-buffer for csv.writer (the Django docs' Echo pattern) that gathers a chunk of rows."""

    def __init__(self):
        self.pieces = []

    def write(self, text):
        self.pieces.append(text)

    def take(self):
        chunk = "".join(self.pieces)
        self.pieces.clear()
        return chunk


def csv_chunks(table, batches, *, byte_order_mark=False):
    """The header, then one chunk of RFC 4180 CSV (CRLF line ends, newlines kept inside quoted cells) per
    batch of rows, text cells neutralised against formulas."""
    buffer = ChunkBuffer()
    writer = csv.writer(buffer)
    writer.writerow(table.column_names)
    yield (BYTE_ORDER_MARK if byte_order_mark else "") + buffer.take()
    cells = [(index, CSV_CELL[column.kind]) for index, column in enumerate(table.columns)]
    cells = [(index, to_cell) for index, to_cell in cells if to_cell is not None]
    for rows in batches:
        for row in rows:
            row = list(row)
            for index, to_cell in cells:
                row[index] = to_cell(row[index])
            writer.writerow(row)
        yield buffer.take()


def json_chunks(table, batches, *, count, applied_filters):
    """`{"count": N, "filters": {...}, "results": [{column: value}, ...]}`, one chunk per batch."""
    encoder = json.JSONEncoder(ensure_ascii=False, default=json_value)
    names = table.column_names
    yield f'{{"count": {count}, "filters": {encoder.encode(applied_filters)}, "results": ['
    separator = "\n"
    for rows in batches:
        yield separator + ",\n".join(encoder.encode(dict(zip(names, row, strict=True))) for row in rows)
        separator = ",\n"
    yield "\n]}\n"


def streamed(batches, using):
    """The batches, read inside a transaction on PostgreSQL: there `.iterator()` then reads a plain
    server-side cursor a chunk at a time, instead of a WITH HOLD one that the server fills before the
    first row leaves, planned for reading all of it."""
    if connections[using].vendor != "postgresql":
        yield from batches
        return
    with transaction.atomic(using=using):
        with connections[using].cursor() as cursor:
            # Plan the cursor's query for reading every row, not for a fast first tenth.
            cursor.execute("SET LOCAL cursor_tuple_fraction = 1.0")
        yield from batches


# --------------------------------------------------------------------------------------------- responses
def file_name(table, named_filters, extension):
    """`quotes_country-RU_year-2020_2026-11-23.csv`: the list, its filters by name, the day."""
    parts = [table.name]
    for name, value in sorted(named_filters.items()):
        values = value if isinstance(value, list) else [value]
        parts.append(re.sub(r"[^A-Za-z0-9-]+", "-", f"{name}-{'-'.join(map(str, values))}").strip("-"))
    stem = "_".join(parts)[:MAX_FILE_STEM]
    return f"{stem}_{timezone.localdate().isoformat()}.{extension}"


def export_response(table, queryset, request, *, fmt, applied_filters, named_filters, byte_order_mark=False):
    """A streamed CSV or JSON attachment of `queryset`'s records, in its order, through `table`."""
    from statements import copy_export  # it builds on this module's columns and cells

    batches = streamed(table.batches(queryset, request.build_absolute_uri), queryset.db)
    if fmt == "csv" and copy_export.writes(table, queryset):
        chunks = copy_export.csv_chunks(
            table, queryset, request.build_absolute_uri, byte_order_mark=byte_order_mark
        )
    elif fmt == "csv":
        chunks = csv_chunks(table, batches, byte_order_mark=byte_order_mark)
    else:
        chunks = json_chunks(table, batches, count=queryset.count(), applied_filters=applied_filters)
    response = StreamingHttpResponse(chunks, content_type=FORMATS[fmt])
    response["Content-Disposition"] = content_disposition_header(True, file_name(table, named_filters, fmt))
    response["X-Content-Type-Options"] = "nosniff"
    return response


def bad_request(errors, fmt):
    """400, the errors said in words as on the list page: plain text for CSV, {"errors": [...]} for JSON."""
    if fmt == "json":
        return JsonResponse({"errors": errors}, status=400)
    return HttpResponse("\n".join(errors) + "\n", status=400, content_type="text/plain; charset=utf-8")


def byte_order_mark_wanted(value):
    """`?bom=1` (for Excel) or `?bom=0`; None when the value is neither."""
    return {None: False, "": False, "0": False, "1": True}.get(value)


def list_export(exported, request, fmt):
    """The export of one list page, for the query string of `request`: what the export views answer."""
    selection = exported.select(request)
    byte_order_mark = byte_order_mark_wanted(request.GET.get("bom"))
    errors = list(selection.errors)
    if byte_order_mark is None:
        errors.append("bom: Enter 1 (a byte-order mark, for Excel) or 0.")
    if errors:
        return bad_request(errors, fmt)
    return export_response(
        exported.table,
        selection.queryset,
        request,
        fmt=fmt,
        applied_filters=selection.filters,
        named_filters={name: value for name, value in selection.filters.items() if name in request.GET},
        byte_order_mark=byte_order_mark,
    )


def rows_of(table, queryset, absolute_uri=lambda path: path) -> Iterator[tuple]:
    """Every row of `table` for `queryset`, one at a time (for scripts and tests)."""
    for rows in table.batches(queryset, absolute_uri):
        yield from rows


def column_reference(tables: Iterable[Table] = None) -> str:
    """The columns of every export as Markdown tables (docs/export.md is checked against it)."""
    sections = []
    for table in tables or [exported.table for exported in EXPORTED_LISTS]:
        lines = [f"### {table.name}", "", "| column | kind | meaning |", "|---|---|---|"]
        lines += [f"| `{column.name}` | {column.kind} | {column.help} |" for column in table.columns]
        sections.append("\n".join(lines))
    return "\n\n".join(sections) + "\n"
