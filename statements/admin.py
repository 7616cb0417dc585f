from django.contrib import admin

from statements.models import Agency, Article, ArticleCountry, Country, Official, OfficialTitle, Outlet, Quote


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ["code", "name"]
    search_fields = ["code", "name"]


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ["name", "acronym", "kind", "country"]
    list_filter = ["kind"]
    search_fields = ["name", "acronym"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["country"]


class OfficialTitleInline(admin.TabularInline):
    model = OfficialTitle
    extra = 0
    autocomplete_fields = ["agency", "article"]


@admin.register(Official)
class OfficialAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [OfficialTitleInline]


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin):
    list_display = ["name", "domain"]
    search_fields = ["name", "domain"]
    prepopulated_fields = {"slug": ["name"]}


class ArticleCountryInline(admin.TabularInline):
    model = ArticleCountry
    extra = 0
    autocomplete_fields = ["country"]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["__str__", "outlet", "published", "source_file"]
    list_filter = ["outlet", "year"]
    list_select_related = ["outlet"]
    search_fields = ["title", "source_file", "body"]
    date_hierarchy = "published"
    autocomplete_fields = ["outlet"]
    inlines = [ArticleCountryInline]


@admin.register(Quote)
class QuoteAdmin(admin.ModelAdmin):
    list_display = ["__str__", "speaker", "article", "fragment"]
    list_filter = ["fragment", "article__year"]
    list_select_related = ["article"]
    search_fields = ["text", "speaker"]
    autocomplete_fields = ["article", "officials", "agencies", "countries"]


@admin.register(OfficialTitle)
class OfficialTitleAdmin(admin.ModelAdmin):
    list_display = ["official", "title", "agency", "article"]
    list_select_related = ["official", "agency", "article"]
    search_fields = ["official__name", "title"]
    autocomplete_fields = ["official", "agency", "article"]
