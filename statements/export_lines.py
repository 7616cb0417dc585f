"""The quote CSV's lines, precomputed per quote (PostgreSQL): a cache that the export reads instead of
computing every row's many-valued cells at export time.

`statements_quoteexportline` holds, for each quote, the CSV text of its line after the id and permalink
(`,text,speaker,officials,...,country_names`, every cell neutralised and quoted exactly as csv.writer
quotes it, no line end), and the quote's place in the list's default order (published, article_id,
start: LIST_ORDER, indexed). The export (statements.copy_export) joins it to the page's selection, or
for the whole list reads it in that order, and sends `id,permalink` + cells; a quote whose line is missing
(or, for the whole list, out of place) is computed in the same statement by
`pg_temp.quote_export_cells(id)`, so the file is right whatever the state of the cache.

- **Filled** by `fill()` for every quote without a line, in one INSERT … SELECT (the grouped statement of
  `cells_sql`: one aggregate per many-valued column over all the missing quotes' links): by `migrate` and
  `flush` (which drop them all), by `generate_synthetic` after its load and by each PostgreSQL export
  before it streams.
- **Invalidated** by the receivers below, in the transaction of the write that makes a line wrong: a
  quote saved or deleted, or its officials, agencies or countries changed (either side of the link); an
  article saved (its quotes; when its date changes, also the quotes of the officials it gives a title,
  whose titles at the time may come from it); an official, agency, outlet or country saved (the quotes that
  print its name, the agency's also those of the officials titled at it); a title saved or deleted (every
  quote of its official, whose titles at the time may come from it). Titles written in bulk (ingest's
  `bulk_create`, no signal) are caught by a watermark: `fill()` drops the quotes of officials whose title
  ids are past the highest one it saw.
- **Races**: invalidations hold `pg_advisory_xact_lock_shared(LOCK)` until their transaction ends; `fill()`
  holds the exclusive lock, so it computes lines only after the writes in flight commit, and a write that
  starts during a fill waits and then drops what the fill wrote. A line deleted after the export's
  selection is read is computed by the fallback function in the export's own snapshot.

Writes that bypass signals and add no title (`QuerySet.update()` of quotes, raw SQL) must call
`forget_quotes()` themselves (statements.synthetic does, by truncating).
"""

import time

from django.db import connections, transaction
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save, pre_save

TABLE = "statements_quoteexportline"
STATE_TABLE = "statements_exportlinestate"
CHANGES = "statements_exportline_changes"  # a sequence
LOCK = (7304, 1)  # pg_advisory_xact_lock(key1, key2): fills exclusive, invalidations shared
NESTED_LOOPS_UP_TO = 1000  # quotes to fill


def enabled(using):
    return connections[using].vendor == "postgresql"


# ------------------------------------------------------------------------------------------ the cells
def sql_literal(text):
    return "'" + text.replace("'", "''") + "'"


def csv_cell(expression):
    """SQL for csv.writer's cell (QUOTE_MINIMAL): quoted, inner quotes doubled, when it holds a comma, a
    double quote, CR or LF; NULL as an empty cell."""
    return (
        f"coalesce(CASE WHEN {expression} ~ E'[\",\\r\\n]' "
        f"THEN '\"' || replace({expression}, '\"', '\"\"') || '\"' ELSE {expression} END, '')"
    )


def neutralised(expression):
    """SQL for `exports.neutralised`: a leading single quote when the text could start a formula."""
    from statements.exports import FORMULA_TRIGGERS

    start = ", ".join(f"E'{c.encode('unicode_escape').decode()}'" for c in FORMULA_TRIGGERS)
    return f"CASE WHEN left({expression}, 1) IN ({start}) THEN '''' || {expression} ELSE {expression} END"


def text_cell(expression):
    return csv_cell(f"({neutralised(expression)})")


def separator():
    from statements.exports import LIST_SEPARATOR

    return sql_literal(LIST_SEPARATOR)


AGENCY_LABEL = "x.name || CASE WHEN coalesce(x.acronym, '') <> '' THEN ' (' || x.acronym || ')' ELSE '' END"
TITLE_LABEL = (
    "ot.title || CASE WHEN coalesce(nullif(ta.acronym, ''), ta.name, '') <> '' "
    "THEN ' (' || coalesce(nullif(ta.acronym, ''), ta.name) || ')' ELSE '' END"
)


def cells_expression(officials, titles, agencies, codes, names):
    """The line after `id,permalink`, from q (quote), a (article), w (outlet) and the many-valued cells."""
    cells = [
        text_cell("q.text"),
        text_cell("q.speaker::text"),
        text_cell(officials),
        text_cell(titles),
        text_cell(agencies),
        "CASE WHEN q.fragment THEN 'true' ELSE 'false' END",
        "q.article_id::text",
        text_cell("a.title::text"),
        text_cell("w.name::text"),
        "coalesce(to_char(a.published, 'YYYY-MM-DD'), '')",
        text_cell("a.published_precision::text"),
        text_cell("a.url::text"),
        text_cell(codes),
        text_cell(names),
    ]
    return "',' || " + "\n    || ',' || ".join(cells)


def latest_titles_sql(official, published):
    """The labels of `official`'s titles in their latest article dated on or before `published`."""
    sep = separator()
    return f"""(
    SELECT string_agg(x.name || ', ' || latest.label, {sep} ORDER BY latest.title, latest.label)
    FROM (SELECT DISTINCT ot.title, {TITLE_LABEL} AS label
          FROM statements_officialtitle ot
          JOIN statements_article ea ON ea.id = ot.article_id
          LEFT JOIN statements_agency ta ON ta.id = ot.agency_id
          WHERE ot.official_id = {official} AND ea.published = (
            SELECT max(ma.published) FROM statements_officialtitle mt
            JOIN statements_article ma ON ma.id = mt.article_id
            WHERE mt.official_id = {official} AND ma.published <= {published})) latest)"""


LIST_ORDER = (
    "published DESC NULLS LAST, article_id, start, quote_id"  # the index quoteexportline_list_order_idx
)


def cells_sql(source):
    """SELECT (quote id, published, article id, start, cells) for the quotes of table `source` (id,
    article_id, published): the quote's place in the list's default order, then its cells, by one grouped
    aggregate per many-valued column over all of their links (merge or hash joins)."""
    sep = separator()
    return f"""
WITH pairs AS MATERIALIZED (
  SELECT t.quote_id, t.official_id, s.article_id, s.published
  FROM {source} s JOIN statements_quote_officials t ON t.quote_id = s.id
),
own_titles AS (
  SELECT ot.official_id, ot.article_id,
         string_agg(x.name || ', ' || {TITLE_LABEL}, {sep} ORDER BY ot.title, {TITLE_LABEL}) AS labels
  FROM statements_officialtitle ot
  JOIN statements_official x ON x.id = ot.official_id
  LEFT JOIN statements_agency ta ON ta.id = ot.agency_id
  WHERE (ot.official_id, ot.article_id) IN (SELECT p.official_id, p.article_id FROM pairs p)
  GROUP BY ot.official_id, ot.article_id
),
officials AS (
  SELECT t.quote_id,
         string_agg(x.name::text, {sep} ORDER BY x.name, x.slug) AS names,
         string_agg(coalesce(tl.labels, CASE WHEN t.published IS NOT NULL THEN
           {latest_titles_sql("t.official_id", "t.published")} END), {sep} ORDER BY x.name, x.slug) AS titles
  FROM pairs t
  JOIN statements_official x ON x.id = t.official_id
  LEFT JOIN own_titles tl ON tl.official_id = t.official_id AND tl.article_id = t.article_id
  GROUP BY t.quote_id
),
agencies AS (
  SELECT t.quote_id, string_agg({AGENCY_LABEL}, {sep} ORDER BY x.name, x.slug) AS names
  FROM {source} s
  JOIN statements_quote_agencies t ON t.quote_id = s.id
  JOIN statements_agency x ON x.id = t.agency_id
  GROUP BY t.quote_id
),
countries AS (
  SELECT t.quote_id,
         string_agg(x.code::text, {sep} ORDER BY x.name, x.code) AS codes,
         string_agg(x.name::text, {sep} ORDER BY x.name, x.code) AS names
  FROM {source} s
  JOIN statements_quote_countries t ON t.quote_id = s.id
  JOIN statements_country x ON x.id = t.country_id
  GROUP BY t.quote_id
)
SELECT s.id AS quote_id, q.published, q.article_id, q.start,
  {cells_expression("o.names", "o.titles", "g.names", "c.codes", "c.names")} AS cells
FROM {source} s
JOIN statements_quote q ON q.id = s.id
JOIN statements_article a ON a.id = q.article_id
LEFT JOIN statements_outlet w ON w.id = a.outlet_id
LEFT JOIN officials o ON o.quote_id = s.id
LEFT JOIN agencies g ON g.quote_id = s.id
LEFT JOIN countries c ON c.quote_id = s.id"""


def function_sql():
    """`pg_temp.quote_export_cells(quote id)`: the same cells for one quote, by its links' indexes (the
    export's fallback for a line missing from the cache)."""
    sep = separator()
    own = f"""(SELECT string_agg(x.name || ', ' || {TITLE_LABEL}, {sep} ORDER BY ot.title, {TITLE_LABEL})
        FROM statements_officialtitle ot LEFT JOIN statements_agency ta ON ta.id = ot.agency_id
        WHERE ot.official_id = t.official_id AND ot.article_id = q.article_id)"""
    latest = latest_titles_sql("t.official_id", "q.published")
    titles = f"coalesce({own}, CASE WHEN q.published IS NOT NULL THEN {latest} END)"
    return f"""
CREATE OR REPLACE FUNCTION pg_temp.quote_export_cells(quote bigint) RETURNS text
LANGUAGE sql STABLE AS $cells$
SELECT {cells_expression("o.names", "o.titles", "g.names", "c.codes", "c.names")}
FROM statements_quote q
JOIN statements_article a ON a.id = q.article_id
LEFT JOIN statements_outlet w ON w.id = a.outlet_id
CROSS JOIN LATERAL (
  SELECT string_agg(x.name::text, {sep} ORDER BY x.name, x.slug) AS names,
         string_agg({titles}, {sep} ORDER BY x.name, x.slug) AS titles
  FROM statements_quote_officials t JOIN statements_official x ON x.id = t.official_id
  WHERE t.quote_id = q.id) o
CROSS JOIN LATERAL (
  SELECT string_agg({AGENCY_LABEL}, {sep} ORDER BY x.name, x.slug) AS names
  FROM statements_quote_agencies t JOIN statements_agency x ON x.id = t.agency_id
  WHERE t.quote_id = q.id) g
CROSS JOIN LATERAL (
  SELECT string_agg(x.code::text, {sep} ORDER BY x.name, x.code) AS codes,
         string_agg(x.name::text, {sep} ORDER BY x.name, x.code) AS names
  FROM statements_quote_countries t JOIN statements_country x ON x.id = t.country_id
  WHERE t.quote_id = q.id) c
WHERE q.id = quote
$cells$"""


def create_function(cursor):
    cursor.execute(function_sql())


# ------------------------------------------------------------------------------------------ filling
def fill(using="default"):
    """Compute the line of every quote that has none (after dropping the lines that titles written in bulk
    made stale); return how many were written.

    Nothing to do, in two reads, unless the archive changed since the last fill: writes that may leave a
    quote without its line count themselves in a sequence (`changed()`). Holds the exclusive lock until
    its transaction ends."""
    if not enabled(using):
        return 0
    with transaction.atomic(using=using), connections[using].cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", LOCK)
        cursor.execute(
            f"SELECT (SELECT last_value FROM {CHANGES}), (SELECT coalesce(max(id), 0) "  # noqa: S608
            f"FROM statements_officialtitle), titles_seen, changes_seen FROM (SELECT 1) one "
            f"LEFT JOIN {STATE_TABLE} ON id = 1"
        )
        changes, newest, titles_seen, changes_seen = cursor.fetchone()
        if (titles_seen, changes_seen) == (newest, changes):
            return 0
        if titles_seen is None or newest > titles_seen:
            # Titles the signals did not see (bulk writes): their officials' quotes may print them now.
            cursor.execute(
                f"DELETE FROM {TABLE} WHERE quote_id IN (SELECT t.quote_id FROM statements_quote_officials t "  # noqa: S608
                "WHERE t.official_id IN (SELECT official_id FROM statements_officialtitle WHERE id > %s))",
                [titles_seen or 0],
            )
        cursor.execute("DROP TABLE IF EXISTS pg_temp.export_todo")
        cursor.execute(
            "CREATE TEMPORARY TABLE export_todo ON COMMIT DROP AS "
            "SELECT q.id, q.article_id, q.published FROM statements_quote q "
            f"WHERE NOT EXISTS (SELECT 1 FROM {TABLE} e WHERE e.quote_id = q.id)"  # noqa: S608
        )
        missing = cursor.rowcount
        if missing:
            cursor.execute("SELECT set_config('work_mem', '256MB', true)")
            if missing > NESTED_LOOPS_UP_TO:
                # A nested loop planned on statistics older than the data rescans a table per quote.
                cursor.execute("SELECT set_config('enable_nestloop', 'off', true)")
            cursor.execute("ANALYZE export_todo")
            # Written in the list's order, so that reading them in that order (the whole list's export)
            # reads the table from start to end rather than jumping about it.
            cursor.execute(
                f"INSERT INTO {TABLE} (quote_id, published, article_id, start, cells) "  # noqa: S608
                f"SELECT * FROM ({cells_sql('export_todo')}) lines ORDER BY {LIST_ORDER} "
                "ON CONFLICT (quote_id) DO NOTHING"
            )
        cursor.execute("DROP TABLE export_todo")
        cursor.execute(
            f"INSERT INTO {STATE_TABLE} (id, titles_seen, changes_seen) VALUES (1, %s, %s) "  # noqa: S608
            "ON CONFLICT (id) DO UPDATE SET titles_seen = excluded.titles_seen, "
            "changes_seen = excluded.changes_seen",
            [newest, changes],
        )
        return missing


def changed(using="default"):
    """Count a write that may leave quotes without their line (new quotes written in bulk, for instance):
    the next export then looks for them."""
    if enabled(using):
        with connections[using].cursor() as cursor:
            cursor.execute(f"SELECT nextval('{CHANGES}')")


def forget_quotes(quote_ids_sql, params=(), using="default"):
    """Drop the lines of the quotes that `quote_ids_sql` (a SELECT of quote ids) selects."""
    if not enabled(using):
        return
    with transaction.atomic(using=using), connections[using].cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock_shared(%s, %s)", LOCK)
        cursor.execute(f"DELETE FROM {TABLE} WHERE quote_id IN ({quote_ids_sql})", params)  # noqa: S608
        cursor.execute(f"SELECT nextval('{CHANGES}')")


def forget_all(using="default"):
    """Drop every line (and the watermark): the next export fills them all."""
    if enabled(using):
        with transaction.atomic(using=using), connections[using].cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock_shared(%s, %s)", LOCK)
            cursor.execute(f"TRUNCATE {TABLE}, {STATE_TABLE}")


# ------------------------------------------------------------------------------------------ invalidation
OF_OFFICIALS = "SELECT quote_id FROM statements_quote_officials WHERE official_id IN ({})"
TITLED_AT_AGENCY = "SELECT official_id FROM statements_officialtitle WHERE agency_id = %s"
TITLED_IN_ARTICLE = "SELECT official_id FROM statements_officialtitle WHERE article_id = %s"


def old_value(model, instance, using, field):
    """`field` of `instance` as stored before this save (None for a new record)."""
    stored = model._default_manager.using(using).filter(pk=instance.pk)
    return stored.values_list(field, flat=True).first()


def quote_changed(sender, instance, using, **kwargs):
    forget_quotes("%s", [instance.pk], using)


def article_before_save(sender, instance, using, raw=False, **kwargs):
    if enabled(using) and instance.pk is not None:
        instance._export_old_published = old_value(sender, instance, using, "published")


def article_saved(sender, instance, using, **kwargs):
    forget_quotes("SELECT id FROM statements_quote WHERE article_id = %s", [instance.pk], using)
    if getattr(instance, "_export_old_published", instance.published) != instance.published:
        forget_quotes(OF_OFFICIALS.format(TITLED_IN_ARTICLE), [instance.pk], using)


def official_saved(sender, instance, using, **kwargs):
    forget_quotes(OF_OFFICIALS.format("%s"), [instance.pk], using)


def agency_saved(sender, instance, using, **kwargs):
    forget_quotes("SELECT quote_id FROM statements_quote_agencies WHERE agency_id = %s", [instance.pk], using)
    forget_quotes(OF_OFFICIALS.format(TITLED_AT_AGENCY), [instance.pk], using)


def outlet_saved(sender, instance, using, **kwargs):
    forget_quotes(
        "SELECT q.id FROM statements_quote q JOIN statements_article a ON a.id = q.article_id "
        "WHERE a.outlet_id = %s",
        [instance.pk],
        using,
    )


def country_saved(sender, instance, using, **kwargs):
    forget_quotes(
        "SELECT quote_id FROM statements_quote_countries WHERE country_id = %s", [instance.pk], using
    )


def title_before_save(sender, instance, using, raw=False, **kwargs):
    if enabled(using) and instance.pk is not None:
        instance._export_old_official = old_value(sender, instance, using, "official_id")


def title_changed(sender, instance, using, **kwargs):
    officials = {instance.official_id, getattr(instance, "_export_old_official", None)} - {None}
    forget_quotes(OF_OFFICIALS.format(", ".join(["%s"] * len(officials))), sorted(officials), using)


def links_changed(sender, instance, action, reverse, pk_set, using, **kwargs):
    """A quote's officials, agencies or countries: from the quote's side, that quote; from the other
    side, the quotes added or removed (before a clear, all of that record's quotes)."""
    if not reverse:
        if action in ("post_add", "post_remove", "post_clear"):
            forget_quotes("%s", [instance.pk], using)
        return
    if action in ("post_add", "post_remove") and pk_set:
        forget_quotes(", ".join(["%s"] * len(pk_set)), sorted(pk_set), using)
    elif action == "pre_clear":
        other = next(f for f in sender._meta.concrete_fields if f.is_relation and f.name != "quote")
        forget_quotes(
            f"SELECT quote_id FROM {sender._meta.db_table} WHERE {other.column} = %s",  # noqa: S608
            [instance.pk],
            using,
        )


def migrated(sender, using="default", plan=None, verbosity=1, stdout=None, **kwargs):
    """`flush` (no plan: quote ids may start again from 1) or migrations applied: the lines may be wrong.
    They are computed again here, at deploy time (about a minute at a million quotes), rather than by the
    first export, which would send nothing for that long."""
    if sender.label != "statements" or not (plan is None or plan) or not enabled(using):
        return
    if TABLE not in table_names(using):
        return
    forget_all(using)
    if not has_current_columns(using):
        return  # migrated back to before the lines kept their place: the export computes them then
    if verbosity >= 1 and stdout is not None:
        stdout.write("  Computing the CSV export's cached lines...")
        stdout.flush()
    started = time.monotonic()
    written = fill(using)
    if verbosity >= 1 and stdout is not None:
        stdout.write(f"  Export lines: {written:,} computed in {time.monotonic() - started:.1f} s.")


def has_current_columns(using):
    connection = connections[using]
    with connection.cursor() as cursor:
        columns = {column.name for column in connection.introspection.get_table_description(cursor, TABLE)}
    return {"quote_id", "published", "article_id", "start", "cells"} <= columns


def table_names(using):
    with connections[using].cursor() as cursor:
        return connections[using].introspection.table_names(cursor)


def _connect():
    uid = "statements.export_lines"
    post_migrate.connect(migrated, dispatch_uid=f"{uid}.migrated")
    for signal in (post_save, post_delete):
        signal.connect(quote_changed, sender="statements.Quote", dispatch_uid=f"{uid}.quote.{signal}")
        signal.connect(title_changed, sender="statements.OfficialTitle", dispatch_uid=f"{uid}.title.{signal}")
    pre_save.connect(article_before_save, sender="statements.Article", dispatch_uid=f"{uid}.article.pre")
    pre_save.connect(title_before_save, sender="statements.OfficialTitle", dispatch_uid=f"{uid}.title.pre")
    for model, receiver in (
        ("Article", article_saved),
        ("Official", official_saved),
        ("Agency", agency_saved),
        ("Outlet", outlet_saved),
        ("Country", country_saved),
    ):
        post_save.connect(receiver, sender=f"statements.{model}", dispatch_uid=f"{uid}.{model}")
    for name in ("officials", "agencies", "countries"):
        m2m_changed.connect(links_changed, sender=f"statements.Quote_{name}", dispatch_uid=f"{uid}.{name}")


_connect()
