import pytest
from django.urls import reverse

from statements.models import Article, Official, Quote

pytestmark = pytest.mark.usefixtures("seed_archive")


def test_home_page_lists_the_five_articles_with_outlet_and_date(client):
    response = client.get(reverse("statements:home"))
    assert response.status_code == 200
    html = response.content.decode()
    for article in Article.objects.all():
        assert article.get_absolute_url() in html
    assert "Sputnik" in html
    assert 'datetime="2019-11-06"' in html


def test_article_page_shows_its_text_and_its_quotes(client):
    article = Article.objects.get(source_file="000_931bc58d955ca798.txt")
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "recounts loomed in Georgia and Wisconsin" in html
    for quote in article.quotes.all():
        assert quote.get_absolute_url() in html


def test_every_detail_page_answers(client):
    from statements.models import Agency, Country, Outlet

    for model in (Article, Quote, Official, Agency, Outlet):
        for record in model.objects.all():
            assert client.get(record.get_absolute_url()).status_code == 200, record
    assert client.get(Country.objects.get(code="RU").get_absolute_url()).status_code == 200


def test_unknown_records_answer_404(client):
    assert client.get("/articles/999999/").status_code == 404
    assert client.get("/officials/nobody/").status_code == 404
