"""The read API: every page, facet count and export starts from these querysets.

Filters across many-to-many relations use `Exists` subqueries rather than joins, so a quote that mentions
two countries appears once in a list without `.distinct()`, and the grouped facet counts stay exact
(and need no DISTINCT: each (record, key) pair of a link table is unique).

Quotes carry their article's date (`Quote.published`, `Quote.year`), so filtering by year and sorting by
date touch the quote table alone, by index (migration 0007).

What is read often and is the same for every reader (counts, facets, the home page) is cached with
`cached()`, under a version that every write to the archive's tables replaces (`archive_changed`).
"""

import hashlib
import time

from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db import connections, models
from django.db.models import Count, Exists, F, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.db.models.signals import m2m_changed, post_delete, post_save

from statements import search

# ------------------------------------------------------------------------------------------ caching
VERSION_KEY = "archive:version"
CACHE_SECONDS = 60 * 60
APP_LABEL = "statements"


def archive_version():
    """A token that changes whenever the archive's records change (see `archive_changed`)."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, str(time.time_ns()), timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def archive_changed(**kwargs):
    """Forget every cached count and facet: a new version makes the old keys unreachable.

    Connected to post_save, post_delete and m2m_changed of the app's models (loaddata's and ingest's raw
    saves included); bulk writers that send no signals (statements.synthetic) call it themselves. The
    default LocMemCache is per process: with several processes, use a shared cache (Redis, Memcached,
    the database) so that a write in one reaches them all, or accept up to CACHE_SECONDS of staleness.
    """
    sender = kwargs.get("sender")
    if sender is None or sender._meta.app_label == APP_LABEL:
        cache.set(VERSION_KEY, str(time.time_ns()), timeout=None)
    if sender is None:  # a bulk write (ingest's): new quotes may have no export line yet
        from statements import export_lines

        export_lines.changed()


for _signal in (post_save, post_delete, m2m_changed):
    _signal.connect(archive_changed, dispatch_uid=f"statements.querysets.archive_changed.{_signal}")


def _cache_key(version, parts):
    return f"archive:{version}:{hashlib.sha256(repr(parts).encode()).hexdigest()[:32]}"


def cached(parts, compute, timeout=CACHE_SECONDS):
    """`compute()`, remembered under `parts` (anything with a stable repr) for this archive version."""
    key = _cache_key(archive_version(), parts)
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout)
    return value


def cached_together(parts_list, compute_missing, timeout=CACHE_SECONDS):
    """Like `cached` for several values at once: one cache read for all of them, and one call of
    `compute_missing(indices)` (returning their values, in that order) for those not remembered yet."""
    version = archive_version()
    keys = [_cache_key(version, parts) for parts in parts_list]
    found = cache.get_many(keys)
    missing = [index for index, key in enumerate(keys) if key not in found]
    if missing:
        computed = dict(zip((keys[index] for index in missing), compute_missing(missing), strict=True))
        cache.set_many(computed, timeout)
        found.update(computed)
    return [found[key] for key in keys]


def _upper(codes):
    return sorted({code.upper() for code in codes})


def record_ids(model, field, values):
    """{value: primary key} for the records whose `field` is among `values` (cached per archive version).

    One lookup serves both the filter's validation (which values name no record) and the filter itself.
    """
    values = sorted(set(values))
    return cached(
        ("ids", model._meta.label, field, tuple(values)),
        lambda: dict(model._default_manager.filter(**{f"{field}__in": values}).values_list(field, "pk")),
    )


def remember_ids(model, field, ids):
    """Tell `record_ids` the ids of records a page has read already ({value: primary key}), so that
    filtering by them looks nothing up again."""
    key = _cache_key(archive_version(), ("ids", model._meta.label, field, tuple(sorted(ids))))
    cache.set(key, dict(ids), CACHE_SECONDS)


def _ids(model, field, values):
    """The primary keys of the records whose `field` is among `values`.

    The link tables are filtered by these ids rather than by a join on the code or slug: the planner then
    knows how many quotes the chosen country has (its statistics are per id), and walks the date index for
    a common one instead of gathering all of its quotes first.
    """
    return sorted(record_ids(model, field, values).values())


class YearAndCountryQuerySet(models.QuerySet):
    """Filters shared by articles and quotes: both carry a `year` and `countries` they mention."""

    def in_year(self, year):
        return self.filter(year=year)

    def in_years(self, first=None, last=None):
        if first is not None:
            self = self.filter(year__gte=first)
        if last is not None:
            self = self.filter(year__lte=last)
        return self

    def mentioning(self, *codes):
        """Records that mention any of the countries (for a quote: its own words)."""
        field = self.model.countries.field
        mentions = field.remote_field.through.objects.filter(
            **{field.m2m_field_name(): OuterRef("pk")},
            country_id__in=_ids(field.related_model, "code", _upper(codes)),
        )
        return self.filter(Exists(mentions))

    def mentioning_all(self, *codes):
        for code in _upper(codes):
            self = self.mentioning(code)
        return self

    # Facets: one grouped query each (subclasses name them in COUNTED: name -> (key, label)).
    COUNTED = {}

    def counting(self, name, limit=None):
        """The facet `name`'s grouped query (a `Counting`), to run alone or with others (`count_together`)."""
        return Counting(self, *self.COUNTED[name], limit=limit)


class ArticleQuerySet(YearAndCountryQuerySet):
    def in_outlets(self, *slugs):
        return self.filter(outlet__slug__in=slugs)

    def search(self, query):
        """Articles whose title or text match the words of `query`, annotated with `search_rank`."""
        return search.search_articles(self, query)

    def for_list(self):
        # A correlated count per listed article (by index), not a GROUP BY over every filtered article.
        quotes = self.model.quotes.field.model.objects.filter(article=OuterRef("pk")).order_by()
        counted = quotes.values("article").annotate(n=Count("pk")).values("n")
        return self.select_related("outlet").annotate(quote_count=Coalesce(Subquery(counted), 0))

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

    COUNTED = {
        "year_counts": ("year", None),
        "country_counts": ("countries__code", "countries__name"),
        "outlet_counts": ("outlet__slug", "outlet__name"),
    }

    def year_counts(self, limit=None):
        return self.counting("year_counts", limit).run()

    def country_counts(self, limit=None):
        return self.counting("country_counts", limit).run()

    def outlet_counts(self, limit=None):
        return self.counting("outlet_counts", limit).run()


# SQLite has no statistics on what `EXISTS` selects: for a quote list filtered by an official or agency it
# walks the date index and probes every quote (350 ms for an official with 3,000 of a million quotes).
# Below this many linked quotes, it reads them by the link index and sorts them instead (1 ms).
SQLITE_LINKED_LIST_LIMIT = 10_000


def _linked_count(through, field, ids):
    return cached(
        ("linked", through._meta.label, field, tuple(ids)),
        lambda: through.objects.filter(**{f"{field}__in": ids}).count(),
    )


class QuoteQuerySet(YearAndCountryQuerySet):
    def _said_by(self, through, field, ids):
        """Quotes linked through `through` to any of the records `ids` (by `field`, e.g. official_id)."""
        links = through.objects.filter(**{f"{field}__in": ids})
        if (
            connections[self.db].vendor == "sqlite"
            and _linked_count(through, field, ids) <= SQLITE_LINKED_LIST_LIMIT
        ):
            return self.filter(pk__in=links.values("quote_id"))
        return self.filter(Exists(links.filter(quote=OuterRef("pk"))))

    def by_officials(self, *slugs):
        ids = _ids(self.model.officials.field.related_model, "slug", slugs)
        return self._said_by(self.model.officials.through, "official_id", ids)

    def by_agencies(self, *slugs):
        ids = _ids(self.model.agencies.field.related_model, "slug", slugs)
        return self._said_by(self.model.agencies.through, "agency_id", ids)

    def in_outlets(self, *slugs):
        return self.filter(article__outlet__slug__in=slugs)

    def fragments(self, fragment=True):
        return self.filter(fragment=fragment)

    def search(self, query):
        """Quotes whose words or speaker match the words of `query`, annotated with `search_rank`."""
        return search.search_quotes(self, query)

    def for_detail(self):
        return self.select_related("article", "article__outlet").prefetch_related(
            "officials", "agencies", "countries"
        )

    def for_list(self):
        # A listed quote shows its article's title, outlet and date, never its text (kilobytes each).
        return self.for_detail().defer("article__body")

    def sorted_by(self, key):
        """Within a date, quotes keep their article's order (article, then place in it). "-date" is exactly
        the order of the indexes quote_published_desc_idx and quote_year_published_idx."""
        by_date = ["article_id", "start"]
        orderings = {
            "date": [F("published").asc(nulls_last=True), *by_date],
            "-date": [F("published").desc(nulls_last=True), *by_date],
            "speaker": ["speaker", F("published").asc(nulls_last=True), *by_date],
            "article": ["article__title", "article__source_file", "start"],
            "relevance": [F("search_rank").desc(nulls_last=True), F("published").desc(nulls_last=True)],
        }
        return self.order_by(*orderings[key], "pk")

    def latest(self, count):
        return self.for_list().sorted_by("-date")[:count]

    # Facets: one grouped query each, over the records of this queryset, the `limit` most frequent values.
    COUNTED = {
        "year_counts": ("year", None),
        "country_counts": ("countries__code", "countries__name"),
        "agency_counts": ("agencies__slug", "agencies__name"),
        "official_counts": ("officials__slug", "officials__name"),
        "outlet_counts": ("article__outlet__slug", "article__outlet__name"),
    }

    def year_counts(self, limit=None):
        return self.counting("year_counts", limit).run()

    def country_counts(self, limit=None):
        return self.counting("country_counts", limit).run()

    def agency_counts(self, limit=None):
        return self.counting("agency_counts", limit).run()

    def official_counts(self, limit=None):
        return self.counting("official_counts", limit).run()

    def outlet_counts(self, limit=None):
        return self.counting("outlet_counts", limit).run()

    def per_year_and_country(self):
        """(year, country code, number of quotes) for the home page's timeline."""
        return (
            self.order_by()
            .filter(year__isnull=False)
            .values_list("year", "countries__code")
            .annotate(count=Count("pk"))
            .order_by("year", "countries__code")
        )


class Counting:
    """A facet's grouped query, not yet run: how many records carry each value of `key`, most first; the
    first `limit` of them (the long tail cut in the database) when `limit` is given.

    Sorting and the search annotation are dropped first: in a grouped query they would become part of the
    GROUP BY. Records without a value (a quote that mentions no country) are left out. `Count("pk")`
    without DISTINCT: the lists filter many-to-many relations with `Exists`, so each record meets each
    value of `key` once (link tables are unique on the pair).
    """

    def __init__(self, queryset, key, label=None, limit=None):
        self.limit = limit
        rows = (
            queryset.order_by()
            .values(facet_key=F(key), facet_label=F(label or key))
            .annotate(facet_count=Count("pk"))
            .order_by("-facet_count", "facet_label", "facet_key")
        )
        # The records without a value form one group of their own, dropped here rather than by a filter:
        # `exclude(<many-to-many>=None)` becomes a correlated NOT EXISTS that PostgreSQL can run
        # quadratically.
        self.rows = rows if limit is None else rows[: limit + 1]

    def result(self, rows):
        """Rows of {"key", "label", "count"} from (key, label, count) tuples in the query's order."""
        counted = [
            {"key": key, "label": label, "count": count} for key, label, count in rows if key is not None
        ]
        return counted if self.limit is None else counted[: self.limit]

    def run(self):
        return self.result(self.rows.values_list("facet_key", "facet_label", "facet_count"))


def counts_together(**querysets):
    """{name: queryset.count()} from one statement (a scalar subquery per queryset): the home page's
    totals in one round trip."""
    querysets = {name: queryset.order_by().values("pk") for name, queryset in querysets.items()}
    using = next(iter(querysets.values())).db
    columns, params = [], []
    for queryset in querysets.values():
        sql, part_params = queryset.query.get_compiler(using=using).as_sql()
        columns.append(f"(SELECT COUNT(*) FROM ({sql}) AS counted)")  # noqa: S608 (compiled by Django)
        params.extend(part_params)
    with connections[using].cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(columns), params)
        return dict(zip(querysets, cursor.fetchone(), strict=True))


def count_together(countings):
    """The results of several `Counting`s from one statement (UNION ALL of their grouped queries), for a
    page's facets: one round trip instead of one per facet. Keys and labels come back as text."""
    if not countings:
        return []
    parts, params, empty = [], [], set()
    using = countings[0].rows.db
    for number, counting in enumerate(countings):
        try:
            sql, part_params = counting.rows.query.get_compiler(using=using).as_sql()
        except EmptyResultSet:
            empty.add(number)
            continue
        # Each part numbers its rows in its own order (the grouped query's ORDER BY is only kept inside a
        # derived table), so the union's rows can be put back in that order whatever the plan.
        parts.append(
            f"SELECT {number} AS facet, CAST(facet_key AS TEXT), CAST(facet_label AS TEXT), facet_count, "
            "row_number() OVER (ORDER BY facet_count DESC, facet_label, facet_key) AS place "
            f"FROM ({sql}) AS facet_{number}"  # noqa: S608 (compiled by Django, parameters apart)
        )
        params.extend(part_params)
    rows = {number: [] for number in range(len(countings))}
    if parts:
        with connections[using].cursor() as cursor:
            cursor.execute(" UNION ALL ".join(parts) + " ORDER BY facet, place", params)
            for number, key, label, count, _ in cursor.fetchall():
                rows[number].append((key, label, count))
    return [counting.result(rows[number]) for number, counting in enumerate(countings)]


# Read helpers for the models without a queryset class of their own.
def with_counts(queryset, **counted):
    """Annotate `<name>_count` for each relation path in `counted`, counting distinct records."""
    return queryset.annotate(
        **{f"{name}_count": Count(path, distinct=True) for name, path in counted.items()}
    )


def titles_at_the_time(officials, article):
    """{official id: [OfficialTitle]}: the titles each official held when `article` was published.

    The article's own titles when it gives any; otherwise the most recent ones attested by an earlier
    (or same-day) article, which is what a reader would take as the title at the time. Two small queries:
    the article's own titles, then, for the officials it gives none, the titles of their latest earlier
    date (an official quoted in thousands of articles has a title row in each: they are not all read).
    """
    from statements.models import OfficialTitle

    officials = list(officials)
    titles = OfficialTitle.objects.select_related("article", "agency").defer("article__body")
    held = {}
    own = titles.filter(official__in=officials, article=article).order_by("official", "title", "pk")
    for title in own:
        held.setdefault(title.official_id, []).append(title)
    missing = [official for official in officials if official.pk not in held]
    if not missing or not article.published:
        return held
    latest = (
        OfficialTitle.objects.filter(official=OuterRef("official"), article__published__lte=article.published)
        .order_by("-article__published")
        .values("article__published")[:1]
    )
    earlier = titles.filter(official__in=missing, article__published=Subquery(latest))
    for title in earlier.order_by("official", "title", "pk"):
        held.setdefault(title.official_id, []).append(title)
    return held
