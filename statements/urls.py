from django.urls import path

from statements import views

app_name = "statements"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("quotes/", views.QuoteListView.as_view(), name="quote-list"),
    path("quotes/<int:pk>/", views.QuoteDetailView.as_view(), name="quote-detail"),
    path("articles/", views.ArticleListView.as_view(), name="article-list"),
    path("articles/<int:pk>/", views.ArticleDetailView.as_view(), name="article-detail"),
    path("officials/", views.OfficialListView.as_view(), name="official-list"),
    path("officials/<slug:slug>/", views.OfficialDetailView.as_view(), name="official-detail"),
    path("agencies/", views.AgencyListView.as_view(), name="agency-list"),
    path("agencies/<slug:slug>/", views.AgencyDetailView.as_view(), name="agency-detail"),
    path("outlets/", views.OutletListView.as_view(), name="outlet-list"),
    path("outlets/<slug:slug>/", views.OutletDetailView.as_view(), name="outlet-detail"),
    path("countries/", views.CountryListView.as_view(), name="country-list"),
    path("countries/<str:code>/", views.CountryDetailView.as_view(), name="country-detail"),
    path("years/", views.YearListView.as_view(), name="year-list"),
    path("years/<int:year>/", views.YearView.as_view(), name="year-detail"),
]
