"""CSV and JSON twins of every list (filled in by the export work)."""

app_name = "exports"

urlpatterns = []
