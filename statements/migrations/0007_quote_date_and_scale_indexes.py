"""The archive at a million quotes (docs/scale.md): the article's date on Quote, indexes for the lists' sort
and filters, reverse indexes on the link tables, and on PostgreSQL a stored search vector.

- `Quote.published` and `Quote.year`, copied from the article (kept so by statements.models' receivers),
  filled here by one UPDATE.
- Sort indexes in exactly the order of `QuoteQuerySet.sorted_by("-date")`, alone and after the year, so
  the newest 25 quotes of a year are read from an index and the scan stops there. PostgreSQL needs
  `NULLS LAST` in the index to match the query; SQLite refuses it in an index but sorts NULL lowest, so
  its `DESC` index gives the same order. Hence SQL per database, outside the model state.
- The link tables' reverse pairs (agency, quote) etc.: "the quotes of agency X" by index only. Django's
  automatic through tables take no Meta indexes; plain CREATE INDEX works on both databases.
- PostgreSQL: `search_document`, a stored generated tsvector of statements.search.QUOTE_VECTOR's very
  expression, with its GIN index replacing migration 0004's expression index: ranking a common word's
  150,000 matches then reads stored vectors instead of parsing every text again.
- SQLite: the quote FTS update trigger narrowed to `UPDATE OF text, speaker`, so that dating the quotes
  (here, and whenever an article's date changes) does not re-index their words.
"""

from django.db import migrations, models

SORT_INDEXES = {
    "quote_published_desc_idx": "(published DESC{nulls}, article_id, start, id)",
    "quote_year_published_idx": "(year, published DESC{nulls}, article_id, start, id)",
}
LINK_INDEXES = {
    "quote_agencies_agency_quote_idx": ("statements_quote_agencies", "agency_id, quote_id"),
    "quote_countries_country_quote_idx": ("statements_quote_countries", "country_id, quote_id"),
    "quote_officials_official_quote_idx": ("statements_quote_officials", "official_id, quote_id"),
}
POSTGRES_DOCUMENT = (
    "ALTER TABLE statements_quote ADD COLUMN search_document tsvector GENERATED ALWAYS AS "
    "(to_tsvector('english'::regconfig, COALESCE(text, '') || ' ' || COALESCE(speaker, ''))) STORED"
)
SQLITE_TRIGGER = (
    "CREATE TRIGGER statements_quote_fts_au AFTER UPDATE OF text, speaker ON statements_quote BEGIN "
    "INSERT INTO statements_quote_fts(statements_quote_fts, rowid, text, speaker) "
    "VALUES ('delete', old.id, old.text, old.speaker); "
    "INSERT INTO statements_quote_fts(rowid, text, speaker) VALUES (new.id, new.text, new.speaker); END"
)
SQLITE_TRIGGER_BEFORE = (
    "CREATE TRIGGER statements_quote_fts_au AFTER UPDATE ON statements_quote BEGIN "
    "INSERT INTO statements_quote_fts(statements_quote_fts, rowid, text, speaker) "
    "VALUES ('delete', old.id, old.text, old.speaker); "
    "INSERT INTO statements_quote_fts(rowid, text, speaker) VALUES (new.id, new.text, new.speaker); END"
)
BACKFILL = {
    "postgresql": "UPDATE statements_quote q SET published = a.published, year = a.year "
    "FROM statements_article a WHERE a.id = q.article_id",
    "sqlite": "UPDATE statements_quote SET (published, year) = (SELECT a.published, a.year "
    "FROM statements_article a WHERE a.id = statements_quote.article_id)",
}


def has_table(schema_editor, name):
    return name in schema_editor.connection.introspection.table_names()


def forwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    execute = schema_editor.execute
    if vendor == "postgresql":
        # One rewrite of the table instead of a GIN update per row: drop the expression index first.
        execute("DROP INDEX IF EXISTS quote_search_idx")
    elif vendor == "sqlite" and has_table(schema_editor, "statements_quote_fts"):
        execute("DROP TRIGGER IF EXISTS statements_quote_fts_au")
        execute(SQLITE_TRIGGER)
    if vendor in BACKFILL:
        execute(BACKFILL[vendor])
    nulls = " NULLS LAST" if vendor == "postgresql" else ""
    for name, columns in SORT_INDEXES.items():
        execute(f"CREATE INDEX {name} ON statements_quote {columns.format(nulls=nulls)}")
    for name, (table, columns) in LINK_INDEXES.items():
        execute(f"CREATE INDEX {name} ON {table} ({columns})")
    if vendor == "postgresql":
        execute(POSTGRES_DOCUMENT)
        execute("CREATE INDEX quote_search_document_idx ON statements_quote USING gin (search_document)")


def backwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    execute = schema_editor.execute
    for name in [*SORT_INDEXES, *LINK_INDEXES]:
        execute(f"DROP INDEX IF EXISTS {name}")
    if vendor == "postgresql":
        execute("DROP INDEX IF EXISTS quote_search_document_idx")
        execute("ALTER TABLE statements_quote DROP COLUMN IF EXISTS search_document")
        execute(
            "CREATE INDEX quote_search_idx ON statements_quote USING gin ((to_tsvector('english'::regconfig, "
            "COALESCE(text, '') || ' ' || COALESCE(speaker, ''))))"
        )
    elif vendor == "sqlite" and has_table(schema_editor, "statements_quote_fts"):
        execute("DROP TRIGGER IF EXISTS statements_quote_fts_au")
        execute(SQLITE_TRIGGER_BEFORE)


class Migration(migrations.Migration):
    dependencies = [("statements", "0006_researchers_group")]

    operations = [
        migrations.AddField(
            model_name="quote",
            name="published",
            field=models.DateField(blank=True, editable=False, help_text="The article's date.", null=True),
        ),
        migrations.AddField(
            model_name="quote",
            name="year",
            field=models.PositiveSmallIntegerField(
                blank=True, editable=False, help_text="Its year.", null=True
            ),
        ),
        migrations.AddField(
            model_name="historicalquote",
            name="published",
            field=models.DateField(blank=True, editable=False, help_text="The article's date.", null=True),
        ),
        migrations.AddField(
            model_name="historicalquote",
            name="year",
            field=models.PositiveSmallIntegerField(
                blank=True, editable=False, help_text="Its year.", null=True
            ),
        ),
        migrations.RunPython(forwards, backwards),
    ]
