"""What a reader can ask of each list, in the query string: one FilterSet per list.

`filtered_quotes(request.GET)` and `filtered_articles(request.GET)` return the FilterSet and the sorted
queryset: the single source of a list page, of its facet counts and of its exports.
Filters call the queryset read API (statements.querysets); they combine with AND.
"""

from dataclasses import dataclass, field

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.http import QueryDict

from statements.models import Agency, Article, Country, Official, Outlet, Quote
from statements.querysets import cached, cached_together, count_together, record_ids

MAX_PER_PAGE = 100
# Searches matching more records than this are listed newest first unless relevance is asked for.
RANKED_MATCHES_LIMIT = 10_000
DEFAULT_PER_PAGE = 25
FACET_LIMIT = 8
MAX_QUERY_LENGTH = 200
MAX_VALUES = 20


class KeysField(forms.Field):
    """A repeatable parameter (`?country=RU&country=IR`) whose values must name existing records."""

    widget = forms.MultipleHiddenInput

    def __init__(self, *, model, key, label_plural, normalize=str.lower, **kwargs):
        self.model, self.key, self.label_plural, self.normalize = model, key, label_plural, normalize
        super().__init__(**kwargs)

    def to_python(self, value):
        if not value:
            return []
        values = [value] if isinstance(value, str) else list(value)
        keys = list(dict.fromkeys(self.normalize(v.strip()) for v in values if v.strip()))
        if len(keys) > MAX_VALUES:
            raise ValidationError(f"At most {MAX_VALUES} {self.label_plural} at once.")
        return keys

    def validate(self, value):
        super().validate(value)
        if not value:
            return
        known = record_ids(self.model, self.key, value)
        unknown = [key for key in value if key not in known]
        if unknown:
            raise ValidationError(f"Unknown {self.label_plural}: {', '.join(unknown)}.")


class KeysFilter(django_filters.Filter):
    field_class = KeysField


class IntegerFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField


def year_filter(label, method):
    return IntegerFilter(label=label, method=method, min_value=1900, max_value=2100)


@dataclass
class FacetValue:
    label: str
    count: int
    selected: bool
    query: str  # the query string that adds or removes this value


@dataclass
class Facet:
    name: str
    title: str
    values: list = field(default_factory=list)
    more_query: str = ""  # the query string that shows every value, when some are cut


class ArchiveFilterSet(django_filters.FilterSet):
    """Shared by the lists: sorting, page size, errors said in words, facets under the other filters."""

    SORTS = {}
    # facet name -> (title, queryset method, parameter it sets, whether the parameter repeats)
    FACETS = {}
    # parameters that are not filters: read by the view or by sorted()
    CONTROLS = ("sort", "per_page")

    per_page = IntegerFilter(label="Per page", method="_control", min_value=1, max_value=MAX_PER_PAGE)

    def __init__(self, data=None, *args, **kwargs):
        data = data if data is not None else QueryDict()
        super().__init__(data, *args, **kwargs)
        self.params = data

    def _control(self, queryset, name, value):
        return queryset

    @property
    def cleaned(self):
        return self.form.cleaned_data if self.is_valid() else {}

    def error_messages(self):
        """One line per invalid parameter, naming it as the reader wrote it in the address."""
        return [f"{name}: {' '.join(messages)}" for name, messages in self.errors.items()]

    def filter_queryset(self, queryset, skip=()):
        for name, value in self.form.cleaned_data.items():
            if name in skip or name in self.CONTROLS or value in (None, "", []):
                continue
            queryset = self.filters[name].filter(queryset, value)
        return queryset

    @property
    def qs(self):
        """The filtered records in the requested order; nothing at all when a parameter is invalid."""
        if not hasattr(self, "_qs"):
            if not self.is_valid():
                self._qs = self.queryset.none()
            else:
                self._qs = self.filter_queryset(self.queryset.all()).sorted_by(self.sort_key())
        return self._qs

    def applied(self, skip=()):
        """The active filters and their values, in a stable order: what the records depend on (not the sort
        or the page size), as a cache key."""
        return tuple(
            (name, tuple(value) if isinstance(value, list) else value)
            for name, value in sorted(self.cleaned.items())
            if name not in skip
            and (name not in self.CONTROLS or name == "country_mode")
            and value not in (None, "", [])
        )

    def count(self):
        """How many records the filters select; cached for the archive's current version."""
        if not self.is_valid():
            return 0
        return cached(
            (type(self).__name__, "count", self.applied()),
            lambda: self.filter_queryset(self.queryset.all()).count(),
        )

    def sort_key(self):
        """The sort asked for; by default the newest first, or when searching the best matches first,
        unless the search matches too many records to rank (`too_many_to_rank`)."""
        searching = bool(self.cleaned.get("q"))
        sort = self.cleaned.get("sort")
        if sort and (sort != "relevance" or searching):
            return sort
        return "relevance" if searching and not self.too_many_to_rank() else "-date"

    def too_many_to_rank(self):
        """A search with no sort asked for that matches more than RANKED_MATCHES_LIMIT records: ranking
        reads every match (153,000 quotes for "ballots" in a million: half a second), while the newest come
        from the date index at once. The page says so and offers the ranking by name."""
        return (
            bool(self.cleaned.get("q"))
            and not self.cleaned.get("sort")
            and self.count() > RANKED_MATCHES_LIMIT
        )

    @property
    def per_page_value(self):
        return self.cleaned.get("per_page") or DEFAULT_PER_PAGE

    @property
    def searching(self):
        return self.cleaned.get("q") or ""

    # Facets
    def facets(self, show_all=(), omit=(), rows=None):
        """Each facet's values, counted under every active filter but the facet's own (so a reader sees
        what choosing another value would give), most frequent first, cut to FACET_LIMIT unless named in
        `show_all`; none for the parameters in `omit`. `rows`: the counts of `facet_rows` when the caller
        has them already (statements.summaries)."""
        if not self.is_valid():
            return []
        rows = self.facet_rows(show_all, omit) if rows is None else rows
        facets = []
        for name, (title, _, param, repeats) in self._chosen(omit).items():
            limit = None if name in show_all else FACET_LIMIT
            facet = Facet(name=name, title=title)
            selected = self._selected(param)
            counted = rows[name]
            for row in counted if limit is None else counted[:limit]:
                key = str(row["key"])
                facet.values.append(
                    FacetValue(
                        label=str(row["label"]),
                        count=row["count"],
                        selected=key in selected,
                        query=self._toggled(param, key, repeats),
                    )
                )
            if limit is not None and len(counted) > limit:
                facet.more_query = self._with(more=name)
            facets.append(facet)
        return facets

    def _chosen(self, omit):
        return {name: facet for name, facet in self.FACETS.items() if facet[2] not in omit}

    def facet_rows(self, show_all=(), omit=()):
        """{facet name: [{"key", "label", "count"}]}, the counts behind `facets` (one more row than shown,
        to know whether to offer "more"). One statement for all of them (a grouped query per facet, see
        `count_together`)."""
        chosen = self._chosen(omit)
        keys, plans = [], []
        for name, (_, counts, param, repeats) in chosen.items():
            skips = self._facet_skips(param, repeats)
            limit = None if name in show_all else FACET_LIMIT
            keys.append((type(self).__name__, name, self.applied(skip=skips), limit))
            plans.append((counts, skips, limit))

        def counting(counts, skips, limit):
            records = self.filter_queryset(self.queryset.all(), skip=skips)
            return records.counting(counts, limit=None if limit is None else limit + 1)

        # Each facet is cached for the archive's version; those not cached yet are counted together, in
        # one statement (their querysets built only then: building them costs more than a cached read).
        results = cached_together(
            keys, lambda missing: count_together([counting(*plans[i]) for i in missing])
        )
        return dict(zip(chosen, results, strict=True))

    def _facet_skips(self, param, repeats):
        # With country_mode=all, each added country narrows the list, so its counts are the current ones.
        if param == "country" and self.cleaned.get("country_mode") == "all":
            return ()
        return ("year", "year_from", "year_to") if param == "year" else (param,)

    def _selected(self, param):
        value = self.cleaned.get(param)
        if value in (None, "", []):
            return set()
        return {str(v) for v in value} if isinstance(value, list) else {str(value)}

    def _toggled(self, param, key, repeats):
        params = self.params.copy()
        params.pop("page", None)
        params.pop("more", None)
        current = [v.strip() for v in params.getlist(param)]
        normalize = str.upper if param == "country" else str.lower
        if key in {normalize(v) for v in current if v}:
            params.setlist(param, [v for v in current if normalize(v) != key])
        elif repeats:
            params.setlist(param, [*current, key])
        else:
            params[param] = key
            if param == "year":  # a year chosen from the facet replaces a range
                params.pop("year_from", None)
                params.pop("year_to", None)
        return params.urlencode()

    def _with(self, **changes):
        params = self.params.copy()
        params.pop("page", None)
        for key, value in changes.items():
            params[key] = value
        return params.urlencode()

    def active_filters(self):
        """(label, query string without it) for each active filter value, to show and remove them."""
        if not self.is_valid():
            return []
        active = []
        for name in self.filters:
            if name in self.CONTROLS or name == "country_mode":
                continue
            for value in self._selected(name):
                params = self.params.copy()
                params.pop("page", None)
                remaining = [v for v in params.getlist(name) if v.strip().lower() != value.lower()]
                params.setlist(name, remaining)
                active.append((f"{self.filters[name].label}: {value}", params.urlencode()))
        return active


def country_codes(**kwargs):
    return KeysFilter(
        model=Country,
        key="code",
        label_plural="country codes",
        normalize=str.upper,
        method="filter_country",
        **kwargs,
    )


def _mode_filter():
    return django_filters.ChoiceFilter(
        label="Several countries",
        choices=[("any", "any of them"), ("all", "all of them")],
        method="_control",
        empty_label=None,
    )


class QuoteFilterSet(ArchiveFilterSet):
    CONTROLS = ("sort", "per_page", "country_mode")
    SORTS = {
        "-date": "newest first",
        "date": "oldest first",
        "speaker": "speaker",
        "article": "article",
        "relevance": "relevance (when searching)",
    }
    FACETS = {
        "years": ("Years", "year_counts", "year", False),
        "countries": ("Countries mentioned", "country_counts", "country", True),
        "agencies": ("Agencies", "agency_counts", "agency", True),
        "officials": ("Officials", "official_counts", "official", True),
        "outlets": ("Outlets", "outlet_counts", "outlet", True),
    }

    q = django_filters.CharFilter(label="Words", method="filter_search", max_length=MAX_QUERY_LENGTH)
    year = year_filter("Year", "filter_year")
    year_from = year_filter("From year", "filter_year_from")
    year_to = year_filter("To year", "filter_year_to")
    country = country_codes(label="Country")
    country_mode = _mode_filter()
    agency = KeysFilter(
        label="Agency", model=Agency, key="slug", label_plural="agencies", method="filter_agency"
    )
    official = KeysFilter(
        label="Official", model=Official, key="slug", label_plural="officials", method="filter_official"
    )
    outlet = KeysFilter(
        label="Outlet", model=Outlet, key="slug", label_plural="outlets", method="filter_outlet"
    )
    fragment = django_filters.ChoiceFilter(
        label="Fragment",
        choices=[("yes", "fragments only"), ("no", "whole sentences only")],
        method="filter_fragment",
    )
    sort = django_filters.ChoiceFilter(label="Sort", choices=list(SORTS.items()), method="_control")

    class Meta:
        model = Quote
        fields = []

    def filter_search(self, queryset, name, value):
        return queryset.search(value)

    def filter_year(self, queryset, name, value):
        return queryset.in_year(value)

    def filter_year_from(self, queryset, name, value):
        return queryset.in_years(first=value)

    def filter_year_to(self, queryset, name, value):
        return queryset.in_years(last=value)

    def filter_country(self, queryset, name, value):
        if self.form.cleaned_data.get("country_mode") == "all":
            return queryset.mentioning_all(*value)
        return queryset.mentioning(*value)

    def filter_agency(self, queryset, name, value):
        return queryset.by_agencies(*value)

    def filter_official(self, queryset, name, value):
        return queryset.by_officials(*value)

    def filter_outlet(self, queryset, name, value):
        return queryset.in_outlets(*value)

    def filter_fragment(self, queryset, name, value):
        return queryset.fragments(value == "yes")


class ArticleFilterSet(ArchiveFilterSet):
    CONTROLS = ("sort", "per_page", "country_mode")
    SORTS = {
        "-date": "newest first",
        "date": "oldest first",
        "title": "title",
        "outlet": "outlet",
        "relevance": "relevance (when searching)",
    }
    FACETS = {
        "years": ("Years", "year_counts", "year", False),
        "countries": ("Countries mentioned", "country_counts", "country", True),
        "outlets": ("Outlets", "outlet_counts", "outlet", True),
    }

    q = django_filters.CharFilter(label="Words", method="filter_search", max_length=MAX_QUERY_LENGTH)
    year = year_filter("Year", "filter_year")
    year_from = year_filter("From year", "filter_year_from")
    year_to = year_filter("To year", "filter_year_to")
    country = country_codes(label="Country")
    country_mode = _mode_filter()
    outlet = KeysFilter(
        label="Outlet", model=Outlet, key="slug", label_plural="outlets", method="filter_outlet"
    )
    sort = django_filters.ChoiceFilter(label="Sort", choices=list(SORTS.items()), method="_control")

    class Meta:
        model = Article
        fields = []

    filter_search = QuoteFilterSet.filter_search
    filter_year = QuoteFilterSet.filter_year
    filter_year_from = QuoteFilterSet.filter_year_from
    filter_year_to = QuoteFilterSet.filter_year_to
    filter_country = QuoteFilterSet.filter_country
    filter_outlet = QuoteFilterSet.filter_outlet


def filtered_quotes(params):
    """(filterset, queryset) for the quotes that `params` (e.g. request.GET) ask for, sorted."""
    filterset = QuoteFilterSet(params, queryset=Quote.objects.all())
    return filterset, filterset.qs.for_list()


def filtered_articles(params):
    """(filterset, queryset) for the articles that `params` ask for, sorted."""
    filterset = ArticleFilterSet(params, queryset=Article.objects.all())
    return filterset, filterset.qs.for_list()
