"""The quote list's CSV on PostgreSQL, written by the database.

The Python writer (`exports.QuoteTable` + `exports.csv_chunks`) reads a batch of rows, then one query per
many-valued column, and formats every cell in Python. Here each quote's line is precomputed
(statements.export_lines: a table of CSV text per quote, filled in bulk and kept right by the archive's
signals), so the export is one statement that reads those lines in the page's order, and the serving
process passes blocks of them on: memory holds one block.

- **The whole list** in its default order (newest first; the export of `/quotes.csv`) reads the quotes by
  their index in that order, merged with the lines by theirs (each line records its quote's place): two
  ordered scans, nothing sorted, nothing looked up one by one.
- **Any other selection** is the list's own queryset (filters, search and sort), compiled by Django,
  written to a temporary table with each row's place in it (`row_number()` over the queryset's own
  ordering), so the file keeps the page's order whatever the filters; each line is looked up by its id.
- Before either, `export_lines.fill()` computes the lines that are missing (nothing to do, in one read,
  unless the archive changed since the last fill); a line dropped by a write after that is computed in the
  export's own statement (`pg_temp.quote_export_cells`), so the file is always the archive as one
  snapshot.
- Lines end with CRLF, as csv.writer's, and are read as bytes from a binary server-side cursor, BLOCK_LINES
  a round trip. The two writers give byte-identical files (tests/test_copy_export.py).
"""

from contextlib import contextmanager

from django.db import connections, transaction
from django.db.models import Window
from django.db.models.functions import RowNumber
from psycopg.adapt import Loader
from psycopg.pq import Format

from statements import export_lines
from statements.exports import BYTE_ORDER_MARK

BLOCK_LINES = 1000  # lines per block, and round trip, of a selection's export (about 700 KB)
ARTICLES_PER_FETCH = 100  # the whole list's blocks, one per article, a round trip (about 700 KB)
UNDATED_LIMIT = 1000  # undated quotes the whole list's reading computes one by one (about 1 ms each)


def writes(table, queryset):
    """Whether this writer makes `table`'s CSV for `queryset`: the quote list on PostgreSQL. (A DISTINCT
    queryset, as the admin's search may give, stays with the Python writer: numbering its rows would keep
    the duplicates DISTINCT removes.)"""
    return (
        table.name == "quotes"
        and connections[queryset.db].vendor == "postgresql"
        and not queryset.query.distinct
        and not queryset.query.is_sliced
    )


def csv_quoted(text):
    """`text` as csv.writer writes it as a cell (QUOTE_MINIMAL)."""
    if any(c in text for c in ',"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def link_parts(absolute_uri, url_name):
    """The constant text around a quote's id in its permalink."""
    from django.urls import reverse

    marker = "987654321"
    return tuple(absolute_uri(reverse(url_name, args=[marker])).split(marker))


def selection_sql(queryset):
    """(sql, params) selecting `queryset`'s quotes as (id, position)."""
    ordering = list(queryset.query.order_by) or list(queryset.model._meta.ordering)
    selection = (
        queryset.prefetch_related(None)
        .select_related(None)
        .annotate(export_position=Window(RowNumber(), order_by=ordering))
        .order_by()
        .values_list("pk", "export_position")
    )
    return selection.query.sql_with_params()


def line_sql(id_column, cells_column, permalink):
    """SQL for one quote's CSV line (text ending CRLF, as csv.writer's): the id, the permalink, then the
    quote's cached cells, or, when the cache has none, the cells computed in this statement."""
    head, tail = permalink
    if csv_quoted(head + tail) != head + tail:  # the id's digits never need quoting themselves
        head, tail = '"' + head.replace('"', '""'), tail.replace('"', '""') + '"'
    head, tail = export_lines.sql_literal(head), export_lines.sql_literal(tail)
    return (
        f"{id_column}::text || ',' || {head} || {id_column}::text || {tail} "
        f"|| coalesce({cells_column}, pg_temp.quote_export_cells({id_column})) || E'\\r\\n'"
    )


def selection_blocks_sql(permalink):
    """Blocks of BLOCK_LINES lines of the quotes of the `export_selection` table, in its order."""
    # The selection read in its order (by block, then place), each line fetched by the cache's key: the
    # lines come out in order and are never sorted themselves (a sort of a million lines spills to disk).
    return f"""
SELECT string_agg({line_sql("s.id", "e.cells", permalink)}, '' ORDER BY s.position)
FROM (SELECT id, position, (position - 1) / {BLOCK_LINES} AS block
      FROM export_selection ORDER BY block, position OFFSET 0) s
LEFT JOIN {export_lines.TABLE} e ON e.quote_id = s.id
GROUP BY s.block
ORDER BY s.block"""


def whole_list_blocks_sql(permalink):
    """Blocks of the lines of every quote in the list's default order, one block per article, without a
    selection: the quotes by their index in that order, merged with the cached lines by theirs
    (export_lines.LIST_ORDER), grouped as they come (nothing sorted but each article's few lines).

    A line is used only when its recorded place is still its quote's, so a line left behind by a write
    that bypassed the signals is computed again rather than misplaced; an undated quote (whose NULL date
    matches nothing) is computed too."""
    from statements.models import Quote

    return f"""
SELECT string_agg({line_sql("q.id", "e.cells", permalink)}, '' ORDER BY q.start, q.id)
FROM {Quote._meta.db_table} q
LEFT JOIN (SELECT quote_id, published, article_id, start, cells FROM {export_lines.TABLE}
           ORDER BY {export_lines.LIST_ORDER} OFFSET 0) e
  ON e.published = q.published AND e.article_id = q.article_id AND e.start = q.start AND e.quote_id = q.id
GROUP BY q.published, q.article_id
ORDER BY q.published DESC NULLS LAST, q.article_id"""


def is_whole_list(queryset):
    """Whether `queryset` is every quote in the list's default order (the newest first)."""
    from statements.models import Quote

    query = queryset.query
    newest_first = Quote.objects.sorted_by("-date").query.order_by
    return not query.where and not query.combinator and tuple(query.order_by) == tuple(newest_first)


def few_undated(queryset):
    """Whether the archive has at most UNDATED_LIMIT undated quotes, each of which the whole list's
    statement computes (whole_list_blocks_sql)."""
    undated = queryset.model._base_manager.using(queryset.db).filter(published__isnull=True)
    return undated[: UNDATED_LIMIT + 1].count() <= UNDATED_LIMIT


@contextmanager
def lines_statement(queryset, permalink):
    """(the SELECT whose rows are blocks of `queryset`'s CSV lines in its order, rows to fetch at a time),
    to be run inside this block: one transaction holds the session settings and the temporary objects it
    needs. Each row is one text value of whole lines, each ending CRLF. The export streams it; the
    benchmark hands it to COPY as its floor."""
    using = queryset.db
    export_lines.fill(using)
    connection = connections[using]
    with transaction.atomic(using=using), connection.cursor() as cursor:
        # For this transaction only: the selection sorted in memory; the cursor planned for reading all of
        # its rows, not a first tenth; the lines by index, never hashed or sorted (they would have to be
        # sorted again afterwards, and a sort of a million lines spills to disk).
        cursor.execute(
            "SELECT set_config('work_mem', '256MB', true), set_config('cursor_tuple_fraction', '1', true), "
            "set_config('enable_hashjoin', 'off', true), "
            "set_config('max_parallel_workers_per_gather', '0', true);"
            f"DROP TABLE IF EXISTS pg_temp.export_selection; {export_lines.function_sql()}"
        )
        if is_whole_list(queryset) and few_undated(queryset):
            cursor.execute(
                "SELECT set_config('enable_nestloop', 'off', true), set_config('enable_sort', 'off', true)"
            )
            yield whole_list_blocks_sql(permalink), ARTICLES_PER_FETCH
            return
        selection, params = selection_sql(queryset)
        # The table is dropped at commit; and below, for a second export in the same transaction (a test's).
        cursor.execute(
            f"CREATE TEMPORARY TABLE export_selection (id, position) ON COMMIT DROP AS {selection}", params
        )
        cursor.execute("ANALYZE export_selection; SELECT set_config('enable_mergejoin', 'off', true)")
        yield selection_blocks_sql(permalink), 1
        cursor.execute("DROP TABLE export_selection")


class LineBytes(Loader):
    """A text column as the bytes that arrive (the connection's encoding is UTF-8): lines go out as they
    come in, never decoded and encoded again."""

    format = Format.BINARY

    def load(self, data):
        return bytes(data)


def csv_blocks(queryset, permalink):
    """Blocks of CSV lines (bytes, CRLF line ends) for `queryset`'s quotes, in its order."""
    connection = connections[queryset.db]
    with lines_statement(queryset, permalink) as (statement, rows_per_fetch):
        # A server-side cursor in binary: a few blocks a round trip, as the bytes of their lines.
        with connection.connection.cursor(name="quote_export", binary=True) as blocks:
            blocks.adapters.register_loader("text", LineBytes)
            blocks.execute(statement)
            while rows := blocks.fetchmany(rows_per_fetch):
                for (block,) in rows:
                    yield block


def csv_chunks(table, queryset, absolute_uri, *, byte_order_mark=False):
    """The quote list's CSV: the header, then the database's lines."""
    header = (BYTE_ORDER_MARK if byte_order_mark else "") + ",".join(table.column_names) + "\r\n"
    yield header.encode()
    yield from csv_blocks(queryset, link_parts(absolute_uri, table.url_name))
