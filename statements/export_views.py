"""Thin views over statements.exports: a list's CSV and JSON twins, and the admin's exports."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.loader import select_template
from django.template.response import TemplateResponse
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
    """For a ModelAdmin whose model has an export table: an "Export these N as CSV" link beside the
    changelist's tools, exporting the changelist as currently filtered, searched and sorted, and an action
    exporting the selected rows; both through the lists' writer. The link is added around whatever
    changelist template the admin uses (`{% extends %}` of it), so admins with their own keep theirs."""

    def exportable(self, request):
        return self.model in exports.TABLES and self.has_view_or_change_permission(request)

    def get_actions(self, request):
        actions = super().get_actions(request)
        if self.exportable(request):
            actions["export_selected_as_csv"] = self.get_action(export_selected_as_csv)
        return actions

    def get_urls(self):
        if self.model not in exports.TABLES:
            return super().get_urls()
        name = f"{self.opts.app_label}_{self.opts.model_name}_export_csv"
        export = path("export.csv", self.admin_site.admin_view(self.changelist_export_view), name=name)
        return [export, *super().get_urls()]

    def changelist_export_view(self, request):
        if not self.exportable(request):
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
        response = super().changelist_view(request, extra_context)
        if isinstance(response, TemplateResponse) and self.exportable(request):
            name = f"admin:{self.opts.app_label}_{self.opts.model_name}_export_csv"
            response.context_data["export_csv_url"] = reverse(name)
            names = response.template_name
            response.context_data["change_list_base"] = select_template(
                [names] if isinstance(names, str) else names
            )
            response.template_name = "admin/statements/change_list_with_export.html"
        return response
