"""The researchers' admin: every record editable with its history, quotes kept on their text.

- Every change made here is one historical row (fields and many-to-many values together), with the
  user and an optional reason; the History button of each record lists them and reverts to any.
- A quote's start and end are recomputed from its text (statements.forms.QuoteForm).
- Officials, agencies and countries that quotes refer to cannot be deleted; duplicates are merged
  (the "Merge" action, statements.services).
- New articles come in through "Ingest a document": the same pipeline as `manage.py ingest`, with an
  editable preview (ArticleAdmin.ingest_view).
"""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import Count
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.text import slugify
from simple_history.admin import SimpleHistoryAdmin
from simple_history.utils import get_history_model_for_model

from statements.export_views import ExportAdminMixin
from statements.forms import (
    ArchiveModelForm,
    ArticlePreviewForm,
    DocumentForm,
    QuoteForm,
    QuotePreviewFormSet,
    split_keys,
)
from statements.history import historical_m2m_values, history_of, recording
from statements.ingest import Document, IngestError, ingest_documents
from statements.models import (
    Agency,
    Article,
    ArticleCountry,
    Country,
    Official,
    OfficialTitle,
    Outlet,
    Quote,
)
from statements.services import MERGERS

RelatedOnly = admin.RelatedOnlyFieldListFilter


class ArchiveAdmin(ExportAdminMixin, SimpleHistoryAdmin):
    """History for every change, facet counts on every filter, a link to the public page on every row."""

    form = ArchiveModelForm
    show_facets = admin.ShowFacets.ALWAYS
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    @admin.display(description="public page")
    def on_site(self, obj):
        return format_html('<a href="{}">view on site</a>', obj.get_absolute_url())

    # --- one historical row per save, made when the whole change (fields, m2m, inlines) is saved -----
    def save_model(self, request, obj, form, change):
        obj.skip_history_when_saving = True
        obj._pending_history = ("~" if change else "+", form.cleaned_data.get("change_reason") or "")
        super().save_model(request, obj, form, change)

    def _record_pending_history(self, request, obj):
        pending = obj.__dict__.pop("_pending_history", None)
        if pending is None:
            return
        history_type, reason = pending
        obj.__dict__.pop("skip_history_when_saving", None)
        obj._history_user = request.user
        if reason:
            obj._change_reason = reason
        history_of(type(obj)).create_historical_record(obj, history_type)

    # Both the change form and the history's revert form log the change once everything is saved.
    def log_addition(self, request, obj, message):
        self._record_pending_history(request, obj)
        return super().log_addition(request, obj, message)

    def log_change(self, request, obj, message):
        self._record_pending_history(request, obj)
        return super().log_change(request, obj, message)

    def delete_model(self, request, obj):
        obj._history_user = request.user
        super().delete_model(request, obj)

    # --- reverting restores many-to-many values too -------------------------------------------------
    def history_form_view(self, request, object_id, version_id, extra_context=None):
        history_model = get_history_model_for_model(self.model)
        request.history_record = history_model.objects.filter(
            history_id=version_id, **{self.model._meta.pk.attname: unquote(object_id)}
        ).first()
        return super().history_form_view(request, object_id, version_id, extra_context)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        record = getattr(request, "history_record", None)
        if record is None:
            return form
        # django-simple-history's revert form shows the fields of the old version but the *current*
        # many-to-many values; give it the old version's, and a reason naming the version.
        initial = historical_m2m_values(record)
        initial["change_reason"] = f"revert to the version of {record.history_date:%Y-%m-%d %H:%M} UTC"

        class RevertForm(form):
            def __init__(self, *args, **kwargs):
                kwargs["initial"] = {**initial, **(kwargs.get("initial") or {})}
                super().__init__(*args, **kwargs)

        return RevertForm


class ProtectQuotesAdmin(ArchiveAdmin):
    """The delete confirmation lists the quotes that refer to the record as protected: no silent loss."""

    def get_deleted_objects(self, objs, request):
        deleted, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        pks = [obj.pk for obj in objs]
        field = {Official: "officials", Agency: "agencies", Country: "countries"}[self.model]
        quotes = Quote.objects.filter(**{f"{field}__in": pks}).select_related("article").distinct()
        protected = list(protected) + [
            format_html(
                'Quote: <a href="{}">{}</a> (in {})',
                reverse("admin:statements_quote_change", args=[quote.pk]),
                str(quote),
                quote.article,
            )
            for quote in quotes
        ]
        return deleted, model_count, perms_needed, protected


class MergeAdmin(ProtectQuotesAdmin):
    """An action that merges the selected records into the one the researcher keeps."""

    actions = ["merge_selected"]

    @admin.action(description="Merge the selected %(verbose_name_plural)s into one", permissions=["change"])
    def merge_selected(self, request, queryset):
        records = list(queryset)  # annotated with quote_count by the subclasses' get_queryset
        if len(records) < 2:
            self.message_user(request, "Select at least two records to merge.", messages.WARNING)
            return None
        if request.POST.get("post") == "yes":
            keep = next((r for r in records if str(r.pk) == request.POST.get("keep")), None)
            if keep is None:
                self.message_user(request, "Choose the record to keep.", messages.ERROR)
            else:
                others = [r for r in records if r.pk != keep.pk]
                MERGERS[self.model](keep, others, user=request.user)
                self.message_user(
                    request,
                    f"Merged {', '.join(map(str, others))} into {keep}. Each change is in the history.",
                    messages.SUCCESS,
                )
                return None
        opts = self.model._meta
        context = {
            **self.admin_site.each_context(request),
            "title": f"Merge {opts.verbose_name_plural}",
            "opts": opts,
            "records": records,
            "action": "merge_selected",
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            "media": self.media,
        }
        return TemplateResponse(request, "admin/statements/merge.html", context)


# ----------------------------------------------------------------------------------------------- models
@admin.register(Country)
class CountryAdmin(ProtectQuotesAdmin):
    list_display = ["name", "code", "quote_count", "on_site"]
    search_fields = ["code", "name"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(quote_count=Count("quotes", distinct=True))

    @admin.display(description="quotes", ordering="quote_count")
    def quote_count(self, obj):
        return obj.quote_count


@admin.register(Agency)
class AgencyAdmin(MergeAdmin):
    list_display = ["name", "acronym", "kind", "country", "quote_count", "on_site"]
    list_filter = ["kind", ("country", RelatedOnly), "articles__year"]
    list_select_related = ["country"]
    search_fields = ["name", "acronym", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["country"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(quote_count=Count("quotes", distinct=True))

    @admin.display(description="quotes", ordering="quote_count")
    def quote_count(self, obj):
        return obj.quote_count


class OfficialTitleInline(admin.TabularInline):
    model = OfficialTitle
    extra = 0
    autocomplete_fields = ["agency", "article"]


@admin.register(Official)
class OfficialAdmin(MergeAdmin):
    list_display = ["name", "slug", "quote_count", "on_site"]
    list_filter = [("titles__agency", RelatedOnly), "titles__agency__kind", "articles__year"]
    search_fields = ["name", "slug", "titles__title"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [OfficialTitleInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(quote_count=Count("quotes", distinct=True))

    @admin.display(description="quotes", ordering="quote_count")
    def quote_count(self, obj):
        return obj.quote_count


@admin.register(Outlet)
class OutletAdmin(ArchiveAdmin):
    list_display = ["name", "domain", "article_count", "on_site"]
    list_filter = ["articles__year"]
    search_fields = ["name", "domain", "slug"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_count=Count("articles", distinct=True))

    @admin.display(description="articles", ordering="article_count")
    def article_count(self, obj):
        return obj.article_count


class QuoteInlineForm(QuoteForm):
    change_reason = None


class QuoteInline(admin.TabularInline):
    model = Quote
    form = QuoteInlineForm
    fields = ["text", "speaker", "fragment", "start", "end"]
    readonly_fields = ["start", "end"]
    extra = 0
    show_change_link = True


class ArticleCountryInline(admin.TabularInline):
    model = ArticleCountry
    extra = 0
    autocomplete_fields = ["country"]


@admin.register(Article)
class ArticleAdmin(ArchiveAdmin):
    list_display = ["__str__", "outlet", "published", "published_precision", "quote_count", "on_site"]
    list_filter = [
        "year",
        ("outlet", RelatedOnly),
        ("countries", RelatedOnly),
        ("agencies", RelatedOnly),
        "agencies__kind",
        "published_precision",
    ]
    list_select_related = ["outlet"]
    search_fields = ["title", "source_file", "url"]
    date_hierarchy = "published"
    autocomplete_fields = ["outlet", "officials", "agencies"]
    readonly_fields = ["source_file", "content_hash", "year", "body"]
    fieldsets = [
        (None, {"fields": ["title", "outlet", "outlet_note", "url", "change_reason"]}),
        ("Date", {"fields": ["published", "published_precision", "published_note", "year"]}),
        ("Who it names", {"fields": ["officials", "agencies", "years_mentioned"]}),
        (
            "The document (as received; quotes index into it, so it is not editable)",
            {"fields": ["source_file", "content_hash", "body_start", "boilerplate", "body"]},
        ),
    ]
    inlines = [QuoteInline, ArticleCountryInline]
    change_list_template = "admin/statements/article/change_list.html"

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(quote_count=Count("quotes", distinct=True))

    @admin.display(description="quotes", ordering="quote_count")
    def quote_count(self, obj):
        return obj.quote_count

    # --- new documents come in through the ingest preview ------------------------------------------
    def get_urls(self):
        view = self.admin_site.admin_view(self.ingest_view)
        return [path("ingest/", view, name="statements_article_ingest"), *super().get_urls()]

    def add_view(self, request, form_url="", extra_context=None):
        return HttpResponseRedirect(reverse("admin:statements_article_ingest"))

    def ingest_view(self, request):
        """Paste or upload a document, see what the pipeline extracts, correct it, save it."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "title": "Ingest a document",
            "opts": self.model._meta,
            "media": self.media,
        }
        stage = request.POST.get("stage") if request.method == "POST" else None
        if stage == "save":
            try:
                document = Document(**signing.loads(request.POST.get("document", ""), salt=INGEST_SALT))
            except (signing.BadSignature, TypeError):
                messages.error(request, "The preview expired or was altered; start again.")
                return HttpResponseRedirect(request.path)
            article_form = ArticlePreviewForm(request.POST, prefix="article")
            quote_forms = QuotePreviewFormSet(request.POST, prefix="quotes")
            if article_form.is_valid() and quote_forms.is_valid():
                try:
                    article = self.ingest_with_corrections(
                        request, document, article_form.cleaned_data, quote_forms.cleaned_data
                    )
                except (IngestError, ValidationError) as error:
                    messages.error(request, "; ".join(getattr(error, "messages", [str(error)])))
                else:
                    self.log_addition(request, article, "Ingested from the admin.")
                    messages.success(request, f"“{article}” is in the archive.")
                    return HttpResponseRedirect(reverse("admin:statements_article_change", args=[article.pk]))
            preview = self.preview(document)
            context.update(preview=preview, article_form=article_form, quote_forms=quote_forms)
            context["quote_rows"] = list(zip(preview["quotes"], quote_forms, strict=False))
        elif stage == "preview":
            form = DocumentForm(request.POST, request.FILES)
            if form.is_valid():
                document = form.cleaned_data["document"]
                try:
                    preview = self.preview(document)
                except (IngestError, ValidationError) as error:
                    form.add_error(None, "; ".join(getattr(error, "messages", [str(error)])))
                else:
                    article_form = ArticlePreviewForm(initial=preview["article"], prefix="article")
                    quote_forms = QuotePreviewFormSet(initial=preview["quote_initial"], prefix="quotes")
                    context.update(preview=preview, article_form=article_form, quote_forms=quote_forms)
                    context["quote_rows"] = list(zip(preview["quotes"], quote_forms, strict=True))
            context["form"] = form
        else:
            context["form"] = DocumentForm()
        if "preview" in context:
            context["document_token"] = signing.dumps(
                {"name": document.name, "text": document.text, "digest": document.digest},
                salt=INGEST_SALT,
                compress=True,
            )
        return TemplateResponse(request, "admin/statements/article/ingest.html", context)

    def preview(self, document):
        """What `ingest` would store for `document`, read back from a transaction that is rolled back."""
        with transaction.atomic():
            result = ingest_documents([document])
            preview = describe_ingested(document, result)
            transaction.set_rollback(True)
        return preview

    def ingest_with_corrections(self, request, document, article_data, quotes_data):
        """Ingest `document` as `manage.py ingest` does, then apply the preview's corrections, atomically."""
        reason = "ingest from the admin"
        correction = "corrected in the ingest preview"
        with transaction.atomic():
            result = ingest_documents([document], reason=reason, user=request.user)
            if document.name in result.unchanged:
                raise IngestError(f"{document.name}: this text is already in the archive")
            article = Article.objects.select_related("outlet").get(source_file=document.name)
            outlet = outlet_named(article_data["outlet"], request.user)
            published = article_data["published"]
            changes = {
                "title": article_data["title"],
                "outlet": outlet,
                "published": published,
                "published_precision": article_data["published_precision"] if published else "",
                "url": article_data["url"],
            }
            if any(getattr(article, name) != value for name, value in changes.items()):
                with recording(article, reason=correction, user=request.user):
                    for name, value in changes.items():
                        setattr(article, name, value)
                    article.save()
            quotes = {quote.start: quote for quote in article.quotes.all()}
            for data in quotes_data:
                quote = quotes.get(data["start"])
                if quote is None:
                    raise ValidationError(f"No quote at offset {data['start']} any more: preview again.")
                if data["drop"]:
                    quote._history_user, quote._change_reason = request.user, correction
                    quote.delete()
                    continue
                apply_quote_correction(quote, data, correction, request.user)
        return article


INGEST_SALT = "statements.admin.ingest"


def outlet_named(name, user):
    """The outlet of that name; a new one (recorded in the history) when the archive has none."""
    name = (name or "").strip()
    if not name:
        return None
    outlet = Outlet.objects.filter(name__iexact=name).first()
    if outlet is None:
        base = slugify(name) or "outlet"
        slug, n = base, 2
        while Outlet.objects.filter(slug=slug).exists():
            slug, n = f"{base}-{n}", n + 1
        outlet = Outlet(name=name, slug=slug)
        outlet._history_user, outlet._change_reason = user, "new outlet named in the ingest preview"
        outlet.save()
    return outlet


def apply_quote_correction(quote, data, reason, user):
    wanted = {
        "officials": (Official, "slug", split_keys(data["officials"])),
        "agencies": (Agency, "slug", split_keys(data["agencies"])),
        "countries": (Country, "code", [code.upper() for code in split_keys(data["countries"])]),
    }
    resolved = {}
    for field, (model, key, values) in wanted.items():
        found = {getattr(r, key): r for r in model.objects.filter(**{f"{key}__in": values})}
        missing = [value for value in values if value not in found]
        if missing:
            raise ValidationError(
                f"Quote at {quote.start}: unknown {model._meta.verbose_name_plural} {', '.join(missing)}"
            )
        resolved[field] = [found[value] for value in values]
    current = {field: set(getattr(quote, field).all()) for field in resolved}
    if quote.speaker == data["speaker"] and all(current[f] == set(v) for f, v in resolved.items()):
        return
    with recording(quote, reason=reason, user=user):
        quote.speaker = data["speaker"]
        quote.save()
        for field, values in resolved.items():
            getattr(quote, field).set(values)


def describe_ingested(document, result):
    """Plain data about what the ingest stored for `document` (read before the rollback)."""
    if document.name in result.unchanged:
        existing = Article.objects.filter(content_hash=document.digest).first()
        raise IngestError(
            f"{document.name}: this text is already in the archive"
            + (f" as “{existing}” ({existing.source_file})" if existing else "")
        )
    article = Article.objects.select_related("outlet").get(source_file=document.name)
    quotes = list(article.quotes.prefetch_related("officials", "agencies", "countries").order_by("start"))
    return {
        "name": document.name,
        "status": "updated" if document.name in result.updated else "created",
        "summary": result.summary(),
        "new_officials": result.new_officials,
        "new_agencies": result.new_agencies,
        "new_outlets": result.new_outlets,
        "article": {
            "title": article.title,
            "outlet": article.outlet.name if article.outlet else "",
            "published": article.published,
            "published_precision": article.published_precision,
            "url": article.url,
        },
        "countries": [
            (mention.country.code, mention.country.name, mention.mentions)
            for mention in article.country_mentions.select_related("country")
        ],
        "officials": [
            (title.official.slug, title.official.name, title.title, str(title.agency or ""))
            for title in article.official_titles.select_related("official", "agency")
        ],
        "people": [(o.slug, o.name) for o in article.officials.all()],
        "agencies": [(a.slug, str(a)) for a in article.agencies.all()],
        "quotes": [{"start": q.start, "end": q.end, "text": q.text, "fragment": q.fragment} for q in quotes],
        "quote_initial": [
            {
                "start": q.start,
                "speaker": q.speaker,
                "officials": ", ".join(o.slug for o in q.officials.all()),
                "agencies": ", ".join(a.slug for a in q.agencies.all()),
                "countries": ", ".join(c.code for c in q.countries.all()),
            }
            for q in quotes
        ],
        "text": document.text,
    }


@admin.register(Quote)
class QuoteAdmin(ArchiveAdmin):
    form = QuoteForm
    list_display = ["__str__", "speaker", "speakers", "article", "article_outlet", "fragment", "on_site"]
    list_filter = [
        "article__year",
        ("countries", RelatedOnly),
        ("agencies", RelatedOnly),
        "agencies__kind",
        ("article__outlet", RelatedOnly),
        "fragment",
    ]
    list_select_related = ["article", "article__outlet"]
    search_fields = ["text", "speaker", "officials__name", "article__title", "article__source_file"]
    autocomplete_fields = ["article", "officials", "agencies", "countries"]
    readonly_fields = ["start", "end", "in_context"]
    fields = [
        "article",
        "text",
        "in_context",
        ("start", "end"),
        "speaker",
        "officials",
        "agencies",
        "countries",
        "fragment",
        "change_reason",
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("officials")

    @admin.display(description="officials")
    def speakers(self, obj):
        return ", ".join(str(official) for official in obj.officials.all())

    @admin.display(description="outlet", ordering="article__outlet__name")
    def article_outlet(self, obj):
        return obj.article.outlet

    @admin.display(description="in its article")
    def in_context(self, obj):
        if obj.pk is None:
            return "—"
        body = obj.article.body
        before, after = max(0, obj.start - 300), min(len(body), obj.end + 300)
        return format_html(
            '<div class="quote-context">…{}<mark>{}</mark>{}…</div>',
            body[before : obj.start],
            body[obj.start : obj.end],
            body[obj.end : after],
        )


@admin.register(OfficialTitle)
class OfficialTitleAdmin(ArchiveAdmin):
    list_display = ["official", "title", "agency", "article", "on_site"]
    list_filter = [
        ("agency", RelatedOnly),
        "agency__kind",
        "article__year",
        ("article__outlet", RelatedOnly),
    ]
    list_select_related = ["official", "agency", "article"]
    search_fields = ["official__name", "title"]
    autocomplete_fields = ["official", "agency", "article"]


@admin.register(ArticleCountry)
class ArticleCountryAdmin(ArchiveAdmin):
    list_display = ["article", "country", "mentions", "on_site"]
    list_filter = [("country", RelatedOnly), "article__year", ("article__outlet", RelatedOnly)]
    list_select_related = ["article", "country"]
    search_fields = ["article__title", "article__source_file", "country__name", "country__code"]
    autocomplete_fields = ["article", "country"]
