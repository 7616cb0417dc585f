"""The read API: every page, facet count and export starts from these querysets."""

from django.db import models


class ArticleQuerySet(models.QuerySet):
    def in_year(self, year):
        return self.filter(year=year)

    def mentioning(self, *codes):
        return self.filter(country_mentions__country__code__in=[c.upper() for c in codes]).distinct()

    def for_list(self):
        return self.select_related("outlet")


class QuoteQuerySet(models.QuerySet):
    def in_year(self, year):
        return self.filter(article__year=year)

    def mentioning(self, *codes):
        return self.filter(countries__code__in=[c.upper() for c in codes]).distinct()

    def for_list(self):
        return self.select_related("article", "article__outlet").prefetch_related(
            "officials", "agencies", "countries"
        )
