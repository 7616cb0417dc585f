"""Thin views over statements.exports: a list's CSV and JSON twins, and the admin's exports."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.views import View

from statements import exports


class ListExportView(View):
    """`/quotes.csv?year=2020` and `/quotes.json?year=2020`: every row of the list page, streamed."""

    exported = None  # an exports.ExportedList
    fmt = "csv"

    def get(self, request):
        return exports.list_export(self.exported, request, self.fmt)


@admin.action(description="Export the selected rows as CSV")
def export_selected_as_csv(modeladmin, request, queryset):
    return exports.export_response(
        exports.TABLES[queryset.model],
        queryset,
        request,
        fmt="csv",
        applied_filters={},
        named_filters={"selected": len(request.POST.getlist(admin.helpers.ACTION_CHECKBOX_NAME))},
    )


class ExportAdminMixin:
    """A ModelAdmin's changelist, as currently filtered, searched and sorted, exported as CSV from a link
    beside "Add", and the selected rows from an action: both through the lists' writer."""

    change_list_template = "admin/statements/change_list_with_export.html"

    def get_actions(self, request):
        actions = super().get_actions(request)
        if self.has_view_permission(request):
            actions["export_selected_as_csv"] = self.get_action(export_selected_as_csv)
        return actions

    def get_urls(self):
        name = f"{self.opts.app_label}_{self.opts.model_name}_export_csv"
        export = path("export.csv", self.admin_site.admin_view(self.changelist_export_view), name=name)
        return [export, *super().get_urls()]

    def changelist_export_view(self, request):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        changelist = self.get_changelist_instance(request)
        return exports.export_response(
            exports.TABLES[self.model],
            changelist.get_queryset(request),
            request,
            fmt="csv",
            applied_filters={},
            named_filters=dict(changelist.params),
        )

    def changelist_view(self, request, extra_context=None):
        name = f"admin:{self.opts.app_label}_{self.opts.model_name}_export_csv"
        extra_context = {**(extra_context or {}), "export_csv_url": reverse(name)}
        return super().changelist_view(request, extra_context)
