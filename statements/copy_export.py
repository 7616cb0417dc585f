"""The quote list's CSV on PostgreSQL, written by the database.

The Python writer (`exports.QuoteTable` + `exports.csv_chunks`) reads a batch of rows, then one query per
many-valued column, and formats every cell in Python. Here each quote's line is precomputed
(statements.export_lines: a table of CSV text per quote, filled in bulk and kept right by the archive's
signals), so the export is one join of the page's selection with those lines, in the page's order, and
the serving process passes large blocks on: memory holds a few blocks.

- The selection is the list's own queryset (filters, search and sort), compiled by Django, written to a
  temporary table with each row's place in it (`row_number()` over the queryset's own ordering), so the
  file keeps the page's order whatever the filters.
- Before the selection is read, `export_lines.fill()` computes the lines that are missing (nothing to do,
  in one read, unless the archive changed since the last fill); a line dropped by a write after that is
  computed in the export's own statement (`pg_temp.quote_export_cells`), so the file is always the archive
  as one snapshot.
- The database joins BLOCK_LINES lines into one value (lines end with CRLF, as csv.writer's), read as
  bytes from a binary server-side cursor: no per-line work in Python. The two writers give byte-identical
  files (tests/test_copy_export.py).
"""

from django.db import connections, transaction
from django.db.models import Window
from django.db.models.functions import RowNumber

from statements import export_lines
from statements.exports import BYTE_ORDER_MARK

BLOCK_LINES = 1000  # lines the database joins into one block of the response
FETCH_BLOCKS = 1  # blocks per round trip: memory holds one block (about 700 KB at a million quotes)


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


def blocks_sql(permalink):
    """Blocks of BLOCK_LINES CSV lines (bytes, each line ending CRLF) for the quotes of the
    `export_selection` table, in its order: the id, the permalink, then the quote's cached cells."""
    head, tail = permalink
    if csv_quoted(head + tail) != head + tail:  # the id's digits never need quoting themselves
        head, tail = '"' + head.replace('"', '""'), tail.replace('"', '""') + '"'
    head, tail = export_lines.sql_literal(head), export_lines.sql_literal(tail)
    line = (
        f"s.id::text || ',' || {head} || s.id::text || {tail} "
        "|| coalesce(e.cells, pg_temp.quote_export_cells(s.id)) || E'\\r\\n'"
    )
    # The selection read in its order (by block, then place), each line fetched by the cache's key: the
    # lines come out in order and are never sorted themselves (a sort of a million lines spills to disk).
    return f"""
SELECT convert_to(string_agg({line}, '' ORDER BY s.position), 'UTF8')
FROM (SELECT id, position, (position - 1) / {BLOCK_LINES} AS block
      FROM export_selection ORDER BY block, position OFFSET 0) s
LEFT JOIN {export_lines.TABLE} e ON e.quote_id = s.id
GROUP BY s.block
ORDER BY s.block"""


def csv_blocks(queryset, permalink):
    """Blocks of CSV lines (bytes, CRLF line ends) for `queryset`'s quotes, in its order."""
    using = queryset.db
    export_lines.fill(using)
    selection, params = selection_sql(queryset)
    connection = connections[using]
    with transaction.atomic(using=using):
        with connection.cursor() as cursor:
            # For this transaction only: the selection sorted in memory; the cursor planned for reading
            # all of its rows, not a first tenth. The table is dropped at commit; and here, for a second
            # export in the same transaction (a test's).
            cursor.execute(
                "SELECT set_config('work_mem', '256MB', true), "
                "set_config('cursor_tuple_fraction', '1', true);"
                f"DROP TABLE IF EXISTS pg_temp.export_selection; {export_lines.function_sql()}"
            )
            cursor.execute(
                f"CREATE TEMPORARY TABLE export_selection (id, position) ON COMMIT DROP AS {selection}",
                params,
            )
            # The lines by index lookups in the selection's order (see blocks_sql), whatever the planner's
            # estimates: hashing or merging would need the lines sorted afterwards.
            cursor.execute(
                "ANALYZE export_selection; SELECT set_config('enable_hashjoin', 'off', true), "
                "set_config('enable_mergejoin', 'off', true)"
            )
        # A server-side cursor in binary: each block arrives as the bytes of its lines, a few at a time.
        with connection.connection.cursor(name="quote_export", binary=True) as blocks:
            blocks.execute(blocks_sql(permalink))
            while rows := blocks.fetchmany(FETCH_BLOCKS):
                for (data,) in rows:
                    yield data
        with connection.cursor() as cursor:
            cursor.execute("DROP TABLE export_selection")


def csv_chunks(table, queryset, absolute_uri, *, byte_order_mark=False):
    """The quote list's CSV: the header, then the database's lines."""
    header = (BYTE_ORDER_MARK if byte_order_mark else "") + ",".join(table.column_names) + "\r\n"
    yield header.encode()
    yield from csv_blocks(queryset, link_parts(absolute_uri, table.url_name))
