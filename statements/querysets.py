"""The read API: every page, facet count and export starts from these querysets.

Filters across many-to-many relations use `Exists` subqueries rather than joins, so a quote that mentions
two countries appears once in a list without `.distinct()`, and the grouped facet counts stay exact.
"""

from django.db import models
from django.db.models import Count, Exists, F, OuterRef, Q

from statements import search


def _upper(codes):
    return sorted({code.upper() for code in codes})


class ArticleQuerySet(models.QuerySet):
    def in_year(self, year):
        return self.filter(year=year)

    def in_years(self, first=None, last=None):
        if first is not None:
            self = self.filter(year__gte=first)
        if last is not None:
            self = self.filter(year__lte=last)
        return self

    def mentioning(self, *codes):
        """Articles that mention any of the countries."""
        mentions = self.model.countries.through.objects.filter(
            article=OuterRef("pk"), country__code__in=_upper(codes)
        )
        return self.filter(Exists(mentions))

    def mentioning_all(self, *codes):
        for code in _upper(codes):
            self = self.mentioning(code)
        return self

    def in_outlets(self, *slugs):
        return self.filter(outlet__slug__in=slugs)

    def search(self, query):
        """Articles whose title or text match the words of `query`, annotated with `search_rank`."""
        return search.search_articles(self, query)

    def for_list(self):
        return self.select_related("outlet").annotate(quote_count=Count("quotes", distinct=True))

    def for_detail(self):
        return self.select_related("outlet").prefetch_related(
            models.Prefetch("quotes", queryset=self.model.quotes.field.model.objects.order_by("start")),
            "country_mentions__country",
            "official_titles__official",
            "official_titles__agency",
        )

    def sorted_by(self, key):
        orderings = {
            "date": [F("published").asc(nulls_last=True), "source_file"],
            "-date": [F("published").desc(nulls_last=True), "source_file"],
            "title": ["title", "source_file"],
            "outlet": [F("outlet__name").asc(nulls_last=True), F("published").desc(nulls_last=True)],
            "relevance": [F("search_rank").desc(nulls_last=True), F("published").desc(nulls_last=True)],
        }
        return self.order_by(*orderings[key], "pk")

    # Facets: one grouped query each, over the records of this queryset.
    def year_counts(self):
        return _counted(self, "year")

    def country_counts(self):
        return _counted(self, "countries__code", "countries__name")

    def outlet_counts(self):
        return _counted(self, "outlet__slug", "outlet__name")


class QuoteQuerySet(models.QuerySet):
    def in_year(self, year):
        return self.filter(article__year=year)

    def in_years(self, first=None, last=None):
        if first is not None:
            self = self.filter(article__year__gte=first)
        if last is not None:
            self = self.filter(article__year__lte=last)
        return self

    def mentioning(self, *codes):
        """Quotes whose words mention any of the countries."""
        mentions = self.model.countries.through.objects.filter(
            quote=OuterRef("pk"), country__code__in=_upper(codes)
        )
        return self.filter(Exists(mentions))

    def mentioning_all(self, *codes):
        for code in _upper(codes):
            self = self.mentioning(code)
        return self

    def by_officials(self, *slugs):
        said = self.model.officials.through.objects.filter(quote=OuterRef("pk"), official__slug__in=slugs)
        return self.filter(Exists(said))

    def by_agencies(self, *slugs):
        said = self.model.agencies.through.objects.filter(quote=OuterRef("pk"), agency__slug__in=slugs)
        return self.filter(Exists(said))

    def in_outlets(self, *slugs):
        return self.filter(article__outlet__slug__in=slugs)

    def fragments(self, fragment=True):
        return self.filter(fragment=fragment)

    def search(self, query):
        """Quotes whose words or speaker match the words of `query`, annotated with `search_rank`."""
        return search.search_quotes(self, query)

    def for_list(self):
        return self.select_related("article", "article__outlet").prefetch_related(
            "officials", "agencies", "countries"
        )

    def sorted_by(self, key):
        by_date = ["article__source_file", "start"]
        orderings = {
            "date": [F("article__published").asc(nulls_last=True), *by_date],
            "-date": [F("article__published").desc(nulls_last=True), *by_date],
            "speaker": ["speaker", F("article__published").asc(nulls_last=True), *by_date],
            "article": ["article__title", "article__source_file", "start"],
            "relevance": [
                F("search_rank").desc(nulls_last=True),
                F("article__published").desc(nulls_last=True),
            ],
        }
        return self.order_by(*orderings[key], "pk")

    def latest(self, count):
        return self.for_list().sorted_by("-date")[:count]

    # Facets: one grouped query each, over the records of this queryset.
    def year_counts(self):
        return _counted(self, "article__year")

    def country_counts(self):
        return _counted(self, "countries__code", "countries__name")

    def agency_counts(self):
        return _counted(self, "agencies__slug", "agencies__name")

    def official_counts(self):
        return _counted(self, "officials__slug", "officials__name")

    def outlet_counts(self):
        return _counted(self, "article__outlet__slug", "article__outlet__name")

    def per_year_and_country(self):
        """(year, country code, number of quotes) for the home page's timeline."""
        return (
            self.order_by()
            .filter(article__year__isnull=False)
            .values_list("article__year", "countries__code")
            .annotate(count=Count("pk", distinct=True))
            .order_by("article__year", "countries__code")
        )


def _counted(queryset, key, label=None):
    """Rows of {"key", "label", "count"}: how many distinct records carry each value of `key`.

    Sorting and the search annotation are dropped first: in a grouped query they would become part of the
    GROUP BY. Records without a value (a quote that mentions no country) are left out.
    """
    fields = [key] if label is None else [key, label]
    rows = (
        queryset.order_by()
        .filter(~Q(**{f"{key}__isnull": True}))
        .values(*fields)
        .annotate(count=Count("pk", distinct=True))
        .order_by("-count", label or key, key)
    )
    return [
        {"key": row[key], "label": row[label] if label else row[key], "count": row["count"]} for row in rows
    ]


# Read helpers for the models without a queryset class of their own.
def with_counts(queryset, **counted):
    """Annotate `<name>_count` for each relation path in `counted`, counting distinct records."""
    return queryset.annotate(
        **{f"{name}_count": Count(path, distinct=True) for name, path in counted.items()}
    )


def titles_at_the_time(officials, article):
    """{official id: [OfficialTitle]}: the titles each official held when `article` was published.

    The article's own titles when it gives any; otherwise the most recent ones attested by an earlier
    (or same-day) article, which is what a reader would take as the title at the time.
    """
    from statements.models import OfficialTitle

    titles = OfficialTitle.objects.filter(official__in=officials).select_related("article", "agency")
    if article.published:
        titles = titles.filter(Q(article=article) | Q(article__published__lte=article.published))
    else:
        titles = titles.filter(article=article)
    by_official = {}
    for title in titles.order_by("official", "-article__published", "title"):
        by_official.setdefault(title.official_id, []).append(title)
    held = {}
    for official_id, candidates in by_official.items():
        own = [t for t in candidates if t.article_id == article.pk]
        if own:
            held[official_id] = own
        else:
            latest = candidates[0].article.published
            held[official_id] = [t for t in candidates if t.article.published == latest]
    return held
