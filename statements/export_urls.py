"""CSV and JSON twins of every list: `/quotes.csv`, `/quotes.json`, ... named after the list page
(`exports:quote-list-csv` is the twin of `statements:quote-list`)."""

from django.urls import path

from statements import exports
from statements.export_views import ListExportView

app_name = "exports"

urlpatterns = [
    path(
        f"{exported.table.name}.{fmt}",
        ListExportView.as_view(exported=exported, fmt=fmt),
        name=f"{exported.page}-{fmt}",
    )
    for exported in exports.EXPORTED_LISTS
    for fmt in exports.FORMATS
]
