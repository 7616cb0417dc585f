"""Thin views over the querysets in statements.querysets."""

from django.shortcuts import render
from django.views.generic import DetailView

from statements.models import Agency, Article, Country, Official, Outlet, Quote


def home(request):
    articles = Article.objects.for_list()
    return render(request, "statements/home.html", {"articles": articles})


class ArticleDetailView(DetailView):
    queryset = Article.objects.select_related("outlet").prefetch_related(
        "quotes__officials", "quotes__agencies", "country_mentions__country"
    )


class QuoteDetailView(DetailView):
    queryset = Quote.objects.for_list()


class OfficialDetailView(DetailView):
    queryset = Official.objects.prefetch_related("titles__agency", "titles__article", "quotes__article")


class AgencyDetailView(DetailView):
    model = Agency


class OutletDetailView(DetailView):
    model = Outlet


class CountryDetailView(DetailView):
    model = Country
    slug_field = "code"
    slug_url_kwarg = "code"

    def get_object(self, queryset=None):
        self.kwargs["code"] = self.kwargs["code"].upper()
        return super().get_object(queryset)
