"""The quote list's CSV on PostgreSQL, written by the database: `COPY (one query) TO STDOUT WITH CSV`.

The Python writer (`exports.QuoteTable` + `exports.csv_chunks`) reads a batch of rows, then one query per
many-valued column, and formats every cell in Python: about 15,000 rows a second at a million quotes.
Here one statement builds every row of the file, cells neutralised as the Python writer neutralises them,
and PostgreSQL quotes them (CSV quoting in C); the serving process passes the blocks on, so the export
runs at the speed of the query and memory holds one block.

- The selection is the list's own queryset (filters, search and sort), compiled by Django, written to a
  temporary table with each row's place in it (`row_number()` over the queryset's own ordering), so the
  file keeps the page's order and the planner knows how many quotes it joins.
- Each many-valued column is one grouped aggregate over the selected quotes' link rows (merge or hash
  joins), not a subquery per row.
- Titles at the time follow `exports.titles_at_the_time`: the article's own titles for the official, else
  those of the latest earlier (or same-day) article that gives some.
- COPY's CSV differs from csv.writer's in two ways, both undone: it writes an empty string as `""` (so
  empty cells are sent as NULL), and it ends rows with LF (`crlf_lines` makes them CRLF, leaving newlines
  inside quoted cells alone). The two writers give byte-identical files (tests/test_copy_export.py).
"""

import codecs

from django.db import connections, transaction
from django.db.models import Window
from django.db.models.functions import RowNumber

from statements.exports import BYTE_ORDER_MARK, FORMULA_TRIGGERS, LIST_SEPARATOR


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


def sql_literal(text):
    return "'" + text.replace("'", "''") + "'"


FORMULA_START = ", ".join(f"E'{c.encode('unicode_escape').decode()}'" for c in FORMULA_TRIGGERS)


def neutralised(expression):
    """SQL for `exports.neutralised`: a leading single quote when the text could start a formula."""
    return (
        f"CASE WHEN left({expression}, 1) IN ({FORMULA_START}) "
        f"THEN '''' || {expression} ELSE {expression} END"
    )


def text_cell(expression):
    """A text cell: neutralised, and empty as csv.writer writes it (COPY's CSV writes NULL as nothing but
    an empty string as "")."""
    return f"nullif({neutralised(expression)}, '')"


def link_parts(absolute_uri, url_name):
    """The constant text around a quote's id in its permalink."""
    from django.urls import reverse

    marker = "987654321"
    return tuple(absolute_uri(reverse(url_name, args=[marker])).split(marker))


SEPARATOR = sql_literal(LIST_SEPARATOR)
NESTED_LOOPS_UP_TO = 1000  # selected quotes
AGENCY_LABEL = "x.name || CASE WHEN coalesce(x.acronym, '') <> '' THEN ' (' || x.acronym || ')' ELSE '' END"
TITLE_LABEL = (
    "ot.title || CASE WHEN coalesce(nullif(ta.acronym, ''), ta.name, '') <> '' "
    "THEN ' (' || coalesce(nullif(ta.acronym, ''), ta.name) || ')' ELSE '' END"
)


def ordered_list(value, order):
    return f"string_agg({value}, {SEPARATOR} ORDER BY {order})"


def selection_sql(queryset):
    """(sql, params) selecting `queryset`'s quotes as (id, position, article_id, published)."""
    ordering = list(queryset.query.order_by) or list(queryset.model._meta.ordering)
    selection = (
        queryset.prefetch_related(None)
        .select_related(None)
        .annotate(export_position=Window(RowNumber(), order_by=ordering))
        .order_by()
        .values_list("pk", "export_position", "article_id", "published")
    )
    return selection.query.sql_with_params()


def lines_sql(permalink):
    """The query of one CSV line per quote of the `export_selection` table, in its order."""
    head, tail = permalink
    cells = [
        "q.id::text",
        f"{sql_literal(head)} || q.id::text || {sql_literal(tail)}",
        text_cell("q.text"),
        text_cell("q.speaker::text"),
        text_cell("o.names"),
        text_cell("o.titles"),
        text_cell("g.names"),
        "CASE WHEN q.fragment THEN 'true' ELSE 'false' END",
        "q.article_id::text",
        text_cell("a.title::text"),
        text_cell("w.name::text"),
        "to_char(a.published, 'YYYY-MM-DD')",  # NULL: an empty cell
        text_cell("a.published_precision::text"),
        text_cell("a.url::text"),
        text_cell("c.codes"),
        text_cell("c.names"),
    ]
    line = ",\n       ".join(cells)
    sql = f"""
WITH pairs AS MATERIALIZED (
  SELECT t.quote_id, t.official_id, s.article_id, s.published
  FROM export_selection s JOIN statements_quote_officials t ON t.quote_id = s.id
),
own_titles AS (
  SELECT ot.official_id, ot.article_id,
         string_agg(x.name || ', ' || {TITLE_LABEL}, {SEPARATOR} ORDER BY ot.title, {TITLE_LABEL}) AS labels
  FROM statements_officialtitle ot
  JOIN statements_official x ON x.id = ot.official_id
  LEFT JOIN statements_agency ta ON ta.id = ot.agency_id
  WHERE (ot.official_id, ot.article_id) IN (SELECT p.official_id, p.article_id FROM pairs p)
  GROUP BY ot.official_id, ot.article_id
),
officials AS (
  SELECT t.quote_id,
         {ordered_list("x.name::text", "x.name, x.slug")} AS names,
         string_agg(coalesce(tl.labels, CASE WHEN t.published IS NOT NULL THEN (
             SELECT string_agg(x.name || ', ' || latest.label, {SEPARATOR}
                               ORDER BY latest.title, latest.label)
             FROM (SELECT DISTINCT ot.title, {TITLE_LABEL} AS label
                   FROM statements_officialtitle ot
                   JOIN statements_article ea ON ea.id = ot.article_id
                   LEFT JOIN statements_agency ta ON ta.id = ot.agency_id
                   WHERE ot.official_id = t.official_id AND ea.published = (
                     SELECT max(ma.published) FROM statements_officialtitle mt
                     JOIN statements_article ma ON ma.id = mt.article_id
                     WHERE mt.official_id = t.official_id AND ma.published <= t.published)) latest
           ) END), {SEPARATOR} ORDER BY x.name, x.slug) AS titles
  FROM pairs t
  JOIN statements_official x ON x.id = t.official_id
  LEFT JOIN own_titles tl ON tl.official_id = t.official_id AND tl.article_id = t.article_id
  GROUP BY t.quote_id
),
agencies AS (
  SELECT t.quote_id, {ordered_list(AGENCY_LABEL, "x.name, x.slug")} AS names
  FROM export_selection s
  JOIN statements_quote_agencies t ON t.quote_id = s.id
  JOIN statements_agency x ON x.id = t.agency_id
  GROUP BY t.quote_id
),
countries AS (
  SELECT t.quote_id,
         {ordered_list("x.code::text", "x.name, x.code")} AS codes,
         {ordered_list("x.name::text", "x.name, x.code")} AS names
  FROM export_selection s
  JOIN statements_quote_countries t ON t.quote_id = s.id
  JOIN statements_country x ON x.id = t.country_id
  GROUP BY t.quote_id
)
SELECT {line}
FROM export_selection s
JOIN statements_quote q ON q.id = s.id
JOIN statements_article a ON a.id = s.article_id
LEFT JOIN statements_outlet w ON w.id = a.outlet_id
LEFT JOIN officials o ON o.quote_id = s.id
LEFT JOIN agencies g ON g.quote_id = s.id
LEFT JOIN countries c ON c.quote_id = s.id
ORDER BY s.position"""
    return sql


def crlf_lines(blocks):
    """COPY's CSV blocks with every line ended by CRLF (RFC 4180, as csv.writer ends them), newlines inside
    quoted cells left as they are. A newline ends a line when the double quotes before it, since the start,
    are even in number (a quote inside a cell is doubled, so it does not change the count)."""
    inside = False
    decoder = codecs.getincrementaldecoder("utf-8")()  # a block may end inside a character
    for block in blocks:
        pieces = bytes(block).split(b"\n")
        out = []
        for piece in pieces[:-1]:
            if piece.count(b'"') % 2:
                inside = not inside
            out.append(piece + (b"\n" if inside else b"\r\n"))
        last = pieces[-1]
        if last.count(b'"') % 2:
            inside = not inside
        out.append(last)
        yield decoder.decode(b"".join(out))


def csv_blocks(queryset, permalink):
    """COPY's blocks of CSV rows (LF line ends) for `queryset`'s quotes, in its order."""
    selection, params = selection_sql(queryset)
    with transaction.atomic(using=queryset.db):
        with connections[queryset.db].cursor() as cursor:
            # For this transaction only: sorting a million lines in memory rather than on disk, and the
            # archive read from memory, so that index lookups for a small selection cost little.
            cursor.execute(
                "SELECT set_config('work_mem', '256MB', true), set_config('random_page_cost', '1.1', true)"
            )
            # The selection as a table with statistics: the planner then knows whether to join a few
            # thousand quotes' links by index or a million by merging whole tables.
            # Dropped at commit; and here, for a second export in the same transaction (a test's).
            cursor.execute("DROP TABLE IF EXISTS pg_temp.export_selection")
            cursor.execute(
                "CREATE TEMPORARY TABLE export_selection (id, position, article_id, published) "
                f"ON COMMIT DROP AS {selection}",
                params,
            )
            if cursor.rowcount > NESTED_LOOPS_UP_TO:
                # Joins by hashing or merging only: a nested loop chosen on statistics older than the
                # data (tables filled since their last ANALYZE) rescans a table for every selected quote
                # (a minute for 6,000 quotes in the test suite). Below this, index lookups win.
                cursor.execute("SELECT set_config('enable_nestloop', 'off', true)")
            cursor.execute("ANALYZE export_selection")
            with cursor.cursor.copy(f"COPY ({lines_sql(permalink)}) TO STDOUT WITH (FORMAT csv)") as copy:
                yield from copy
            cursor.execute("DROP TABLE export_selection")


def csv_chunks(table, queryset, absolute_uri, *, byte_order_mark=False):
    """The quote list's CSV: the header, then the database's lines."""
    yield (BYTE_ORDER_MARK if byte_order_mark else "") + ",".join(table.column_names) + "\r\n"
    yield from crlf_lines(csv_blocks(queryset, link_parts(absolute_uri, table.url_name)))
