"""Full-text search: GIN indexes on PostgreSQL, FTS5 tables kept in sync by triggers on SQLite.

Neither is part of the model state (one index type per database), so this migration works through
`schema_editor` directly. The PostgreSQL indexes are built from the very expressions the searches use
(statements.search.QUOTE_VECTOR and ARTICLE_VECTOR), so the planner can use them.
"""

from django.contrib.postgres.indexes import GinIndex
from django.db import migrations

from statements import search

POSTGRES_INDEXES = {
    "Quote": GinIndex(search.QUOTE_VECTOR, name="quote_search_idx"),
    "Article": GinIndex(search.ARTICLE_VECTOR, name="article_search_idx"),
}


def create_search(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        for model_name, index in POSTGRES_INDEXES.items():
            schema_editor.add_index(apps.get_model("statements", model_name), index)
    elif vendor == "sqlite":
        for table in search.FTS_TABLES:
            for statement in search.sqlite_fts_statements(table):
                schema_editor.execute(statement)


def drop_search(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        for model_name, index in POSTGRES_INDEXES.items():
            schema_editor.remove_index(apps.get_model("statements", model_name), index)
    elif vendor == "sqlite":
        for table in search.FTS_TABLES:
            for statement in search.sqlite_fts_drop_statements(table):
                schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("statements", "0003_article_officials_agencies")]

    operations = [migrations.RunPython(create_search, drop_search)]
