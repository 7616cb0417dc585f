"""Every page of the public archive, as a reader gets it, on the seed archive."""

import datetime
import re

import pytest
from django.db.models import Count
from django.urls import reverse

from statements.models import Agency, Article, Country, Official, OfficialTitle, Outlet, Quote

pytestmark = pytest.mark.usefixtures("seed_archive")

SPUTNIK_ARTICLE = "004_4f0e309be861a4ee.txt"
C4ISRNET_ARTICLE = "001_9ac11eb682f3addc.txt"


def html_of(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


def text_of(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def quote_starting(article_file, words):
    return Quote.objects.get(article__source_file=article_file, text__startswith=words)


def test_home_page_lists_the_five_articles_with_outlet_and_date(client):
    html = html_of(client, reverse("statements:home"))
    for article in Article.objects.all():
        assert article.get_absolute_url() in html
    assert "Sputnik" in html
    assert 'datetime="2019-11-06"' in html


def test_home_page_says_what_the_archive_holds_and_draws_the_timeline(client):
    html = html_of(client, reverse("statements:home"))
    assert "<strong>35</strong> quotes" in html
    assert "<strong>5</strong> articles" in html
    assert "<svg" in html
    assert "Quotes per year by country mentioned" in html
    # Each bar links to the quotes it counts; 2019's Russia bar counts the two Sputnik quotes.
    assert 'href="/quotes/?year=2019&amp;country=RU"' in html
    assert "2019, Russian Federation: 2 quotes" in html


def test_every_list_page_answers(client):
    for name in ("quote-list", "article-list", "official-list", "agency-list", "outlet-list"):
        html_of(client, reverse(f"statements:{name}"))
    html_of(client, reverse("statements:country-list"))
    html_of(client, reverse("statements:year-list"))


def test_every_detail_page_answers(client):
    for model in (Article, Quote, Official, Agency, Outlet):
        for record in model.objects.all():
            assert client.get(record.get_absolute_url()).status_code == 200, record
    for code in ("RU", "ru", "US"):
        assert client.get(reverse("statements:country-detail", args=[code])).status_code == 200
    for year in (2018, 2019, 2020, 2021):
        assert client.get(reverse("statements:year-detail", args=[year])).status_code == 200


def test_unknown_records_answer_404(client):
    assert client.get("/articles/999999/").status_code == 404
    assert client.get("/quotes/999999/").status_code == 404
    assert client.get("/officials/nobody/").status_code == 404
    assert client.get("/countries/XX/").status_code == 404
    assert client.get("/years/1850/").status_code == 404


def test_every_page_extends_the_base_template_with_navigation_and_search(client):
    quote = Quote.objects.first()
    for url in ("/", "/quotes/", "/articles/", "/officials/", quote.get_absolute_url(), "/years/2019/"):
        html = html_of(client, url)
        assert '<nav aria-label="Main">' in html
        assert 'role="search"' in html
        assert '<main id="main">' in html
        assert html.count("<h1") == 1, url


def test_article_page_shows_its_text_and_its_quotes(client):
    article = Article.objects.get(source_file="000_931bc58d955ca798.txt")
    html = html_of(client, article.get_absolute_url())
    assert "recounts loomed in Georgia and Wisconsin" in html
    for quote in article.quotes.all():
        assert quote.get_absolute_url() in html


def test_article_page_highlights_and_links_each_quote_in_its_text(client):
    article = Article.objects.get(source_file=SPUTNIK_ARTICLE)
    html = html_of(client, article.get_absolute_url())
    for quote in article.quotes.all():
        assert f'id="quote-{quote.pk}" href="{quote.get_absolute_url()}"><mark>' in html
    assert html.count('class="quote-mark"') >= article.quotes.count()


def test_article_page_dims_captions_and_gives_the_curation_notes(client):
    article = Article.objects.get(source_file="000_931bc58d955ca798.txt")
    html = html_of(client, article.get_absolute_url())
    assert '<span class="boilerplate"' in html
    assert "How the outlet and date are known" in html
    assert article.published_note[:40] in text_of(html).replace("&#x27;", "'")
    # The headline is the page's title, not repeated as the first paragraph of the text.
    assert html.count("Election security officials: &#x27;No evidence voting systems compromised&#x27;") == 2


def test_article_page_lists_the_officials_agencies_and_countries_it_mentions(client):
    article = Article.objects.get(source_file=C4ISRNET_ARTICLE)
    text = text_of(html_of(client, article.get_absolute_url()))
    assert "Christopher Krebs , director of the Cybersecurity and Infrastructure Agency" in text
    assert "Federal Bureau of Investigation" in text
    assert "Iran" in text


def test_quote_page_gives_speaker_with_title_at_the_time_source_and_context(client):
    quote = quote_starting(C4ISRNET_ARTICLE, "In an unprecedented")
    html = html_of(client, quote.get_absolute_url())
    text = text_of(html)
    assert "Christopher Krebs" in text
    assert "director of the Cybersecurity and Infrastructure Agency" in text
    assert "C4ISRNET" in text
    assert 'datetime="2019-11-06"' in html
    # The paragraph around the quote, the quote itself marked.
    assert "<mark class='this-quote'>In an unprecedented level of coordination" in html
    assert "the statement read" in text
    assert "United States" in text


def test_quote_page_gives_a_permalink_and_citations(client):
    quote = quote_starting(SPUTNIK_ARTICLE, "Our adversaries")
    html = html_of(client, quote.get_absolute_url())
    assert f"http://testserver/quotes/{quote.pk}/" in html
    assert "Cite this quote" in html
    assert f"@misc{{archive-quote-{quote.pk}," in html
    assert "Sputnik" in html
    assert "https://sputniknews.com/us/201911061077232612" in html
    assert "month = nov" in html


def test_quote_page_links_the_joint_statement_across_outlets(client):
    c4isrnet = quote_starting(C4ISRNET_ARTICLE, "In an unprecedented")
    sputnik = quote_starting(SPUTNIK_ARTICLE, "In an unprecedented")
    # "U.S." against "US": the same words all the same, in both directions.
    assert sputnik.get_absolute_url() in html_of(client, c4isrnet.get_absolute_url())
    assert c4isrnet.get_absolute_url() in html_of(client, sputnik.get_absolute_url())
    # "cyberattacks" against "cyber-attacks".
    adversaries = quote_starting(C4ISRNET_ARTICLE, "Adversaries may try")
    html = html_of(client, adversaries.get_absolute_url())
    assert quote_starting(SPUTNIK_ARTICLE, "Adversaries may try").get_absolute_url() in html
    assert "The same words in other articles" in html


def test_quote_page_lists_the_most_alike_of_a_statement_reprinted_many_times(client):
    c4isrnet = quote_starting(C4ISRNET_ARTICLE, "In an unprecedented")
    for n in range(25):
        body = f"“{c4isrnet.text}” the agencies said in copy {n}."
        article = Article.objects.create(
            body=body, source_file=f"zz_reprint_{n}.txt", content_hash=f"{n:064d}"
        )
        Quote.objects.create(article=article, text=c4isrnet.text, start=1, end=1 + len(c4isrnet.text))
    html = html_of(client, c4isrnet.get_absolute_url())
    listed = re.search(r'<ul class="same-words">(.*?)</ul>', html, re.S).group(1)
    assert listed.count("<li>") == 20
    assert "The 20 most alike of 26 quotes found are listed." in text_of(html)


def test_quote_page_does_not_link_unrelated_quotes(client):
    quote = quote_starting("002_c385797d8ff9425e.txt", "We assess that China")
    assert "The same words in other articles" not in html_of(client, quote.get_absolute_url())


def test_quote_page_gives_the_most_recent_earlier_title_when_the_article_gives_none(client):
    wray = Official.objects.get(slug="christopher-wray")
    body = "Wray spoke. “We are watching closely,” Wray said."
    article = Article.objects.create(
        body=body, source_file="zz_test.txt", content_hash="f" * 64, published=datetime.date(2022, 1, 5)
    )
    start = body.index("We are")
    quote = Quote.objects.create(
        article=article, text="We are watching closely,", start=start, end=start + 24
    )
    quote.officials.add(wray)
    assert OfficialTitle.objects.filter(official=wray, article=article).count() == 0
    text = text_of(html_of(client, quote.get_absolute_url()))
    assert "Christopher Wray , FBI Director" in text


def test_official_page_lists_titles_over_time_and_quotes_by_year(client):
    krebs = Official.objects.get(slug="christopher-krebs")
    text = text_of(html_of(client, krebs.get_absolute_url()))
    assert "undersecretary of the Department of Homeland Security" in text
    assert "director of the Cybersecurity and Infrastructure Agency" in text
    assert "Quotes (5)" in text
    assert "2019 5" in text


def test_country_page_counts_its_quotes_and_articles(client):
    text = text_of(html_of(client, "/countries/ru/"))
    assert "5 quotes · 5 articles" in text
    assert "All 5 quotes" not in text  # all of them fit on the page


def test_outlet_agency_and_year_pages_count_what_belongs_to_them(client):
    assert "7 quotes · 1 article" in text_of(html_of(client, "/outlets/sputnik/"))
    agency = Agency.objects.get(slug="department-of-justice")
    assert "10 quotes" in text_of(html_of(client, agency.get_absolute_url()))
    assert "12 quotes · 2 articles" in text_of(html_of(client, "/years/2019/"))


def test_a_country_page_s_latest_quotes_and_articles_follow_edits(client):
    """Both lists are rendered once per archive version (views.BelongingView.rendered_once)."""
    quote = Quote.objects.filter(countries__code="RU").order_by("-published", "-pk").first()
    page = text_of(html_of(client, "/countries/RU/"))
    assert quote.text[:40] in page
    assert quote.article.title in page
    quote.article.title = "Retitled after an edit"
    quote.article.save()
    page = text_of(html_of(client, "/countries/RU/"))
    assert "Retitled after an edit" in page
    quote.countries.remove(Country.objects.get(code="RU"))
    assert quote.text[:40] not in text_of(html_of(client, "/countries/RU/"))


def test_a_pages_facets_count_its_own_quotes_not_its_own_dimension_across_the_archive(client):
    agency = Agency.objects.annotate(n=Count("quotes")).order_by("-n").first()
    html = html_of(client, agency.get_absolute_url())
    assert 'id="facet-years"' in html
    assert 'id="facet-agencies"' not in html  # the whole archive's agencies are not "in these quotes"
    assert 'id="facet-countries"' not in html_of(client, reverse("statements:country-detail", args=["RU"]))


def test_the_titles_on_official_and_agency_pages_follow_edits(client):
    """Both lists are remembered until the archive changes (views.official_titles, agency_titles)."""
    title = OfficialTitle.objects.filter(agency__isnull=False).select_related("official", "agency").first()
    official, agency = title.official, title.agency
    assert official.name in text_of(html_of(client, agency.get_absolute_url()))
    assert title.title in text_of(html_of(client, official.get_absolute_url()))
    official.name = "Renamed Official"
    official.save()
    title.title = "renamed title"
    title.save()
    agency_page = text_of(html_of(client, agency.get_absolute_url()))
    assert "Renamed Official" in agency_page
    assert "renamed title" in agency_page
    assert "renamed title" in text_of(html_of(client, official.get_absolute_url()))


def test_list_pages_of_officials_and_countries_sort_by_name_or_by_quotes(client):
    by_quotes = text_of(html_of(client, "/officials/?sort=quotes"))
    assert by_quotes.index("Christopher Wray") < by_quotes.index("Ali Khamenei")
    countries = text_of(html_of(client, "/countries/?sort=quotes"))
    assert countries.index("United States") < countries.index("China")
    assert "Germany" not in countries  # only countries the records mention
    assert Country.objects.filter(code="DE").exists()
