from django.urls import path

from statements import views

app_name = "statements"

urlpatterns = [
    path("", views.home, name="home"),
    path("articles/<int:pk>/", views.ArticleDetailView.as_view(), name="article-detail"),
    path("quotes/<int:pk>/", views.QuoteDetailView.as_view(), name="quote-detail"),
    path("officials/<slug:slug>/", views.OfficialDetailView.as_view(), name="official-detail"),
    path("agencies/<slug:slug>/", views.AgencyDetailView.as_view(), name="agency-detail"),
    path("outlets/<slug:slug>/", views.OutletDetailView.as_view(), name="outlet-detail"),
    path("countries/<str:code>/", views.CountryDetailView.as_view(), name="country-detail"),
]
