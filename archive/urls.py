from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    # Exports (/quotes.csv, /quotes.json, ...) are the lists' twins; they live beside the pages.
    path("", include("statements.export_urls")),
    path("", include("statements.urls")),
]
