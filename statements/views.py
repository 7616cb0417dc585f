"""Thin views over the read API: FilterSets (statements.filters) and querysets (statements.querysets)."""

from datetime import date

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Count, Exists, Min, OuterRef, Q
from django.http import Http404, QueryDict
from django.template.loader import render_to_string
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from django.views.generic import DetailView, ListView, TemplateView

from statements import charts, filters, search, summaries
from statements.models import Agency, Article, Country, Official, OfficialTitle, Outlet, Quote
from statements.querysets import cached, counts_together, remember_ids, titles_at_the_time, with_counts
from statements.templatetags.archive import quote_item

LATEST_QUOTES = 6
LATEST_ARTICLES = 5
DETAIL_QUOTES = 10
DETAIL_ARTICLES = 10
# As many as the agency, outlet and country pages show: rendering a quote card costs about a millisecond,
# which at 25 a page was half of the page's time. The list (?official=) shows them 25 a page, filtered.
OFFICIAL_QUOTES_PER_PAGE = DETAIL_QUOTES


class CountedPaginator(Paginator):
    """A Paginator told its count (the FilterSet's cached one) instead of running COUNT(*) itself."""

    def __init__(self, object_list, per_page, *, count, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self._known_count = count

    @cached_property
    def count(self):
        return self._known_count


def params(**values):
    """A query string's parameters, as a FilterSet reads them from request.GET."""
    query = QueryDict(mutable=True)
    for key, value in values.items():
        query[key] = str(value)
    return query


class HomeView(TemplateView):
    template_name = "statements/home.html"

    def get_context_data(self, **kwargs):
        # The same for every reader and costly over the whole archive: cached until the archive changes.
        return super().get_context_data(**cached(("home",), self.summary), **kwargs)

    @staticmethod
    def summary():
        quotes = Quote.objects.all()
        said = Quote.officials.through.objects.filter(official=OuterRef("pk"))
        return {
            "counts": counts_together(
                quotes=quotes,
                articles=Article.objects.all(),
                officials=Official.objects.filter(Exists(said)),
                outlets=Outlet.objects.all(),
            ),
            "latest_quotes": list(quotes.latest(LATEST_QUOTES)),
            "latest_articles": list(Article.objects.for_list().sorted_by("-date")[:LATEST_ARTICLES]),
            "timeline": charts.quotes_per_year_by_country(list(quotes.per_year_and_country())),
        }


class FilteredListView(ListView):
    """A list whose records, facets and sort come from one FilterSet; bad parameters answer 400."""

    filtered = None  # filters.filtered_quotes or filters.filtered_articles
    # Parameters the page's form has inputs for; the others are carried along in hidden inputs.
    form_params = ("q", "year_from", "year_to", "fragment", "country_mode", "page", "more")

    def get_queryset(self):
        self.filterset, queryset = type(self).filtered(self.request.GET)
        return queryset

    def get_paginate_by(self, queryset):
        return self.filterset.per_page_value

    def get_paginator(self, queryset, per_page, orphans=0, allow_empty_first_page=True, **kwargs):
        return CountedPaginator(
            queryset,
            per_page,
            count=self.filterset.count(),
            orphans=orphans,
            allow_empty_first_page=allow_empty_first_page,
            **kwargs,
        )

    def paginate_queryset(self, queryset, page_size):
        """As ListView does, but a page that does not exist is said in words (400), not a bare 404."""
        paginator = self.get_paginator(queryset, page_size)
        self.page_error = None
        try:
            page = paginator.page(self.request.GET.get("page") or 1)
        except PageNotAnInteger:
            self.page_error = "page: Enter a whole number."
        except EmptyPage:
            self.page_error = f"page: There is no such page; the last page is {paginator.num_pages}."
        if self.page_error:
            return paginator, None, queryset.none(), False
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        errors = self.filterset.error_messages()
        if self.page_error:
            errors.append(self.page_error)
        context.update(
            filterset=self.filterset,
            errors=errors,
            facets=self.filterset.facets(show_all=self.request.GET.getlist("more")),
            active_filters=self.filterset.active_filters(),
            sorts={
                key: label
                for key, label in self.filterset.SORTS.items()
                if key != "relevance" or self.filterset.searching
            },
            sort=self.filterset.sort_key(),
            searching=self.filterset.searching,
            carried_params=[
                (key, value)
                for key, values in self.request.GET.lists()
                if key not in self.form_params
                for value in values
            ],
        )
        return context

    def render_to_response(self, context, **kwargs):
        status = 400 if context["errors"] else 200
        return super().render_to_response(context, status=status, **kwargs)


class QuoteListView(FilteredListView):
    filtered = filters.filtered_quotes
    template_name = "statements/quote_list.html"


class ArticleListView(FilteredListView):
    filtered = filters.filtered_articles
    template_name = "statements/article_list.html"


class QuoteDetailView(DetailView):
    queryset = Quote.objects.for_detail()

    def get_context_data(self, **kwargs):
        quote = self.object
        article = quote.article
        titles = titles_at_the_time(quote.officials.all(), article)
        # Candidates from the search index (a few hundred at most), their words compared in Python; the
        # few that match are then read with their articles (not the candidates' article bodies).
        others = Quote.objects.exclude(article=article).values_list("pk", "text", named=True)  # not models
        candidates = search.same_words_candidates(quote, others)
        matching = [other.pk for other in search.carrying_same_words(quote, candidates)]
        listed = matching[: search.SAME_WORDS_SHOWN]
        shown = Quote.objects.select_related("article", "article__outlet").defer("article__body")
        shown = shown.in_bulk(listed)
        return super().get_context_data(
            speakers=[(official, titles.get(official.pk, [])) for official in quote.officials.all()],
            permalink=self.request.build_absolute_uri(quote.get_absolute_url()),
            same_words=[shown[pk] for pk in listed],
            same_words_found=len(matching),
            **kwargs,
        )


class ArticleDetailView(DetailView):
    queryset = Article.objects.for_detail()

    def get_context_data(self, **kwargs):
        article = self.object
        officials = {}
        for title in article.official_titles.all():
            officials.setdefault(title.official, []).append(title)
        # The agencies its titles name or its quotes are attributed to: two small id lists by index, not an
        # OR across two joins (which scans every agency's links).
        titled = OfficialTitle.objects.filter(article=article).values("agency_id")
        attributed = Quote.agencies.through.objects.filter(quote__article=article).values("agency_id")
        agencies = Agency.objects.filter(Q(pk__in=titled) | Q(pk__in=attributed))
        return super().get_context_data(
            officials=sorted(officials.items(), key=lambda pair: pair[0].name),
            agencies=agencies.order_by("name"),
            **kwargs,
        )


def first_attestations(titles, *distinct):
    """One OfficialTitle per distinct value of `distinct` (e.g. title and agency): the first recorded.

    An official quoted in thousands of articles has a title row per article; the pages list each title
    once, with one article that gives it, from a grouped query instead of every row."""
    first = titles.order_by().values(*distinct).annotate(first=Min("pk")).values("first")
    titles = OfficialTitle.objects.filter(pk__in=first).select_related(
        "official", "agency", "article__outlet"
    )
    return titles.defer("article__body")


def official_titles(official):
    """Each title the official held once, earliest first: grouped over all of their title rows (tens of
    thousands for the most quoted), so remembered until the archive changes."""
    titles = first_attestations(official.titles.all(), "title", "agency")
    return list(titles.order_by("article__published", "title", "pk"))


def agency_titles(agency):
    """Each official's titles at the agency once (cached as `official_titles`)."""
    titles = first_attestations(OfficialTitle.objects.filter(agency=agency), "official", "title")
    return list(titles.order_by("official__name", "article__published", "pk"))


class OfficialDetailView(DetailView):
    model = Official

    def get_object(self, queryset=None):
        official = super().get_object(queryset)
        remember_ids(Official, "slug", {official.slug: official.pk})  # the filter by them needs their id
        return official

    def get_context_data(self, **kwargs):
        official = self.object
        filterset = filters.QuoteFilterSet(params(official=official.slug), queryset=Quote.objects.all())
        quotes = filterset.qs.for_list().sorted_by("-date")
        # The most quoted officials have tens of thousands: a page at a time, newest first (the order of
        # the date index, so the page is read from it rather than sorting all of them).
        paginator = CountedPaginator(quotes, OFFICIAL_QUOTES_PER_PAGE, count=filterset.count())
        try:
            page = paginator.page(self.request.GET.get("page") or 1)
        except (PageNotAnInteger, EmptyPage) as error:
            raise Http404("There is no such page of quotes.") from error
        by_year = {}
        for quote in page.object_list:
            by_year.setdefault(quote.year, []).append(quote)
        return super().get_context_data(
            titles=cached(("official-titles", official.pk), lambda: official_titles(official)),
            quotes_by_year=sorted(by_year.items(), key=lambda pair: -(pair[0] or 0)),
            quote_count=paginator.count,
            page_obj=page,
            paginator=paginator,
            is_paginated=page.has_other_pages(),
            browse_query=params(official=official.slug).urlencode(),
            **kwargs,
        )


class BelongingView(DetailView):
    """An agency, outlet, country or year: counts, its latest quotes and its articles."""

    def quote_params(self):
        raise NotImplementedError

    def article_params(self):
        return None

    def omitted_facets(self):
        # "In these quotes": not the page's own dimension, whose facet would count the whole archive
        # (a facet is counted without its own filter) rather than these quotes.
        return self.quote_params().keys()

    def quote_summary(self, quote_filterset):
        """(how many quotes, the rows of their facets)."""
        return quote_filterset.count(), quote_filterset.facet_rows(omit=self.omitted_facets())

    def rendered_once(self, name, render):
        """HTML of the page's latest quotes or articles: the same for every visitor, so rendered once per
        archive version (a country's page reads and renders them in most of its time otherwise)."""
        record = self.object.pk if hasattr(self.object, "pk") else self.object
        return cached((name, type(self).__name__, record), render)

    def get_context_data(self, **kwargs):
        quote_filterset, quotes = filters.filtered_quotes(self.quote_params())
        quote_count, facet_rows = self.quote_summary(quote_filterset)
        context = {
            "quotes_html": self.rendered_once(
                "latest-quotes", lambda: mark_safe("".join(quote_item({}, q) for q in quotes[:DETAIL_QUOTES]))
            ),
            "quotes_shown": min(quote_count, DETAIL_QUOTES),
            "quote_count": quote_count,
            "quote_query": self.quote_params().urlencode(),
            "quote_facets": quote_filterset.facets(omit=self.omitted_facets(), rows=facet_rows),
        }
        if self.article_params() is not None:
            article_filterset, articles = filters.filtered_articles(self.article_params())
            article_count = article_filterset.count()
            context.update(
                articles_html=self.rendered_once(
                    "latest-articles",
                    lambda: mark_safe(
                        "".join(
                            render_to_string("statements/_article_item.html", {"article": article})
                            for article in articles[:DETAIL_ARTICLES]
                        )
                    ),
                ),
                articles_shown=min(article_count, DETAIL_ARTICLES),
                article_count=article_count,
                article_query=self.article_params().urlencode(),
            )
        return super().get_context_data(**context, **kwargs)


def title_rows(titles):
    """OfficialTitles as JSON-able rows (what the agency page lists), for statements.summaries."""
    return [
        {
            "official": [title.official.name, title.official.slug],
            "title": title.title,
            "article": [
                title.article_id,
                title.article.published.isoformat() if title.article.published else None,
                title.article.published_precision,
            ],
        }
        for title in titles
    ]


def titles_from_rows(rows):
    """Unsaved OfficialTitles from `title_rows`, enough for _agency_titles.html to render."""
    titles = []
    for row in rows:
        name, slug = row["official"]
        article_id, published, precision = row["article"]
        article = Article(
            pk=article_id,
            published=date.fromisoformat(published) if published else None,
            published_precision=precision,
        )
        titles.append(
            OfficialTitle(title=row["title"], official=Official(name=name, slug=slug), article=article)
        )
    return titles


def agency_summary(agency):
    """What an agency page counts: its quotes, their facets (all but the agency's own) and the titles
    held at it, as JSON-able data (stored by statements.summaries)."""
    quote_filterset = filters.QuoteFilterSet(params(agency=agency.slug), queryset=Quote.objects.all())
    return {
        "count": quote_filterset.count(),
        "facets": quote_filterset.facet_rows(omit=["agency"]),
        "titles": title_rows(agency_titles(agency)),
    }


class AgencyDetailView(BelongingView):
    queryset = summaries.with_stored(Agency.objects.select_related("country"))

    def quote_params(self):
        return params(agency=self.object.slug)

    def summary(self):
        """The page's counts, facets and titles, stored per agency until a write touches it: the
        versioned cache would count them again at every first visit after any write."""
        if not hasattr(self, "_summary"):
            self._summary = summaries.for_agency(self.object, lambda: agency_summary(self.object))
        return self._summary

    def get_object(self, queryset=None):
        agency = super().get_object(queryset)
        remember_ids(Agency, "slug", {agency.slug: agency.pk})  # the filter by this agency needs its id
        return agency

    def quote_summary(self, quote_filterset):
        summary = self.summary()
        return summary["count"], summary["facets"]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Rendered once per archive version: the FBI's list runs to hundreds of officials.
        agency = self.object
        context["titles_html"] = cached(
            ("agency-titles", agency.pk),
            lambda: render_to_string(
                "statements/_agency_titles.html", {"titles": titles_from_rows(self.summary()["titles"])}
            ),
        )
        return context


class OutletDetailView(BelongingView):
    model = Outlet

    def quote_params(self):
        return params(outlet=self.object.slug)

    def article_params(self):
        return params(outlet=self.object.slug)


class CountryDetailView(BelongingView):
    model = Country
    slug_field = "code"
    slug_url_kwarg = "code"

    def get_object(self, queryset=None):
        self.kwargs["code"] = self.kwargs["code"].upper()
        return super().get_object(queryset)

    def quote_params(self):
        return params(country=self.object.code)

    def article_params(self):
        return params(country=self.object.code)


class YearView(BelongingView):
    template_name = "statements/year_detail.html"

    def get_object(self, queryset=None):
        year = self.kwargs["year"]
        if not Article.objects.in_year(year).exists():
            raise Http404(f"The archive holds nothing published in {year}.")
        return year

    def quote_params(self):
        return params(year=self.object)

    def article_params(self):
        return params(year=self.object)

    def get_context_data(self, **kwargs):
        years = list(
            Article.objects.exclude(year=None).values_list("year", flat=True).distinct().order_by("year")
        )
        index = years.index(self.object)
        return super().get_context_data(
            year=self.object,
            previous_year=years[index - 1] if index > 0 else None,
            next_year=years[index + 1] if index + 1 < len(years) else None,
            **kwargs,
        )


class NamedListView(ListView):
    """Officials, agencies, outlets or countries with their counts, by name or by number of quotes."""

    paginate_by = 50
    sorts = {"name": "name", "quotes": "most quoted"}

    def sort_key(self):
        sort = self.request.GET.get("sort")
        return sort if sort in self.sorts else "name"

    def order(self, queryset):
        if self.sort_key() == "quotes":
            return queryset.order_by("-quote_count", "name", "pk")
        return queryset.order_by("name", "pk")

    def paginate_queryset(self, queryset, page_size):
        try:
            return super().paginate_queryset(queryset, page_size)
        except Http404:
            self.page_error = "page: There is no such page."
            return None, None, queryset.none(), False

    def get_context_data(self, **kwargs):
        context = super().get_context_data(sorts=self.sorts, sort=self.sort_key(), **kwargs)
        context["errors"] = [self.page_error] if getattr(self, "page_error", None) else []
        return context

    def render_to_response(self, context, **kwargs):
        return super().render_to_response(context, status=400 if context["errors"] else 200, **kwargs)


class OfficialListView(NamedListView):
    template_name = "statements/official_list.html"

    def get_queryset(self):
        return self.order(with_counts(Official.objects.all(), quote="quotes", article="titles__article"))


class AgencyListView(NamedListView):
    template_name = "statements/agency_list.html"

    def get_queryset(self):
        agencies = with_counts(Agency.objects.all(), quote="quotes", official="official_titles__official")
        return self.order(agencies.filter(Q(quote_count__gt=0) | Q(official_count__gt=0)))


class OutletListView(NamedListView):
    template_name = "statements/outlet_list.html"

    def get_queryset(self):
        return self.order(with_counts(Outlet.objects.all(), quote="articles__quotes", article="articles"))


class CountryListView(NamedListView):
    template_name = "statements/country_list.html"

    def get_queryset(self):
        # All of ISO 3166 is in the table; list the countries the archive's records mention.
        countries = with_counts(Country.objects.all(), quote="quotes", article="articles")
        return self.order(countries.filter(Q(quote_count__gt=0) | Q(article_count__gt=0)))


class YearListView(ListView):
    template_name = "statements/year_list.html"

    def get_queryset(self):
        return (
            Article.objects.exclude(year=None)
            .values("year")
            .annotate(article_count=Count("pk", distinct=True), quote_count=Count("quotes", distinct=True))
            .order_by("-year")
        )
