"""Agency pages' stored summaries (statements.summaries) and the epoch that orders their storing and
forgetting. A cache, not records: plain tables rather than models, so that dumpdata, fixtures and
history never see them. Both databases."""

from django.db import migrations

CREATE = [
    "CREATE TABLE statements_agencysummary (agency_id bigint PRIMARY KEY, summary text NOT NULL)",
    "CREATE TABLE statements_summarystate (id integer PRIMARY KEY, epoch bigint NOT NULL)",
    "INSERT INTO statements_summarystate (id, epoch) VALUES (1, 0)",
]
DROP = ["DROP TABLE statements_summarystate", "DROP TABLE statements_agencysummary"]


class Migration(migrations.Migration):
    dependencies = [("statements", "0009_quote_export_lines")]

    operations = [migrations.RunSQL(CREATE, DROP)]
