"""PostgreSQL: the quote CSV's lines, precomputed per quote (statements.export_lines), and the watermark
of the titles and writes they account for. A cache, not records: plain tables rather than models, so that
dumpdata, fixtures and history never see them. SQLite's export does not use them: nothing is created."""

from django.db import migrations

CREATE = [
    "CREATE TABLE statements_quoteexportline (quote_id bigint PRIMARY KEY, cells text NOT NULL)",
    "CREATE TABLE statements_exportlinestate ("
    " id integer PRIMARY KEY, titles_seen bigint NOT NULL, changes_seen bigint NOT NULL)",
    # Counts writes that may leave quotes without a line (nextval: no lock, no transaction), so that an
    # export finds out in one read whether there is anything to fill.
    "CREATE SEQUENCE statements_exportline_changes",
]
DROP = [
    "DROP SEQUENCE statements_exportline_changes",
    "DROP TABLE statements_exportlinestate",
    "DROP TABLE statements_quoteexportline",
]


def run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("statements", "0008_article_date_sort_indexes")]

    operations = [migrations.RunPython(run(CREATE), run(DROP))]
