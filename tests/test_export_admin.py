"""The admin exports its changelist as filtered, and the selected rows, through the lists' writer."""

import csv
import io

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME

from statements import exports
from statements.models import Article, Quote

pytestmark = pytest.mark.usefixtures("seed_archive")


def rows(response):
    assert response.status_code == 200
    assert response.streaming
    text = b"".join(response.streaming_content).decode()
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_changelist_links_its_export_with_its_filters(admin_client):
    html = admin_client.get("/admin/statements/quote/?fragment__exact=1").content.decode()
    count = Quote.objects.filter(fragment=True).count()
    assert 'href="/admin/statements/quote/export.csv?fragment__exact=1"' in html
    assert f"Export these {count} as CSV" in html
    html = admin_client.get("/admin/statements/article/").content.decode()
    assert "Ingest a document" in html  # an admin's own changelist template is kept
    assert 'href="/admin/statements/article/export.csv?"' in html


def test_changelist_export_holds_the_filtered_changelist_rows(admin_client):
    exported = rows(admin_client.get("/admin/statements/quote/export.csv?fragment__exact=1"))
    assert list(exported[0]) == [column.name for column in exports.QuoteTable.columns]
    assert {int(row["id"]) for row in exported} == set(
        Quote.objects.filter(fragment=True).values_list("pk", flat=True)
    )
    assert len(rows(admin_client.get("/admin/statements/article/export.csv"))) == Article.objects.count()


def test_action_exports_the_selected_rows(admin_client):
    selected = list(Quote.objects.order_by("pk").values_list("pk", flat=True)[:3])
    response = admin_client.post(
        "/admin/statements/quote/",
        {"action": "export_selected_as_csv", ACTION_CHECKBOX_NAME: selected},
    )
    assert sorted(int(row["id"]) for row in rows(response)) == selected
    assert "quotes_selected-3_" in response["Content-Disposition"]


def test_export_needs_admin_access(client):
    response = client.get("/admin/statements/quote/export.csv")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
