"""Article lists in the order they are shown (newest first), and an agency's titles grouped by index.

- `ArticleQuerySet.sorted_by("-date")` orders by `published DESC NULLS LAST, source_file, id`. The
  existing `(published, source_file)` index read backwards gives NULLS FIRST, so PostgreSQL sorted every
  matching article (and counted each one's quotes) before keeping ten: 224 ms for the articles of Russia
  at a million quotes. These indexes are in exactly that order, alone and after the year. As in 0007,
  PostgreSQL takes `NULLS LAST` and SQLite, which refuses it in an index but sorts NULL lowest, gives
  the same order without it: SQL per database, outside the model state.
- `(agency_id, official_id, title)` on official titles: an agency's page lists each title once per
  official (`views.first_attestations`), grouped from this index instead of sorting the agency's rows.
"""

from django.db import migrations

ARTICLE_INDEXES = {
    "article_published_desc_idx": "(published DESC{nulls}, source_file, id)",
    "article_year_published_desc_idx": "(year, published DESC{nulls}, source_file, id)",
}
TITLE_INDEX = "CREATE INDEX official_title_agency_official_idx ON statements_officialtitle "
TITLE_INDEX += "(agency_id, official_id, title)"


def forwards(apps, schema_editor):
    nulls = " NULLS LAST" if schema_editor.connection.vendor == "postgresql" else ""
    for name, columns in ARTICLE_INDEXES.items():
        schema_editor.execute(f"CREATE INDEX {name} ON statements_article {columns.format(nulls=nulls)}")
    schema_editor.execute(TITLE_INDEX)


def backwards(apps, schema_editor):
    for name in [*ARTICLE_INDEXES, "official_title_agency_official_idx"]:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("statements", "0007_quote_date_and_scale_indexes")]

    operations = [migrations.RunPython(forwards, backwards)]
