"""PostgreSQL: each cached export line keeps its quote's place in the quote list's default order (the
article's date, newest first, then the article and the place in it), with an index in that order, so that
the export of the whole list reads the lines in order instead of looking each one up
(statements.copy_export). The lines cached before have no place: they are dropped, and the next export
fills them again (statements.export_lines.fill)."""

from django.db import migrations

CREATE = [
    "TRUNCATE statements_quoteexportline, statements_exportlinestate",
    "ALTER TABLE statements_quoteexportline"
    " ADD COLUMN published date, ADD COLUMN article_id bigint, ADD COLUMN start integer",
    "CREATE INDEX quoteexportline_list_order_idx ON statements_quoteexportline"
    " (published DESC NULLS LAST, article_id, start, quote_id)",
]
DROP = [
    "DROP INDEX quoteexportline_list_order_idx",
    "ALTER TABLE statements_quoteexportline DROP COLUMN published, DROP COLUMN article_id, DROP COLUMN start",
]


def run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("statements", "0010_agency_summaries")]

    operations = [migrations.RunPython(run(CREATE), run(DROP))]
